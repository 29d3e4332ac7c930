package dev.petal.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import dev.petal.examples.TrainIris;
import dev.petal.modelio.ModelIO;
import dev.petal.selection.Selection;
import dev.petal.selection.TrainTestSplit;
import dev.petal.tracking.ComputeTarget;
import dev.petal.tracking.Experiment;
import dev.petal.tracking.Run;
import dev.petal.tracking.RunDetails;
import dev.petal.tracking.RunStatus;
import dev.petal.tracking.ScriptRunConfig;
import dev.petal.tracking.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs on {@code spark:local[2]}: each run one Spark job, its script in a child JVM, the driver writing the history. */
class SparkRunTest {
    static final ComputeTarget TARGET = ComputeTarget.parse("spark:local[2]");

    @TempDir
    Path dir;

    @AfterAll
    static void stopSpark() {
        SparkSessions.stop();
    }

    @Test
    void trainIrisGivesTheLocalRunsNumbersAndModel() throws Exception {
        Workspace ws = Workspace.at(dir.resolve(".petal"));
        Experiment exp = new Experiment(ws, "spark-runs");
        List<String> args = List.of("--kernel", "rbf", "--penalty", "1.5");
        Run run = exp.submit(ScriptRunConfig.mainClass(TrainIris.class.getName(), args).withComputeTarget(TARGET));
        RunDetails d = run.waitForCompletion(false, false);
        assertEquals(RunStatus.COMPLETED, d.status(), String.valueOf(d.error()));
        Run local = exp.submit(ScriptRunConfig.mainClass(TrainIris.class.getName(), args)
                .withComputeTarget(ComputeTarget.INPROCESS));
        assertEquals(RunStatus.COMPLETED, local.waitForCompletion(false, false).status());
        assertEquals(local.getMetrics(), run.getMetrics());
        assertEquals("spark:local[2]", run.getDetails().tags().get("spark.master") == null ? null
                : "spark:" + run.getDetails().tags().get("spark.master"));
        assertTrue(run.getDetails().tags().containsKey("spark.executorId"), run.getDetails().tags().toString());

        Dataset iris = Datasets.iris();
        TrainTestSplit split = Selection.trainTestSplit(iris.x(), iris.y(), 0);
        int[] spark = ModelIO.loadClassifier(run.folder().resolve("outputs/model.petal")).predict(split.xTest());
        int[] here = ModelIO.loadClassifier(local.folder().resolve("outputs/model.petal")).predict(split.xTest());
        assertArrayEquals(here, spark);
        String log = Files.readString(run.folder().resolve("logs/std_log.txt"));
        assertTrue(log.contains("Accuracy of SVM classifier on test set"), log);
    }

    @Test
    void aScriptThatDoesNotCompileFailsWhilePreparing() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("Broken.java"), "public class Broken {\n  int x = ;\n}\n");
        Workspace ws = Workspace.at(dir.resolve(".petal"));
        Run run = new Experiment(ws, "spark-runs").submit(ScriptRunConfig.of(src, "Broken.java", List.of())
                .withComputeTarget(TARGET));
        RunDetails d = run.waitForCompletion(false, false);
        assertEquals(RunStatus.FAILED, d.status());
        assertEquals("the script does not compile: Broken.java:2: error: illegal start of expression", d.error());
        assertTrue(!d.tags().containsKey("spark.executorId"), "no executor was used: " + d.tags());
        assertEquals(List.of(RunStatus.NOT_STARTED, RunStatus.QUEUED, RunStatus.PREPARING, RunStatus.FINALIZING, RunStatus.FAILED),
                d.history().stream().map(RunDetails.StatusChange::status).toList(), "failed while Preparing");
    }

    @Test
    void aFailingScriptIsOneFailedRunNotRetried() throws Exception {
        Path src = Files.createDirectories(dir.resolve("fail"));
        Files.writeString(src.resolve("Fails.java"), "public class Fails {\n  public static void main(String[] a) {\n"
                + "    System.out.println(\"attempt\");\n    throw new IllegalStateException(\"no data\");\n  }\n}\n");
        Workspace ws = Workspace.at(dir.resolve(".petal"));
        Run run = new Experiment(ws, "spark-runs").submit(ScriptRunConfig.of(src, "Fails.java", List.of())
                .withComputeTarget(TARGET));
        RunDetails d = run.waitForCompletion(false, false);
        assertEquals(RunStatus.FAILED, d.status());
        assertTrue(d.error().startsWith("the script exited with status 1 on "), d.error());
        assertTrue(d.error().endsWith(": Exception in thread \"main\" java.lang.IllegalStateException: no data;"
                + " see logs/std_log.txt"), d.error());
        String log = Files.readString(run.folder().resolve("logs/std_log.txt"));
        assertEquals(1, log.split("attempt", -1).length - 1, log);
        assertEquals("0", d.tags().get("spark.taskAttempt"));
    }

    @Test
    void liveMetricsArriveAndCancelingStopsTheChildJvm() throws Exception {
        Path src = Files.createDirectories(dir.resolve("slow"));
        Files.writeString(src.resolve("Slow.java"), "import dev.petal.tracking.Run;\npublic class Slow {\n"
                + "  public static void main(String[] a) throws Exception {\n    Run run = Run.getContext();\n"
                + "    for (int i = 0; i < 600; i++) { run.log(\"loss\", 1.0 / (i + 1)); Thread.sleep(100); }\n  }\n}\n");
        Workspace ws = Workspace.at(dir.resolve(".petal"));
        Run run = new Experiment(ws, "spark-runs").submit(ScriptRunConfig.of(src, "Slow.java", List.of())
                .withComputeTarget(TARGET));
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (run.getMetricHistory("loss").size() < 3 && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertEquals(RunStatus.RUNNING, run.getStatus());
        assertTrue(run.getMetricHistory("loss").size() >= 3, "live metrics while the script runs");
        assertTrue(childJvms("Slow") > 0, "the script runs in a child JVM");
        run.cancel();
        RunDetails d = run.waitForCompletion(false, false);
        assertEquals(RunStatus.CANCELED, d.status());
        assertEquals(0, childJvms("Slow"), "the canceled run's child JVM is gone");
    }

    @Test
    void aCancelRequestFromAnotherHandleCancelsThatRunsSparkJobOnly() throws Exception {
        Workspace ws = Workspace.at(dir.resolve(".petal"));
        Experiment exp = new Experiment(ws, "spark-runs");
        Run a = exp.submit(ScriptRunConfig.of(slowScript("SlowA"), "SlowA.java", List.of()).withComputeTarget(TARGET));
        Run b = exp.submit(ScriptRunConfig.of(slowScript("SlowB"), "SlowB.java", List.of()).withComputeTarget(TARGET));
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while ((a.getMetricHistory("loss").size() < 3 || b.getMetricHistory("loss").size() < 3) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertTrue(childJvms("SlowA") > 0 && childJvms("SlowB") > 0, "both scripts run");
        // Both task slots are taken: a third run waits in Preparing, and a request cancels it there.
        Run c = exp.submit(ScriptRunConfig.of(slowScript("SlowC"), "SlowC.java", List.of()).withComputeTarget(TARGET));
        while (!Files.readString(c.folder().resolve("logs/std_log.txt")).contains("petal: Preparing on local[2]")
                && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertEquals(RunStatus.PREPARING, c.getStatus());
        ws.getRun(c.id()).cancel();
        RunDetails dc = c.waitForCompletion(false, false);
        assertEquals(RunStatus.CANCELED, dc.status());
        assertTrue(!dc.tags().containsKey("spark.executorId"), "canceled before its task started: " + dc.tags());
        // A handle without the submission behind it, as `petal runs cancel` in another process has: a request.
        ws.getRun(a.id()).cancel();
        RunDetails d = a.waitForCompletion(false, false);
        assertEquals(RunStatus.CANCELED, d.status());
        assertEquals("the run was canceled", d.error());
        assertEquals(0, childJvms("SlowA"), "the canceled run's child JVM is gone");
        assertEquals(RunStatus.RUNNING, b.getStatus(), "the other run goes on");
        assertTrue(childJvms("SlowB") > 0, "the other run's child JVM goes on");
        b.cancel();
        assertEquals(RunStatus.CANCELED, b.waitForCompletion(false, false).status());
        assertEquals(0, childJvms("SlowB"));
    }

    @Test
    void theScriptsOutputReachesTheRunLogWhileItRuns() throws Exception {
        Path src = Files.createDirectories(dir.resolve("talk"));
        Files.writeString(src.resolve("Talk.java"), """
                import java.nio.file.*;
                public class Talk {
                    public static void main(String[] a) throws Exception {
                        for (int i = 0; i < 600 && !Files.exists(Path.of(a[0])); i++) {
                            System.out.println("line " + i);
                            Thread.sleep(100);
                        }
                        System.out.println("done");
                    }
                }
                """);
        Path stop = dir.resolve("stop");
        Workspace ws = Workspace.at(dir.resolve(".petal"));
        Run run = new Experiment(ws, "spark-runs").submit(ScriptRunConfig.of(src, "Talk.java", List.of(stop.toString()))
                .withComputeTarget(TARGET));
        Path log = run.folder().resolve("logs/std_log.txt");
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Files.readString(log).contains("line 5\n") && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        String live = Files.readString(log);
        assertTrue(live.contains("line 5\n") && !live.contains("done"), "output while the script runs: " + live);
        assertEquals(RunStatus.RUNNING, run.getStatus());
        Files.createFile(stop);
        assertEquals(RunStatus.COMPLETED, run.waitForCompletion(false, false).status());
        List<String> lines = Files.readAllLines(log).stream().filter(l -> l.startsWith("line ") || l.equals("done")).toList();
        for (int i = 0; i < lines.size() - 1; i++) {
            assertEquals("line " + i, lines.get(i), "each line once, in order");
        }
        assertEquals("done", lines.get(lines.size() - 1));
        assertTrue(!Files.exists(run.folder().resolve("logs/" + SparkComputeBackend.COMPLETE_LOG)), "nothing was skipped");
    }

    private Path slowScript(String name) throws java.io.IOException {
        Path src = Files.createDirectories(dir.resolve(name));
        Files.writeString(src.resolve(name + ".java"), "import dev.petal.tracking.Run;\npublic class " + name + " {\n"
                + "  public static void main(String[] a) throws Exception {\n    Run run = Run.getContext();\n"
                + "    for (int i = 0; i < 600; i++) { run.log(\"loss\", 1.0 / (i + 1)); Thread.sleep(100); }\n  }\n}\n");
        return src;
    }

    private static long childJvms(String mainClass) {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p).contains(" " + mainClass + " ") || commandLine(p).endsWith(" " + mainClass)).count();
    }

    /** The full command line (ProcessHandle.Info cuts it at 4096 characters on Linux). */
    static String commandLine(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + p.pid() + "/cmdline"))).replace('\0', ' ').strip();
        } catch (java.io.IOException e) {
            return p.info().commandLine().orElse("");
        }
    }
}
