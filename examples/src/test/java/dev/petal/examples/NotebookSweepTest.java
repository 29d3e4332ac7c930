package dev.petal.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import dev.petal.modelio.ModelIO;
import dev.petal.selection.Selection;
import dev.petal.selection.TrainTestSplit;
import dev.petal.tracking.ComputeTarget;
import dev.petal.tracking.Run;
import dev.petal.tracking.RunStatus;
import dev.petal.tracking.ScriptRunConfig;
import dev.petal.tracking.Workspace;
import dev.petal.tuning.ExpressionParser;
import dev.petal.tuning.GridParameterSampling;
import dev.petal.tuning.HyperDriveConfig;
import dev.petal.tuning.HyperDriveRun;
import dev.petal.tuning.PrimaryMetricGoal;
import dev.petal.tuning.SearchSpace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notebook's sweep over the real TrainIris: every child's Accuracy and model equal scikit-learn's. */
class NotebookSweepTest {
    private static JsonNode fixture() throws IOException {
        try (InputStream in = NotebookSweepTest.class.getResourceAsStream("/fixtures/tutorial_sweep.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    @Test
    void twelveRunSweepMatchesScikitLearnForEveryChild(@TempDir Path dir) throws Exception {
        Map<String, JsonNode> expected = new HashMap<>();
        for (JsonNode r : fixture().get("runs")) {
            expected.put(r.get("kernel").asText() + "/" + r.get("penalty").asDouble(), r);
        }
        SearchSpace space = SearchSpace.of("kernel", ExpressionParser.parse("choice('linear', 'rbf', 'poly', 'sigmoid')"))
                .and("penalty", ExpressionParser.parse("choice(0.5, 1, 1.5)"));
        ScriptRunConfig src = ScriptRunConfig.mainClass(TrainIris.class.getName(), List.of())
                .withComputeTarget(ComputeTarget.INPROCESS);
        HyperDriveConfig config = HyperDriveConfig.of(src, new GridParameterSampling(space), "Accuracy",
                PrimaryMetricGoal.MAXIMIZE, 12).withMaxConcurrentRuns(4);
        Workspace ws = Workspace.at(dir.resolve(".petal"));
        HyperDriveRun hd = HyperDriveRun.submit(ws.experiment(IrisTutorial.EXPERIMENT), config).waitForCompletion();
        assertEquals(RunStatus.COMPLETED, hd.getStatus());

        Dataset iris = Datasets.iris();
        TrainTestSplit split = Selection.trainTestSplit(iris.x(), iris.y(), 0);
        List<Run> children = hd.getChildren();
        assertEquals(12, children.size());
        for (Run child : children) {
            assertEquals(RunStatus.COMPLETED, child.getStatus(), child.id());
            Map<String, Object> m = child.getMetrics();
            String key = m.get("Kernel type") + "/" + ((Number) m.get("Penalty")).doubleValue();
            JsonNode want = expected.remove(key);
            assertTrue(want != null, "unexpected or repeated combination " + key);
            assertEquals(want.get("accuracy").asDouble(), ((Number) m.get("Accuracy")).doubleValue(), 0.0, key);
            int[] wantPred = new ObjectMapper().convertValue(want.get("predictions"), int[].class);
            int[] got = ModelIO.loadClassifier(child.folder().resolve("outputs").resolve("model.petal")).predict(split.xTest());
            assertArrayEquals(wantPred, got, key);
        }
        assertTrue(expected.isEmpty(), "combinations never run: " + expected.keySet());
        Run best = hd.getBestRunByPrimaryMetric().orElseThrow();
        assertEquals(0.9736842105263158, hd.bestPrimaryMetric(best).getAsDouble(), 0.0);
    }
}
