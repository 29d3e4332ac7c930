package dev.petal.modelio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.api.DecisionClassifier;
import dev.petal.api.Regressor;
import dev.petal.io.ModelArchive;
import dev.petal.linalg.Matrix;
import dev.petal.linear.LinearSVC;
import dev.petal.linear.LinearSVR;
import dev.petal.svm.ClassWeight;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed format-1 golden files of the linear model types: every later Petal must load them and
 * predict what was recorded (exactly), and what scikit-learn 1.2.1 predicts from the same arrays without
 * refitting (fixtures/gen_modelio.py's {@code .numpy.json}; decision values within 1e-12, since
 * scikit-learn's {@code X @ coef_.T} is OpenBLAS dgemm). Written once by
 * {@code -Dtest=LinearGoldenFileWriter -Dpetal.golden.write=true}, never rewritten.
 */
class LinearGoldenFileTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static Path golden(String file) throws URISyntaxException {
        return Path.of(LinearGoldenFileTest.class.getResource("/golden/v1/" + file).toURI());
    }

    private static double[] doubles(JsonNode n) {
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).isTextual() ? Double.parseDouble(n.get(i).asText()) : n.get(i).asDouble();
        }
        return out;
    }

    private static Matrix probe(JsonNode expected) {
        int rows = expected.get("probe_rows").intValue();
        double[] v = doubles(expected.get("probe"));
        return Matrix.of(rows, v.length / rows, v);
    }

    private static void close(double[] want, double[] got) {
        assertEquals(want.length, got.length);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-12 * Math.abs(want[i]) + 1e-13, "[" + i + "]");
        }
    }

    @Test
    void linearSvcGoldenFileLoadsAndPredictsAsRecorded() throws Exception {
        LoadedModel m = ModelIO.load(golden("linear_svc_ovr.petal"));
        assertEquals(ModelType.LINEAR_SVC, m.type());
        JsonNode expected = JSON.readTree(Files.readAllBytes(golden("linear_svc_ovr.expected.json")));
        JsonNode numpy = JSON.readTree(Files.readAllBytes(golden("linear_svc_ovr.numpy.json")));
        Matrix probe = probe(expected);
        DecisionClassifier c = m.asClassifier();
        int[] p = c.predict(probe);
        assertArrayEquals(java.util.stream.IntStream.range(0, expected.get("predict").size())
                .map(i -> expected.get("predict").get(i).asInt()).toArray(), p);
        assertArrayEquals(java.util.stream.IntStream.range(0, numpy.get("sklearn_predict").size())
                .map(i -> numpy.get("sklearn_predict").get(i).asInt()).toArray(), p);
        double[] d = c.decisionFunction(probe).toFlatArray();
        assertArrayEquals(doubles(expected.get("decision_function")), d);
        close(doubles(numpy.get("sklearn_decision_function")), d);
        assertEquals(ModelArchive.read(golden("linear_svc_ovr.petal")).arrayNames(), java.util.Set.of("coef", "intercept", "n_iter"));
    }

    @Test
    void linearSvrGoldenFileLoadsAndPredictsAsRecorded() throws Exception {
        LoadedModel m = ModelIO.load(golden("linear_svr.petal"));
        assertEquals(ModelType.LINEAR_SVR, m.type());
        JsonNode expected = JSON.readTree(Files.readAllBytes(golden("linear_svr.expected.json")));
        JsonNode numpy = JSON.readTree(Files.readAllBytes(golden("linear_svr.numpy.json")));
        double[] p = m.asRegressor().predict(probe(expected));
        assertArrayEquals(doubles(expected.get("predict")), p);
        close(doubles(numpy.get("sklearn_predict")), p);
        assertEquals(List.of("a", "b", "c", "d"), m.metadata().featureNames());
    }
}
