package dev.petal.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.tracking.scripts.MainScript;
import dev.petal.tracking.scripts.Sleeper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submitted scripts in child JVMs ({@code .java} files and main classes) and in-process. */
class SubmissionTest {
    @TempDir
    Path dir;
    Experiment exp;

    @BeforeEach
    void setUp() {
        exp = new Experiment(Workspace.at(dir.resolve("ws")), "Tutorial-TrainIRIS");
    }

    private Path source(String script) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        try (InputStream in = SubmissionTest.class.getResourceAsStream("/scripts/" + script)) {
            Files.copy(in, src.resolve(script));
        }
        return src;
    }

    private static String log(Run run) throws IOException {
        Path f = run.folder().resolve("logs/std_log.txt");
        return Files.exists(f) ? Files.readString(f) : "";
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s");
            }
            Thread.sleep(20);
        }
    }

    private static List<RunStatus> history(RunDetails d) {
        return d.history().stream().map(RunDetails.StatusChange::status).toList();
    }

    @Test
    void javaScriptStreamsOutputAndCollectsOutputs() throws Exception {
        Path src = source("Hello.java");
        Files.writeString(src.resolve(".petalignore"), "data/\n");
        Files.createDirectories(src.resolve("data"));
        Files.writeString(src.resolve("data/big.bin"), "ignored");
        Files.writeString(src.resolve("notes.txt"), "kept");
        ScriptRunConfig config = ScriptRunConfig.of(src, "Hello.java",
                List.of("--kernel", "linear", "--penalty", "1.0")).withEnvironment(ChildJvm.FAST);
        Run run = exp.submit(config, Map.of("sweep", "none"));

        waitUntil(() -> {
            try {
                return log(run).contains("first line from " + run.id());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(RunStatus.RUNNING, run.getStatus(), "the log streams while the script runs");
        Files.createFile(run.folder().resolve(".work/go"));
        StringWriter out = new StringWriter();
        RunDetails d = run.waitForCompletion(new PrintWriter(out));

        assertEquals(RunStatus.COMPLETED, d.status(), out.toString());
        assertEquals(List.of(RunStatus.NOT_STARTED, RunStatus.QUEUED, RunStatus.PREPARING, RunStatus.RUNNING,
                RunStatus.FINALIZING, RunStatus.COMPLETED), history(d));
        String text = out.toString();
        assertTrue(text.startsWith("RunId: " + run.id()), text);
        assertTrue(text.contains("first line from " + run.id() + "\n"), text);
        assertTrue(text.contains("ignored present: false\nnotes present: true\n"), text);
        assertTrue(text.contains("to stderr\n"), text);
        assertTrue(text.contains("Status: Completed"), text);
        assertEquals(Map.of("Kernel type", "linear", "Penalty", 1.0, "Accuracy", 0.97), run.getMetrics());
        assertEquals("model linear", Files.readString(run.folder().resolve("outputs/model.txt")));
        assertEquals(List.of("logs/std_log.txt", "outputs/model.txt"), run.getFileNames());
        assertTrue(Files.isRegularFile(run.folder().resolve("snapshot/Hello.java")));
        assertTrue(Files.isRegularFile(run.folder().resolve("snapshot/notes.txt")));
        assertFalse(Files.exists(run.folder().resolve("snapshot/data")));
        assertFalse(Files.exists(run.folder().resolve(".work")));
        assertEquals(List.of("--kernel", "linear", "--penalty", "1.0"), d.runDefinition().arguments());
        assertEquals("local", d.runDefinition().computeTarget());
        assertEquals(ChildJvm.FAST_OPTIONS, d.runDefinition().jvmOptions());
        assertEquals(System.getProperty("java.version"), d.javaVersion());
        assertEquals("none", d.tags().get("sweep"));
        assertTrue(d.scriptPid() > 0);
    }

    @Test
    void javaScriptExceptionFailsWithTraceKeepingMetrics() throws Exception {
        Path src = source("Boom.java");
        Run run = exp.submit(ScriptRunConfig.of(src, "Boom.java", List.of()).withEnvironment(ChildJvm.FAST));
        RunDetails d = run.waitForCompletion(false, false);
        assertEquals(RunStatus.FAILED, d.status());
        assertEquals("the script exited with status 1: Exception in thread \"main\" java.lang.IllegalStateException:"
                + " boom in script; see logs/std_log.txt", d.error());
        String log = log(run);
        assertTrue(log.contains("about to fail"), log);
        assertTrue(log.contains("at Boom.main(Boom.java:"), log);
        assertEquals(Map.of("before", 1.0), run.getMetrics());
        assertEquals(RunStatus.FINALIZING, history(d).get(history(d).size() - 2));
    }

    @Test
    void mainClassInChildJvm() throws Exception {
        Run run = exp.submit(ScriptRunConfig.mainClass(MainScript.class.getName(), List.of("a", "b"))
                .withEnvironment(ChildJvm.FAST));
        StringWriter out = new StringWriter();
        RunDetails d = run.waitForCompletion(new PrintWriter(out));
        assertEquals(RunStatus.COMPLETED, d.status(), out.toString());
        assertTrue(out.toString().contains("main script in " + run.id() + " args a b\nmain script done\n"),
                out.toString());
        assertEquals("ok a b", Files.readString(run.folder().resolve("outputs/result.txt")));
        assertEquals(List.of(1.0, 0.5, 1.0 / 3), run.getMetrics().get("loss"));
        assertEquals(List.of(0L, 1L, 2L), run.getMetricHistory("loss").stream().map(Metric::step).toList());
    }

    @Test
    void maxRunDurationCancels() throws Exception {
        Run run = exp.submit(ScriptRunConfig.mainClass(Sleeper.class.getName(), List.of())
                .withEnvironment(ChildJvm.FAST).withMaxRunDuration(Duration.ofMillis(1500)));
        RunDetails d = run.waitForCompletion(false);
        assertEquals(RunStatus.CANCELED, d.status());
        assertEquals("the run exceeded its maximum duration of PT1.5S and was canceled", d.error());
        assertFalse(log(run).contains("woke up"));
    }

    @Test
    void sigkilledScriptLeavesAReadableFailedRun() throws Exception {
        Run run = exp.submit(ScriptRunConfig.mainClass(Sleeper.class.getName(), List.of())
                .withEnvironment(ChildJvm.FAST));
        waitUntil(() -> {
            try {
                return log(run).contains("ready");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        ProcessHandle script = ProcessHandle.of(run.getDetails().scriptPid()).orElseThrow();
        assertTrue(script.destroyForcibly());
        RunDetails d = run.waitForCompletion(false, false);
        assertEquals(RunStatus.FAILED, d.status());
        assertEquals("the script's process was killed by signal 9 (SIGKILL); see logs/std_log.txt", d.error());
        Run reread = exp.workspace().getRun(run.id());
        assertEquals(List.of(0.0, 1.0, 2.0), reread.getMetrics().get("value"));
        assertEquals(RunStatus.FAILED, reread.getStatus());
    }

    @Test
    void inProcessMainClassBindsTheRunToItsThread() throws Exception {
        Run run = exp.submit(ScriptRunConfig.mainClass(MainScript.class.getName(), List.of("x"))
                .withComputeTarget(ComputeTarget.INPROCESS));
        RunDetails d = run.waitForCompletion(false);
        assertEquals(RunStatus.COMPLETED, d.status());
        assertTrue(log(run).contains("main script in " + run.id() + " args x"), log(run));
        assertEquals("ok x", Files.readString(run.folder().resolve("outputs/result.txt")));
        assertEquals(3, run.getMetricHistory("loss").size());
        assertEquals("inprocess", d.runDefinition().computeTarget());
    }

    @Test
    void inProcessExceptionFailsTheRun() throws Exception {
        Run run = exp.submit(ScriptRunConfig.mainClass(MainScript.class.getName(), List.of("--fail"))
                .withComputeTarget(ComputeTarget.INPROCESS));
        RunDetails d = run.waitForCompletion(false, false);
        assertEquals(RunStatus.FAILED, d.status());
        assertEquals("the script failed: java.lang.IllegalArgumentException: asked to fail; see logs/std_log.txt",
                d.error());
        assertTrue(log(run).contains("at " + MainScript.class.getName() + ".main("), log(run));
        assertEquals(3, run.getMetricHistory("loss").size());
    }

    @Test
    void cancelStopsAnInProcessScript() throws Exception {
        Run run = exp.submit(ScriptRunConfig.mainClass(Sleeper.class.getName(), List.of())
                .withComputeTarget(ComputeTarget.INPROCESS));
        waitUntil(() -> run.getMetricHistory("value").size() == 3);
        run.cancel();
        RunDetails d = run.waitForCompletion(false);
        assertEquals(RunStatus.CANCELED, d.status());
        assertEquals("the run was canceled", d.error());
    }

    @Test
    void aCancelRequestFromAnotherHandleStopsAnInProcessScript() throws Exception {
        Run run = exp.submit(ScriptRunConfig.mainClass(Sleeper.class.getName(), List.of())
                .withComputeTarget(ComputeTarget.INPROCESS));
        waitUntil(() -> run.getMetricHistory("value").size() == 3);
        Run other = exp.workspace().getRun(run.id());   // as another process sees it: no submission behind it
        other.cancel();
        RunDetails d = run.waitForCompletion(false);
        assertEquals(RunStatus.CANCELED, d.status());
        assertEquals("the run was canceled", d.error());
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();   // the script would sleep 60 s
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("petal-inprocess-" + run.id()))) {
            assertTrue(System.nanoTime() < end, "the script's thread stopped");
            Thread.sleep(20);
        }
    }

    @Test
    void childRunsCanBeSubmitted() throws Exception {
        try (Run parent = exp.startLogging()) {
            Run child = parent.submitChild(ScriptRunConfig.mainClass(MainScript.class.getName(), List.of("c"))
                    .withComputeTarget(ComputeTarget.INPROCESS), Map.of("k", "v"));
            assertEquals(RunStatus.COMPLETED, child.waitForCompletion(false).status());
            assertEquals(List.of(child), parent.getChildren());
            assertEquals(parent.id(), child.getDetails().parentId());
        }
    }

    @Test
    void configurationErrors() throws Exception {
        Path src = source("Boom.java");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ScriptRunConfig.of(src, "Missing.java", List.of()));
        assertEquals("script 'Missing.java' not found in source directory " + src, e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ScriptRunConfig.mainClass("not a class", List.of()));
        assertEquals("script 'not a class' is neither a .java file nor a main class name such as"
                + " dev.petal.examples.TrainIris", e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ScriptRunConfig.of(src, "Boom.java", List.of()).withComputeTarget(ComputeTarget.INPROCESS));
        assertEquals("compute target 'inprocess' runs a main class, not the .java file 'Boom.java'; use compute"
                + " target 'local'", e.getMessage());
        Run run = exp.submit(ScriptRunConfig.mainClass("no.such.Main", List.of())
                .withComputeTarget(ComputeTarget.INPROCESS));
        RunFailedException failed = org.junit.jupiter.api.Assertions.assertThrows(RunFailedException.class,
                () -> run.waitForCompletion(false));
        assertEquals("run " + run.id() + " failed: main class no.such.Main is not on the class path",
                failed.getMessage());
        assertEquals(RunStatus.FAILED, failed.details().status());
        assertEquals("main class no.such.Main is not on the class path", run.waitForCompletion(false, false).error());
    }
}
