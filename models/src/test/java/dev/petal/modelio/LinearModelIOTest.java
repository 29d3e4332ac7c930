package dev.petal.modelio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.io.ModelFormatException;
import dev.petal.linalg.Matrix;
import dev.petal.linear.LinearSVC;
import dev.petal.linear.LinearSVCModel;
import dev.petal.linear.LinearSVR;
import dev.petal.linear.LinearSVRModel;
import dev.petal.pipeline.Pipeline;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.svm.ClassWeight;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files of LinearSVC and LinearSVR: a save and load gives the same model, parameters and provenance. */
class LinearModelIOTest {
    @TempDir
    Path dir;

    @Test
    void linearSvcRoundTripsEveryShape() throws IOException {
        Matrix x = SvcModelIOTest.blobs(5, 30);
        int[] y3 = SvcModelIOTest.labels(30);
        int[] y2 = new int[y3.length];
        for (int i = 0; i < y3.length; i++) {
            y2[i] = y3[i] == y3[0] ? 4 : 9;
        }
        Matrix probe = SvcModelIOTest.blobs(6, 7);
        for (LinearSVCModel m : List.of(
                LinearSVC.defaults().withRandomState(0L).fit(x, y3),
                LinearSVC.defaults().withRandomState(0L).withMultiClass("crammer_singer").fit(x, y2),
                LinearSVC.defaults().withPenalty("l1").withDual(false).withFitIntercept(false)
                        .withClassWeight(ClassWeight.of(Map.of(4, 3.0))).fit(x, y2),
                LinearSVC.defaults().withClassWeight(ClassWeight.balanced()).withMaxIter(3).fit(x.toCsr(), y3, null))) {
            Path f = dir.resolve("m.petal");
            ModelIO.save(f, m);
            LoadedModel loaded = ModelIO.load(f);
            assertEquals(ModelType.LINEAR_SVC, loaded.type());
            LinearSVCModel back = loaded.model(LinearSVCModel.class);
            assertEquals(m.params(), back.params());
            assertArrayEquals(m.classes(), back.classes());
            assertArrayEquals(m.intercept(), back.intercept());
            assertEquals(m.nIter(), back.nIter());
            assertEquals(m.warnings(), back.warnings());
            assertEquals(m.provenance(), back.provenance());
            assertArrayEquals(m.predict(probe), loaded.asClassifier().predict(probe));
            assertEquals(m.decisionFunction(probe), back.decisionFunction(probe));
            assertArrayEquals(m.predict(probe), ModelIO.loadClassifier(f).predict(probe));
        }
    }

    @Test
    void linearSvrRoundTrips() throws IOException {
        Matrix x = SvcModelIOTest.blobs(8, 25);
        double[] t = new double[x.rows()];
        for (int i = 0; i < t.length; i++) {
            t[i] = 2 * x.get(i, 0) - x.get(i, 3) + 0.5;
        }
        LinearSVRModel m = LinearSVR.defaults().withRandomState(4L).withLoss("squared_epsilon_insensitive").withDual(false)
                .fit(x, t);
        Path f = dir.resolve("r.petal");
        ModelIO.save(f, m, ModelMetadata.ofFeatureNames(List.of("a", "b", "c", "d")));
        LoadedModel loaded = ModelIO.load(f);
        assertEquals(ModelType.LINEAR_SVR, loaded.type());
        assertTrue(loaded.isRegressor());
        LinearSVRModel back = loaded.model(LinearSVRModel.class);
        assertEquals(m.params(), back.params());
        assertArrayEquals(m.coef(), back.coef());
        assertEquals(m.intercept(), back.intercept());
        assertEquals(m.provenance(), back.provenance());
        assertArrayEquals(m.predict(x), loaded.asRegressor().predict(x));
        assertEquals(List.of("a", "b", "c", "d"), loaded.metadata().featureNames());
        assertEquals(f + " holds a linear_svr, which is not a classifier; use a model file that holds an svc or a pipeline.",
                assertThrows(IllegalStateException.class, loaded::asClassifier).getMessage());
    }

    @Test
    void aPipelineCannotHoldARegressorBeforeItsLastStep() throws IOException {
        Matrix x = SvcModelIOTest.blobs(5, 30);
        int[] y = SvcModelIOTest.labels(30);
        Path f = dir.resolve("p.petal");
        ModelIO.save(f, Pipeline.of(StandardScaler.defaults(), LinearSVC.defaults().withRandomState(0L)).fit(x, y));
        assertEquals(ModelType.PIPELINE, ModelIO.load(f).type());
        byte[] bytes = java.nio.file.Files.readAllBytes(f);
        Map<String, byte[]> e = Zips.entries(bytes);
        String json = new String(e.get("petal.json"), java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("\"standard_scaler\"", "\"linear_svr\"");
        e.put("petal.json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.nio.file.Files.write(f, Zips.zip(e));
        assertThrows(ModelFormatException.class, () -> ModelIO.load(f));
    }
}
