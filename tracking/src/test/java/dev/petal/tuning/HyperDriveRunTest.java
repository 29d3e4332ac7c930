package dev.petal.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.tracking.ComputeTarget;
import dev.petal.tracking.Experiment;
import dev.petal.tracking.Run;
import dev.petal.tracking.RunStatus;
import dev.petal.tracking.ScriptRunConfig;
import dev.petal.tracking.Workspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HyperDriveRunTest {
    @TempDir
    Path dir;

    private Experiment experiment() {
        return Workspace.at(dir.resolve(".petal")).experiment("Tutorial-TrainIRIS");
    }

    private static ScriptRunConfig script(String... args) {
        return ScriptRunConfig.mainClass(FakeTrainScript.class.getName(), List.of(args))
                .withComputeTarget(ComputeTarget.INPROCESS);
    }

    @Test
    void notebookGridSweepRunsAllTwelveCombinationsFourAtATimeAndFindsTheBest() throws Exception {
        FakeTrainScript.MAX_RUNNING.set(0);
        HyperDriveConfig config = HyperDriveConfig.of(script(), new GridParameterSampling(SamplingTest.NOTEBOOK),
                "Accuracy", PrimaryMetricGoal.MAXIMIZE, 12).withMaxConcurrentRuns(4);
        HyperDriveRun hd = HyperDriveRun.submit(experiment(), config).waitForCompletion();

        assertEquals(RunStatus.COMPLETED, hd.getStatus());
        List<Run> children = hd.getChildren();
        assertEquals(12, children.size());
        Set<List<String>> argumentSets = new HashSet<>();
        for (Run c : children) {
            assertEquals(RunStatus.COMPLETED, c.getStatus());
            assertEquals(hd.id(), c.getDetails().parentId());
            List<String> args = c.getDetails().runDefinition().arguments();
            assertEquals(HyperDriveRun.hyperparametersOf(c).arguments(), args);
            argumentSets.add(args);
        }
        Set<List<String>> grid = new HashSet<>();
        new GridParameterSampling(SamplingTest.NOTEBOOK).combinations().forEach(h -> grid.add(h.arguments()));
        assertEquals(grid, argumentSets);
        assertTrue(FakeTrainScript.MAX_RUNNING.get() <= 4, "at most 4 at once, saw " + FakeTrainScript.MAX_RUNNING.get());
        assertTrue(FakeTrainScript.MAX_RUNNING.get() >= 2, "runs overlapped, saw " + FakeTrainScript.MAX_RUNNING.get());

        Run best = hd.getBestRunByPrimaryMetric().orElseThrow();
        assertEquals(List.of("--kernel", "rbf", "--penalty", "1"), best.getDetails().runDefinition().arguments());
        assertEquals(0.95, hd.bestPrimaryMetric(best).getAsDouble(), 1e-12);
        assertEquals(best.id(), hd.run().getTags().get("best_child_run_id"));

        List<ChildRun> sorted = hd.getChildrenSortedByPrimaryMetric();
        assertEquals(12, sorted.size());
        assertEquals(best.id(), sorted.get(0).runId());
        for (int i = 1; i < sorted.size(); i++) {
            assertTrue(sorted.get(i - 1).bestPrimaryMetric().getAsDouble() >= sorted.get(i).bestPrimaryMetric().getAsDouble());
        }
        assertEquals("sigmoid", sorted.get(11).hyperparameters().get("kernel").text());
        assertEquals(3, hd.getChildrenSortedByPrimaryMetric(3, false, false).size());
        assertEquals("sigmoid", hd.getChildrenSortedByPrimaryMetric(1, true, false).get(0).hyperparameters().get("kernel").text());
        assertEquals(12, hd.getHyperparameters().size());
        assertEquals(Map.of("kernel", "rbf", "penalty", 1L), hd.getHyperparameters().get(best.id()).toJava());
        assertEquals(0.95, (Double) hd.getMetrics().get(best.id()).get("Accuracy"), 1e-12);

        HyperDriveRun reopened = HyperDriveRun.of(hd.run());
        assertEquals(best.id(), reopened.getBestRunByPrimaryMetric().orElseThrow().id());
        assertEquals("HyperDrive run " + hd.id() + " was reopened from the run history; only the process that submitted"
                + " it can cancel it.", assertThrows(IllegalStateException.class, reopened::cancel).getMessage());
    }

    @Test
    void banditPolicyCancelsARunFarBehindTheBest() throws Exception {
        SearchSpace space = SearchSpace.of("kernel", ExpressionParser.parse("choice(rbf, sigmoid)"));
        HyperDriveConfig config = HyperDriveConfig.of(script("--steps", "10", "--step-millis", "100"),
                new GridParameterSampling(space), "Accuracy", PrimaryMetricGoal.MAXIMIZE, 2)
                .withMaxConcurrentRuns(1).withPolicy(EarlyTerminationPolicy.parse("bandit:slack_factor=0.1"));
        HyperDriveRun hd = HyperDriveRun.submit(experiment(), config).waitForCompletion();
        assertEquals(RunStatus.COMPLETED, hd.getStatus());
        Run rbf = hd.getChildren().get(0);
        Run sigmoid = hd.getChildren().get(1);
        assertEquals(RunStatus.COMPLETED, rbf.getStatus());
        assertEquals(10, rbf.getMetricHistory("Accuracy").size());
        assertEquals(RunStatus.CANCELED, sigmoid.getStatus());
        // At interval 1, sigmoid's 0.031 is far below rbf's 0.095 / 1.1: cut at once, long before its 10th value.
        assertEquals("BanditPolicy at interval 1", sigmoid.getTags().get("early_termination"));
        assertTrue(sigmoid.getMetricHistory("Accuracy").size() < 10);
        assertEquals(rbf.id(), hd.getBestRunByPrimaryMetric().orElseThrow().id());
        assertEquals(rbf.id(), hd.getBestRunByPrimaryMetric(false, false).orElseThrow().id());
    }

    /** A sweep of four 10-second children, two at a time, once its first two have started. */
    private HyperDriveRun twoOfFourSlowChildrenRunning() throws InterruptedException {
        SearchSpace space = SearchSpace.of("kernel", ExpressionParser.parse("choice(linear, rbf, poly, sigmoid)"));
        HyperDriveConfig config = HyperDriveConfig.of(script("--steps", "200", "--step-millis", "50"),
                new GridParameterSampling(space), "Accuracy", PrimaryMetricGoal.MAXIMIZE, 4).withMaxConcurrentRuns(2);
        HyperDriveRun hd = HyperDriveRun.submit(experiment(), config);
        while (hd.getChildren().size() < 2) {
            Thread.sleep(20);
        }
        return hd;
    }

    /** The sweep ends Canceled, no child starts after the cancel, and the running ones are canceled. */
    private static void assertCanceledWithItsTwoChildren(HyperDriveRun hd) throws InterruptedException {
        hd.waitForCompletion();
        assertEquals(RunStatus.CANCELED, hd.getStatus());
        assertEquals(2, hd.getChildren().size(), "no child starts after the cancel");
        for (Run c : hd.getChildren()) {
            assertEquals(RunStatus.CANCELED, c.getStatus(), "running children are canceled");
        }
    }

    @Test
    void cancelStopsTheSweepAndItsRunningChildren() throws Exception {
        HyperDriveRun hd = twoOfFourSlowChildrenRunning();
        assertEquals(RunStatus.RUNNING, hd.getStatus());
        assertEquals(2, hd.getHyperparameters().size(), "children are listed with their hyperparameters mid-sweep");
        hd.cancel();
        assertCanceledWithItsTwoChildren(hd);
    }

    @Test
    void cancelingTheParentFromAnotherProcessStopsTheSweep() throws Exception {
        HyperDriveRun hd = twoOfFourSlowChildrenRunning();
        experiment().workspace().getRun(hd.id()).cancel();   // as `petal runs cancel PARENT_ID` does
        assertCanceledWithItsTwoChildren(hd);
    }

    @Test
    void maxDurationCancelsChildrenStillRunning() throws Exception {
        SearchSpace space = SearchSpace.of("kernel", ExpressionParser.parse("choice(linear, rbf)"));
        HyperDriveConfig config = HyperDriveConfig.of(script("--steps", "200", "--step-millis", "50"),
                new GridParameterSampling(space), "Accuracy", PrimaryMetricGoal.MAXIMIZE, 2)
                .withMaxDuration(Duration.ofMillis(300));
        HyperDriveRun hd = HyperDriveRun.submit(experiment(), config).waitForCompletion();
        assertEquals(RunStatus.COMPLETED, hd.getStatus());
        for (Run c : hd.getChildren()) {
            assertEquals(RunStatus.CANCELED, c.getStatus());
        }
    }

    @Test
    void aSweepWhoseChildrenAllFailIsFailed() throws Exception {
        SearchSpace space = SearchSpace.of("unknown-flag", ExpressionParser.parse("choice(1, 2)"));
        HyperDriveConfig config = HyperDriveConfig.of(script(), new GridParameterSampling(space), "Accuracy",
                PrimaryMetricGoal.MAXIMIZE, 2);
        HyperDriveRun hd = HyperDriveRun.submit(experiment(), config).waitForCompletion();
        assertEquals(RunStatus.FAILED, hd.getStatus());
        assertEquals("all 2 child runs failed; see their logs/std_log.txt", hd.run().getDetails().error());
        assertFalse(hd.getBestRunByPrimaryMetric().isPresent());
        assertEquals(2, hd.getChildrenSortedByPrimaryMetric().size());
        assertEquals(0, hd.getChildrenSortedByPrimaryMetric(0, false, true).size());
    }

    @Test
    void aChildThatCannotBeSubmittedFailsTheSweep() throws Exception {
        Path source = java.nio.file.Files.createDirectories(dir.resolve("src"));
        java.nio.file.Files.writeString(source.resolve("Train.java"), "class Train { public static void main(String[] a) { } }");
        HyperDriveConfig config = HyperDriveConfig.of(ScriptRunConfig.of(source, "Train.java", List.of()),
                new GridParameterSampling(SamplingTest.NOTEBOOK), "Accuracy", PrimaryMetricGoal.MAXIMIZE, 12);
        java.nio.file.Files.delete(source.resolve("Train.java"));
        java.nio.file.Files.delete(source);
        HyperDriveRun hd = HyperDriveRun.submit(experiment(), config).waitForCompletion();
        assertEquals(RunStatus.FAILED, hd.getStatus());
        assertTrue(hd.getChildren().isEmpty());
        assertTrue(hd.run().getDetails().error() != null && !hd.run().getDetails().error().isBlank());
    }

    @Test
    void configValidatesItsBudgetAndRefusesBayesianEarlyTermination() {
        GridParameterSampling grid = new GridParameterSampling(SamplingTest.NOTEBOOK);
        assertEquals("The 'max_total_runs' parameter of HyperDriveConfig must be an int in the range [1, 1000]. Got 0 instead.",
                assertThrows(IllegalArgumentException.class,
                        () -> HyperDriveConfig.of(script(), grid, "Accuracy", PrimaryMetricGoal.MAXIMIZE, 0)).getMessage());
        assertEquals("The 'max_total_runs' parameter of HyperDriveConfig must be an int in the range [1, 1000]. Got 1001 instead.",
                assertThrows(IllegalArgumentException.class,
                        () -> HyperDriveConfig.of(script(), grid, "Accuracy", PrimaryMetricGoal.MAXIMIZE, 1001)).getMessage());
        HyperDriveConfig ok = HyperDriveConfig.of(script(), grid, "Accuracy", PrimaryMetricGoal.MAXIMIZE, 12);
        assertEquals(12, ok.maxConcurrentRuns());
        assertEquals("The 'max_concurrent_runs' parameter of HyperDriveConfig must be an int in the range [1, 100]. Got 101 instead.",
                assertThrows(IllegalArgumentException.class, () -> ok.withMaxConcurrentRuns(101)).getMessage());
        assertEquals("The primary metric name of HyperDriveConfig must be the name the script logs, such as Accuracy;"
                + " got an empty name.", assertThrows(IllegalArgumentException.class,
                        () -> HyperDriveConfig.of(script(), grid, " ", PrimaryMetricGoal.MAXIMIZE, 12)).getMessage());
        HyperDriveConfig bayes = HyperDriveConfig.of(script(), new BayesianParameterSampling(SamplingTest.NOTEBOOK, 0),
                "Accuracy", PrimaryMetricGoal.MAXIMIZE, 12);
        assertEquals("Bayesian sampling does not support early termination; use no policy (--policy none) with --sampling bayesian.",
                assertThrows(IllegalArgumentException.class,
                        () -> bayes.withPolicy(new MedianStoppingPolicy(1, 5))).getMessage());
    }
}
