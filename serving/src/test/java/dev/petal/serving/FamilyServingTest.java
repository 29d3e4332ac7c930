package dev.petal.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.linalg.Matrix;
import dev.petal.modelio.ModelIO;
import dev.petal.modelio.ModelMetadata;
import dev.petal.pipeline.OneClassPipeline;
import dev.petal.pipeline.OneClassPipelineModel;
import dev.petal.pipeline.RegressorPipeline;
import dev.petal.pipeline.RegressorPipelineModel;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.svm.NuSVR;
import dev.petal.svm.OneClassSVM;
import dev.petal.svm.OneClassSVMModel;
import dev.petal.svm.SVR;
import dev.petal.svm.SVRModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regressors answer numbers and a one-class SVM answers 1 / -1 over HTTP, loaded from their model files. */
class FamilyServingTest {
    @TempDir
    Path dir;

    private static Matrix train() {
        java.util.Random random = new java.util.Random(3);
        double[] x = new double[40 * 4];
        for (int i = 0; i < x.length; i++) {
            x[i] = 5 + random.nextGaussian();
        }
        return Matrix.of(40, 4, x);
    }

    private static double[] target(Matrix x) {
        double[] t = new double[x.rows()];
        for (int i = 0; i < t.length; i++) {
            t[i] = x.get(i, 0) - 2 * x.get(i, 3);
        }
        return t;
    }

    private static String json(double[] v) {
        return "[" + Arrays.stream(v).mapToObj(d -> {
            StringBuilder sb = new StringBuilder();
            dev.petal.check.PyRepr.appendTo(sb, d);
            return sb.toString();
        }).collect(Collectors.joining(",")) + "]";
    }

    private String serve(Object model, String body) throws IOException {
        Path file = dir.resolve("m.petal");
        ModelIO.save(file, model, ModelMetadata.ofFeatureNames(ServingFixtures.FEATURES));
        ServedModel served = ModelSource.fromFile(file);
        try (ScoringServer server = ScoringServer.start(served, ServingConfig.defaults().withRequestLog(line -> { }))) {
            return new Http(server.uri()).postJson("/score", body).body();
        }
    }

    @Test
    void regressorsAnswerTheirPredictedNumbers() throws IOException {
        Matrix x = train();
        SVRModel svr = SVR.defaults().withC(5).fit(x, target(x));
        String body = "{\"data\": " + ServingFixtures.ROWS_JSON + "}";
        assertEquals(json(svr.predict(ServingFixtures.rows())), serve(svr, body));
        var nusvr = NuSVR.defaults().fit(x, target(x));
        assertEquals(json(nusvr.predict(ServingFixtures.rows())), serve(nusvr, body));
        String refused = serve(svr, "{\"data\": " + ServingFixtures.ROWS_JSON + ", \"method\": \"decision_function\"}");
        assertTrue(refused.contains("is a regressor"), refused);
    }

    @Test
    void aOneClassSvmAnswersPlusOrMinusOne() throws IOException {
        Matrix x = train();
        OneClassSVMModel oc = OneClassSVM.defaults().withNu(0.3).fit(x);
        int[] p = oc.predict(ServingFixtures.rows());
        String expected = "[" + Arrays.stream(p).mapToObj(Integer::toString).collect(Collectors.joining(",")) + "]";
        assertEquals(expected, serve(oc, "{\"data\": " + ServingFixtures.ROWS_JSON + "}"));
    }

    @Test
    void scaledPipelinesOfARegressorAndAOneClassSvmServeToo() throws IOException {
        Matrix x = train();
        RegressorPipelineModel svr = RegressorPipeline.of(StandardScaler.defaults(), SVR.defaults().withC(5))
                .fit(x, target(x));
        assertEquals(json(svr.predict(ServingFixtures.rows())), serve(svr, "{\"data\": " + ServingFixtures.ROWS_JSON + "}"));
        OneClassPipelineModel oc = OneClassPipeline.of(StandardScaler.defaults(), OneClassSVM.defaults().withNu(0.3)).fit(x);
        int[] p = oc.predict(ServingFixtures.rows());
        String expected = "[" + Arrays.stream(p).mapToObj(Integer::toString).collect(Collectors.joining(",")) + "]";
        assertEquals(expected, serve(oc, "{\"data\": " + ServingFixtures.ROWS_JSON + "}"));
    }
}
