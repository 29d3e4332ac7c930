package dev.petal.libm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.fixtures.Fixtures;
import dev.petal.selection.RandomState;
import org.junit.jupiter.api.Test;

class GlibcLogTest {
    private static final JsonNode GOLDEN = Fixtures.load("random_streams.json").get("glibc_log");

    @Test
    void matchesGlibcOnEveryDrawnInput() {
        RandomState rs = new RandomState(123);
        int n = GOLDEN.get("n").asInt();
        double[] logs = new double[n];
        for (int i = 0; i < n; i++) {
            double u = rs.randomSample();
            double x = switch (i % 3) {
                case 0 -> u;
                case 1 -> 0.9 + 0.2 * u;
                default -> u * Math.scalb(1.0, (int) rs.randint(2000) - 1000);
            };
            logs[i] = GlibcLog.log(x);
        }
        assertEquals(GOLDEN.get("log_sha256").asText(), Fixtures.sha256(logs));
    }

    @Test
    void matchesGlibcAtTheEdges() {
        GOLDEN.get("samples").properties().forEach(e ->
                assertEquals(Double.parseDouble(e.getValue().asText()), GlibcLog.log(Double.parseDouble(e.getKey())), e.getKey()));
        assertEquals(Double.NEGATIVE_INFINITY, GlibcLog.log(0.0));
        assertEquals(Double.NEGATIVE_INFINITY, GlibcLog.log(-0.0));
        assertEquals(Double.POSITIVE_INFINITY, GlibcLog.log(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(GlibcLog.log(-1.0)));
        assertTrue(Double.isNaN(GlibcLog.log(Double.NaN)));
        assertTrue(Double.isNaN(GlibcLog.log(Double.NEGATIVE_INFINITY)));
    }
}
