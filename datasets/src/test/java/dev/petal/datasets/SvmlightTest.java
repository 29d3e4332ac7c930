package dev.petal.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** load_svmlight_file / dump_svmlight_file against fixtures/gen_svmlight.py (scikit-learn 1.2.1). */
class SvmlightTest {
    private static final JsonNode FIX = load();

    private static JsonNode load() {
        try (InputStream in = SvmlightTest.class.getResourceAsStream("/fixtures/svmlight.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double[] doubles(JsonNode n) {
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.parseDouble(n.get(i).asText().replace("nan", "NaN").replace("inf", "Infinity"));
        }
        return out;
    }

    private static int[] ints(JsonNode n) {
        int[] out = new int[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asInt();
        }
        return out;
    }

    private static long[] longs(JsonNode n) {
        long[] out = new long[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asLong();
        }
        return out;
    }

    @Test
    void g16FormatsAsPythonsPercentFormatting() {
        double[] v = doubles(FIX.get("g16").get("values"));
        JsonNode want = FIX.get("g16").get("formatted");
        assertEquals(214, v.length);
        for (int i = 0; i < v.length; i++) {
            assertEquals(want.get(i).asText(), CFormat.g16(v[i]), "value " + v[i]);
        }
    }

    @Test
    void dumpWritesScikitLearnsBytes(@TempDir Path dir) throws IOException {
        assertEquals(4, FIX.get("dumps").size());
        for (JsonNode c : FIX.get("dumps")) {
            int rows = c.get("rows").asInt();
            int cols = c.get("cols").asInt();
            RowSource x = c.get("sparse").asBoolean()
                    ? CsrMatrix.of(rows, cols, ints(c.get("indptr")), ints(c.get("indices")), doubles(c.get("data")))
                    : Matrix.of(rows, cols, doubles(c.get("x")));
            String comment = c.get("comment").isNull() ? null : c.get("comment").asText();
            long[] qid = c.get("query_id").isNull() ? null : longs(c.get("query_id"));
            boolean zb = c.get("zero_based").asBoolean();
            Path f = dir.resolve(c.get("name").asText() + ".svm");
            if (c.get("int_y").asBoolean()) {
                Svmlight.dump(f, x, ints(c.get("y")), zb, comment, qid);
            } else {
                Svmlight.dump(f, x, doubles(c.get("y")), zb, comment, qid);
                assertEquals(c.get("text").asText(), Svmlight.format(x, doubles(c.get("y")), zb, comment, qid));
            }
            assertEquals(c.get("text").asText(), Files.readString(f, StandardCharsets.UTF_8), c.get("name").asText());
        }
    }

    @Test
    void loadReturnsScikitLearnsCsrTargetsAndQueryIds() {
        assertEquals(7, FIX.get("loads").size());
        for (JsonNode c : FIX.get("loads")) {
            String name = c.get("name").asText();
            JsonNode zb = c.get("zero_based");
            Boolean zeroBased = zb.isTextual() ? null : zb.asBoolean();
            int nFeatures = c.get("n_features").isNull() ? 0 : c.get("n_features").asInt();
            SvmlightData d = Svmlight.parse(name, c.get("text").asText(), zeroBased, nFeatures);
            CsrMatrix x = d.x();
            assertEquals(c.get("rows").asInt(), x.rows(), name);
            assertEquals(c.get("cols").asInt(), x.cols(), name);
            assertArrayEquals(ints(c.get("indptr")), x.indptr(), name);
            assertArrayEquals(ints(c.get("indices")), x.indices(), name);
            assertArrayEquals(doubles(c.get("data")), x.data(), name);
            assertArrayEquals(doubles(c.get("y")), d.y(), name);
            assertArrayEquals(longs(c.get("query_id")), d.queryId(), name);
        }
    }

    @Test
    void dumpThenLoadRoundTripsBitForBit(@TempDir Path dir) {
        double[] values = {0.1, -2.0 / 3, 1e-300, 7.0, 0.0, 123456.789e10};
        Matrix x = Matrix.of(3, 2, values);
        Path f = dir.resolve("rt.svm");
        Svmlight.dump(f, x, new double[] {1.5, -1, 0}, false, "round trip", null);
        SvmlightData d = Svmlight.load(f);
        assertEquals(x, d.x().toDense());
        assertArrayEquals(new double[] {1.5, -1, 0}, d.y());
    }

    @Test
    void aMalformedLineIsOneErrorNamingFileLineAndProblem() {
        assertEquals("t.svm line 2: feature '2' is not INDEX:VALUE",
                assertThrows(IllegalArgumentException.class, () -> Svmlight.parse("t.svm", "1 1:1\n1 2\n", null, 0)).getMessage());
        assertEquals("t.svm line 2: target '1,3' is a list of labels (multilabel); read it with Svmlight.loadMultilabel "
                + "(multilabel=True), which no petal command takes",
                assertThrows(IllegalArgumentException.class, () -> Svmlight.parse("t.svm", "1 1:1\n1,3 2:1\n", null, 0))
                        .getMessage());
        assertEquals("t.svm line 1: value of feature 2 'a' is not a number",
                assertThrows(IllegalArgumentException.class, () -> Svmlight.parse("t.svm", "1 2:a\n", null, 0)).getMessage());
        assertEquals("t.svm line 3: target 'x' is not a number",
                assertThrows(IllegalArgumentException.class, () -> Svmlight.parse("t.svm", "1 1:1\n\nx 1:1\n", null, 0)).getMessage());
        assertEquals("t.svm line 1: feature indices must be sorted and unique, but 2 follows 3",
                assertThrows(IllegalArgumentException.class, () -> Svmlight.parse("t.svm", "1 3:1 2:1\n", null, 0)).getMessage());
        assertEquals("t.svm line 1: invalid feature index -1",
                assertThrows(IllegalArgumentException.class, () -> Svmlight.parse("t.svm", "1 -1:2\n", null, 0)).getMessage());
        assertEquals("t.svm line 1: feature index '1.5' is not an integer",
                assertThrows(IllegalArgumentException.class, () -> Svmlight.parse("t.svm", "1 1.5:2\n", null, 0)).getMessage());
        assertEquals("t.svm line 1: invalid feature index 0 (the file is one-based)",
                assertThrows(IllegalArgumentException.class, () -> Svmlight.parse("t.svm", "1 0:2\n", false, 0)).getMessage());
        assertEquals("t.svm line 1: query id 'qid:x' is not qid:INTEGER",
                assertThrows(IllegalArgumentException.class, () -> Svmlight.parse("t.svm", "1 qid:x 1:2\n", null, 0)).getMessage());
        assertEquals("n_features was set to 2, but input file contains 5 features",
                assertThrows(IllegalArgumentException.class, () -> Svmlight.parse("t.svm", "1 4:2\n", true, 2)).getMessage());
    }
}
