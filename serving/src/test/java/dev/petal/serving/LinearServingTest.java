package dev.petal.serving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.linalg.Matrix;
import dev.petal.linear.LinearSVC;
import dev.petal.linear.LinearSVCModel;
import dev.petal.linear.LinearSVR;
import dev.petal.linear.LinearSVRModel;
import dev.petal.modelio.ModelIO;
import dev.petal.modelio.ModelMetadata;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LinearSVC and LinearSVR model files served over HTTP: answers are the models' own; a regressor answers numbers. */
class LinearServingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Matrix train() {
        double[][] x = new double[60][4];
        for (int i = 0; i < 60; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = ((i * 31 + j * 17) % 23) / 5.0 + (i % 3) * (j + 1);
            }
        }
        return Matrix.of(x);
    }

    @Test
    void aLinearSvrAnswersNumbersAndRefusesClassifierMethods() throws Exception {
        Matrix x = train();
        double[] t = new double[x.rows()];
        for (int i = 0; i < t.length; i++) {
            t[i] = 1.5 * x.get(i, 0) - x.get(i, 3) + 2;
        }
        LinearSVRModel m = LinearSVR.defaults().withRandomState(0L).fit(x, t);
        Path f = dir.resolve("reg.petal");
        ModelIO.save(f, m, ModelMetadata.ofFeatureNames(ServingFixtures.FEATURES));
        ServedModel served = ModelSource.fromFile(f);
        assertEquals("LinearSVR", served.estimator());
        WebService service = WebService.deploy("linear-svr", served, ServingConfig.defaults().withRequestLog(line -> { }));
        try {
            JsonNode answer = JSON.readTree(service.run("{\"data\": " + ServingFixtures.ROWS_JSON + "}"));
            double[] got = new double[answer.size()];
            for (int i = 0; i < got.length; i++) {
                got[i] = answer.get(i).asDouble();
            }
            assertArrayEquals(m.predict(ServingFixtures.rows()), got);
            WebServiceException e = assertThrows(WebServiceException.class, () -> service.run(
                    "{\"data\": " + ServingFixtures.ROWS_JSON + ", \"method\": \"predict_proba\"}"));
            assertTrue(e.getMessage().contains("LinearSVR is a regressor"), e.getMessage());
        } finally {
            service.delete();
        }
    }

    @Test
    void aLinearSvcAnswersLabelsAndDecisionValues() throws Exception {
        Matrix x = train();
        int[] y = new int[x.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 3;
        }
        LinearSVCModel m = LinearSVC.defaults().withRandomState(0L).fit(x, y);
        Path f = dir.resolve("clf.petal");
        ModelIO.save(f, m);
        WebService service = WebService.deploy("linear-svc", ModelSource.fromFile(f), ServingConfig.defaults().withRequestLog(line -> { }));
        try {
            JsonNode labels = JSON.readTree(service.run("{\"data\": " + ServingFixtures.ROWS_JSON + "}"));
            int[] got = new int[labels.size()];
            for (int i = 0; i < got.length; i++) {
                got[i] = labels.get(i).asInt();
            }
            assertArrayEquals(m.predict(ServingFixtures.rows()), got);
            JsonNode dec = JSON.readTree(service.run("{\"data\": " + ServingFixtures.ROWS_JSON + ", \"method\": \"decision_function\"}"));
            assertEquals(m.decisionFunction(ServingFixtures.rows()).get(2, 1), dec.get(2).get(1).asDouble());
        } finally {
            service.delete();
        }
    }
}
