package dev.petal.preprocessing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.linalg.Matrix;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StandardScalerTest {
    private static List<JsonNode> cases() throws IOException {
        try (InputStream in = StandardScalerTest.class.getResourceAsStream("standard_scaler.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            assertEquals("1.2.1", root.get("sklearn").asText());
            List<JsonNode> out = new ArrayList<>();
            root.get("cases").forEach(out::add);
            return out;
        }
    }

    private static double[] doubles(JsonNode a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = a.get(i).asDouble();
        }
        return d;
    }

    private static void assertOptional(String what, JsonNode expected, Optional<double[]> actual) {
        if (expected.isNull()) {
            assertFalse(actual.isPresent(), what);
        } else {
            assertArrayEquals(doubles(expected), actual.orElseThrow(), what);
        }
    }

    @Test
    void matchesScikitLearnBitForBit() throws IOException {
        List<JsonNode> cases = cases();
        assertEquals(13, cases.size());
        for (JsonNode c : cases) {
            String name = c.get("name").asText();
            int cols = c.get("cols").asInt();
            Matrix x = Matrix.of(c.get("rows").asInt(), cols, doubles(c.get("x")));
            StandardScalerModel m = new StandardScaler(c.get("with_mean").asBoolean(), c.get("with_std").asBoolean()).fit(x);
            assertOptional(name + " mean", c.get("mean"), m.mean());
            assertOptional(name + " var", c.get("var"), m.var());
            assertOptional(name + " scale", c.get("scale"), m.scale());
            assertEquals(c.get("n_samples_seen").asLong(), m.nSamplesSeen(), name);
            Matrix test = Matrix.of(c.get("test_rows").asInt(), cols, doubles(c.get("x_test")));
            assertArrayEquals(doubles(c.get("transform")), m.transform(test).toFlatArray(), name + " transform");
        }
    }

    @Test
    void constantFeaturesGetScaleOne() {
        Matrix x = Matrix.of(new double[][] {{0.1, 1, 5}, {0.1, 2, 5}, {0.1, 4, 5}});
        StandardScalerModel m = StandardScaler.defaults().fit(x);
        assertEquals(1.0, m.scale().orElseThrow()[0]);
        assertEquals(1.0, m.scale().orElseThrow()[2]);
        assertTrue(m.scale().orElseThrow()[1] > 1.0);
        assertEquals(0.0, m.transform(x).get(2, 2));
    }

    @Test
    void givesScikitLearnMessages() {
        StandardScalerModel m = StandardScaler.defaults().fit(Matrix.of(new double[][] {{1, 2}, {3, 4}}));
        assertEquals("X has 3 features, but StandardScaler is expecting 2 features as input.",
                assertThrows(IllegalArgumentException.class, () -> m.transform(Matrix.of(new double[][] {{1, 2, 3}}))).getMessage());
        assertEquals("Input X contains infinity or a value too large for dtype('float64').",
                assertThrows(IllegalArgumentException.class,
                        () -> m.transform(Matrix.of(new double[][] {{1, Double.POSITIVE_INFINITY}}))).getMessage());
        assertTrue(Double.isNaN(m.transform(Matrix.of(new double[][] {{Double.NaN, 1}})).get(0, 0)));
        assertEquals("Input X contains NaN.", assertThrows(IllegalArgumentException.class,
                () -> StandardScaler.defaults().fit(Matrix.of(new double[][] {{Double.NaN, 1}}))).getMessage());
        assertEquals("Found array with 0 sample(s) (shape=(0, 2)) while a minimum of 1 is required by StandardScaler.",
                assertThrows(IllegalArgumentException.class, () -> StandardScaler.defaults().fit(Matrix.zeros(0, 2))).getMessage());
        assertEquals("Found input variables with inconsistent numbers of samples: [2, 3]",
                assertThrows(IllegalArgumentException.class,
                        () -> StandardScaler.defaults().fit(Matrix.zeros(2, 2), new int[3])).getMessage());
    }

    @Test
    void modelCopiesArraysInAndOut() {
        double[] mean = {1, 2};
        StandardScalerModel m = StandardScalerModel.of(StandardScaler.defaults().withStd(false), 2, 10, mean, null,
                StandardScaler.defaults().fit(Matrix.zeros(1, 1)).provenance());
        mean[0] = 99;
        assertEquals(1.0, m.mean().orElseThrow()[0]);
        m.mean().orElseThrow()[1] = 99;
        assertEquals(2.0, m.mean().orElseThrow()[1]);
        assertFalse(m.scale().isPresent());
        assertEquals("var must be absent for this StandardScaler's with_mean and with_std.",
                assertThrows(IllegalArgumentException.class, () -> StandardScalerModel.of(new StandardScaler(true, false), 2, 10,
                        mean, new double[2], m.provenance())).getMessage());
        assertEquals("mean has 2 values, but the scaler has 3 features.",
                assertThrows(IllegalArgumentException.class, () -> StandardScalerModel.of(new StandardScaler(true, false), 3, 10,
                        mean, null, m.provenance())).getMessage());
    }
}
