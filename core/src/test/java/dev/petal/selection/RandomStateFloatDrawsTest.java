package dev.petal.selection;

import static dev.petal.fixtures.Fixtures.longs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

class RandomStateFloatDrawsTest {
    private static final JsonNode GOLDEN = Fixtures.load("random_streams.json");

    private static double[] parse(JsonNode node) {
        double[] v = new double[node.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(node.get(i).asText());
        }
        return v;
    }

    @Test
    void floatDrawsMatchNumpyBitForBitForEverySeed() {
        JsonNode streams = GOLDEN.get("streams");
        assertEquals(5, streams.size());
        for (JsonNode e : streams) {
            long seed = e.get("seed").asLong();
            String at = "seed " + seed;
            RandomState rs = new RandomState(seed);
            double[] sample = new double[20];
            for (int i = 0; i < sample.length; i++) {
                sample[i] = rs.randomSample();
            }
            assertArrayEquals(parse(e.get("random_sample")), sample, 0.0, at);
            rs = new RandomState(seed);
            double[] normal = new double[21];
            for (int i = 0; i < normal.length; i++) {
                normal[i] = rs.standardNormal();
            }
            assertArrayEquals(parse(e.get("standard_normal")), normal, 0.0, at);
            rs = new RandomState(seed);
            double[] mixed = {rs.standardNormal(), rs.randomSample(), rs.standardNormal(), rs.uniform(-2.0, 3.0),
                rs.randint(5), rs.standardNormal(), rs.standardNormal()};
            assertArrayEquals(parse(e.get("mixed")), mixed, 0.0, at + " (the cached Gaussian outlives other draws)");
            rs = new RandomState(seed);
            double[] uniform = new double[10];
            for (int i = 0; i < uniform.length; i++) {
                uniform[i] = rs.uniform(-3.0, 5.0);
            }
            assertArrayEquals(parse(e.get("uniform_m3_5")), uniform, 0.0, at);
            assertArrayEquals(longs(e.get("randint_3_size_15")), new RandomState(seed).randint(3, 15), at);
            rs = new RandomState(seed);
            double[] many = new double[100000];
            for (int i = 0; i < many.length; i++) {
                many[i] = rs.standardNormal();
            }
            assertEquals(e.get("standard_normal_100000_sha256").asText(), Fixtures.sha256(many), at + ": 100000 Gaussians");
        }
    }

    @Test
    void randintWithASizeRefusesANegativeSize() {
        assertEquals("negative dimensions are not allowed",
                assertThrows(IllegalArgumentException.class, () -> new RandomState(0).randint(3, -1)).getMessage());
        assertEquals(0, new RandomState(0).randint(3, 0).length);
    }
}
