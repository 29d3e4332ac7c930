package dev.petal.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.modelio.ModelIO;
import dev.petal.registry.Model;
import dev.petal.tracking.Run;
import dev.petal.tracking.RunStatus;
import dev.petal.tracking.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IrisTutorialTest {
    /** scikit-learn 1.2.1: SVC(kernel='linear', C=1) on iris, train_test_split(random_state=0), predictions on X_test. */
    private static final int[] SKLEARN_PREDICTIONS = {2, 1, 0, 2, 0, 2, 0, 1, 1, 1, 2, 1, 1, 1, 1, 0, 1, 1, 0, 0, 2, 1, 0, 0,
        2, 0, 0, 1, 1, 0, 2, 1, 0, 2, 2, 1, 0, 2};

    @Test
    void tutorialTrainsRegistersDeploysAndScores(@TempDir Path dir) throws Exception {
        Workspace ws = Workspace.at(dir.resolve(".petal"));
        StringWriter text = new StringWriter();
        IrisTutorial.Result r = IrisTutorial.run(ws, "linear", 1.0, new PrintWriter(text, true));

        String out = text.toString();
        assertTrue(out.contains("Accuracy of SVM classifier on test set: 0.97\n"), out);
        assertTrue(out.contains("[[13  0  0]\n [ 0 15  1]\n [ 0  0  9]]"), out);
        assertEquals(RunStatus.COMPLETED, r.status());

        Run run = ws.getRun(r.run().id());
        Map<String, Object> metrics = run.getMetrics();
        assertEquals(0.9736842105263158, ((Number) metrics.get("Accuracy")).doubleValue());
        assertEquals("linear", metrics.get("Kernel type"));
        assertEquals(1.0, ((Number) metrics.get("Penalty")).doubleValue());
        assertTrue(run.getFileNames().contains("outputs/model.petal"), run.getFileNames().toString());

        Model model = r.model();
        assertEquals(1, model.version());
        assertEquals(IrisTutorial.MODEL_NAME, model.name());
        assertEquals(List.of(model), ws.registry().versions(IrisTutorial.MODEL_NAME));
        assertEquals(4, ModelIO.loadClassifier(model.path()).nFeatures());

        assertArrayEquals(SKLEARN_PREDICTIONS, r.servicePredictions());
    }
}
