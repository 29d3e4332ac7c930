package dev.petal.serving;

import static dev.petal.serving.ServingFixtures.flat;
import static dev.petal.serving.ServingFixtures.parse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.petal.linalg.Matrix;
import dev.petal.pipeline.Pipeline;
import dev.petal.pipeline.PipelineModel;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.svm.SVC;
import dev.petal.svm.SVCModel;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real SVC, fitted here with probability=true, served over HTTP: every answer equals the model's own. */
class RealSvcTest {
    private static SVCModel svc;
    private static Matrix test;
    private static WebService service;

    @BeforeAll
    static void fitAndDeploy() {
        Random random = new Random(7);
        int n = 90;
        double[] x = new double[n * 4];
        int[] y = new int[n];
        // iris's per-species means and standard deviations
        double[][] centres = {{5.006, 3.428, 1.462, 0.246}, {5.936, 2.770, 4.260, 1.326}, {6.588, 2.974, 5.552, 2.026}};
        double[][] spread = {{0.35, 0.38, 0.17, 0.11}, {0.52, 0.31, 0.47, 0.20}, {0.64, 0.32, 0.55, 0.27}};
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int j = 0; j < 4; j++) {
                x[i * 4 + j] = centres[y[i]][j] + spread[y[i]][j] * random.nextGaussian();
            }
        }
        svc = SVC.defaults().withKernel(dev.petal.svm.Kernel.LINEAR).withProbability(true).withRandomState(0L).fit(Matrix.of(n, 4, x), y);
        test = ServingFixtures.rows();
        ServedModel served = new ServedModel("sklearn-iris", "1", "SVC", svc, ServingFixtures.FEATURES, ServingFixtures.SPECIES);
        service = WebService.deploy("scikit-learn-service", served, ServingConfig.defaults().withRequestLog(line -> { }));
    }

    @AfterAll
    static void delete() {
        service.delete();
    }

    @Test
    void predictAnswersTheSpeciesTheModelPredicts() {
        String[] expected = Arrays.stream(svc.predict(test)).mapToObj(k -> "\"" + ServingFixtures.SPECIES.get(k) + "\"").toArray(String[]::new);
        assertEquals("[" + String.join(",", expected) + "]", service.run("{\"data\": " + ServingFixtures.ROWS_JSON + "}"));
        assertArrayEquals(new int[] {0, 1, 2, 1, 2}, svc.predict(test), "the fit itself should separate these iris rows");
    }

    @Test
    void probabilitiesAndDecisionValuesAreTheModels() {
        assertArrayEquals(svc.predictProba(test).toFlatArray(),
                flat(parse(service.run("{\"data\": " + ServingFixtures.ROWS_JSON + ", \"method\": \"predict_proba\"}"))));
        assertArrayEquals(svc.decisionFunction(test).toFlatArray(),
                flat(parse(service.run("{\"data\": " + ServingFixtures.ROWS_JSON + ", \"method\": \"decision_function\"}"))));
    }

    @Test
    void theEstimatorNameComesFromTheModelClass() {
        assertEquals("SVC", ServedModel.of("x", svc).estimator());
        assertEquals("SVC", ServedModel.of("x", svc).modelType());
    }

    @Test
    void aPipelineAnswersForItsFirstStepAsScikitLearnDoes() {
        Matrix x = ServingFixtures.rows();
        PipelineModel pipeline = Pipeline.of(StandardScaler.defaults(), SVC.defaults()).fit(x, new int[] {0, 1, 2, 1, 2});
        ServedModel served = ServedModel.of("scaled", pipeline);
        assertEquals("StandardScaler", served.estimator());
        assertEquals("Pipeline", served.modelType());
        try (ScoringServer server = ScoringServer.start(served, ServingConfig.defaults().withRequestLog(line -> { }))) {
            Http http = new Http(server.uri());
            assertEquals("{\"error\":\"X has 3 features, but StandardScaler is expecting 4 features as input.\"}",
                    http.postJson("/score", "{\"data\": [[1, 2, 3]]}").body());
            assertEquals(Arrays.toString(pipeline.predict(x)).replace(" ", ""), http.postJson("/score", "{\"data\": " + ServingFixtures.ROWS_JSON + "}").body());
            assertEquals("Pipeline", parse(http.get("/").body()).get("model_type").asText());
        }
    }
}
