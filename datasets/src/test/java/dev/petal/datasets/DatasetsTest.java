package dev.petal.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.api.Provenance;
import dev.petal.linalg.Matrix;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DatasetsTest {
    private static final Map<String, Supplier<Dataset>> LOADERS = Map.of(
            "iris", Datasets::iris, "wine", Datasets::wine, "breast_cancer", Datasets::breastCancer, "digits", Datasets::digits);

    private static JsonNode fingerprints() throws IOException {
        try (InputStream in = DatasetsTest.class.getResourceAsStream("/fixtures/datasets.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static double[] doubles(JsonNode node) {
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.parseDouble(node.get(i).asText());
        }
        return out;
    }

    @Test
    void everyBundledDatasetHasScikitLearnsExactValues() throws IOException {
        JsonNode all = fingerprints();
        assertEquals(4, all.size());
        for (Map.Entry<String, Supplier<Dataset>> e : LOADERS.entrySet()) {
            JsonNode fp = all.get(e.getKey());
            Dataset d = e.getValue().get();
            String at = e.getKey();
            assertEquals(fp.get("shape").get(0).asInt(), d.nSamples(), at);
            assertEquals(fp.get("shape").get(1).asInt(), d.nFeatures(), at);
            assertEquals(fp.get("x_sha256").asText(), Provenance.sha256(d.x()), at);
            assertEquals(fp.get("y_sha256").asText(), Provenance.sha256(d.y()), at);
            assertArrayEquals(doubles(fp.get("first_row")), d.x().row(0), at);
            assertArrayEquals(doubles(fp.get("last_row")), d.x().row(d.nSamples() - 1), at);
            double[] sums = new double[d.nFeatures()];
            for (int i = 0; i < d.nSamples(); i++) {
                for (int j = 0; j < sums.length; j++) {
                    sums[j] += d.x().get(i, j);
                }
            }
            assertArrayEquals(doubles(fp.get("column_sums")), sums, at);
            int[] counts = new int[d.targetNames().size()];
            for (int label : d.y()) {
                counts[label]++;
            }
            for (int k = 0; k < counts.length; k++) {
                assertEquals(fp.get("class_counts").get(k).asInt(), counts[k], at);
            }
            assertTrue(d.description().length() > 40, at);
        }
    }

    @Test
    void irisRowSumsMatchTheRecordedOnes() throws IOException {
        double[] want = doubles(fingerprints().get("iris").get("row_sums"));
        Matrix x = Datasets.iris().x();
        assertEquals(150, want.length);
        for (int i = 0; i < 150; i++) {
            double s = 0;
            for (int j = 0; j < 4; j++) {
                s += x.get(i, j);
            }
            assertEquals(want[i], s, "row " + i);
        }
    }

    @Test
    void irisCarriesScikitLearnsNames() {
        Dataset iris = Datasets.iris();
        assertEquals(List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"), iris.featureNames());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.targetNames());
        assertEquals(List.of("malignant", "benign"), Datasets.breastCancer().targetNames());
        assertEquals("pixel_7_7", Datasets.digits().featureNames().get(63));
        assertEquals("9", Datasets.digits().targetNames().get(9));
        assertEquals("proline", Datasets.wine().featureNames().get(12));
    }
}
