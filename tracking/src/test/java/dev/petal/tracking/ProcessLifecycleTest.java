package dev.petal.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.tracking.scripts.OutsideRun;
import dev.petal.tracking.scripts.Sleeper;
import dev.petal.tracking.scripts.Submitter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs across process boundaries: getContext outside a run, cancel from another handle, the submitter exiting. */
class ProcessLifecycleTest {
    @TempDir
    Path dir;

    private static void waitForLog(Run run, String text) throws IOException, InterruptedException {
        Path log = run.folder().resolve("logs/std_log.txt");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(log) || !Files.readString(log).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("'" + text + "' not logged within 60 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void getContextOutsideASubmittedRunLogsIntoTheDefaultWorkspace() throws Exception {
        Path cwd = Files.createDirectories(dir.resolve("project"));
        Process ok = ChildJvm.start(cwd, OutsideRun.class);
        Process failing = ChildJvm.start(cwd, OutsideRun.class, "--fail");
        String okOut = new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String failOut = new String(failing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, ok.waitFor(), okOut);
        assertEquals(1, failing.waitFor(), failOut);
        assertTrue(okOut.startsWith("petal: not in a submitted run; logging into interactive run Default_"), okOut);
        assertTrue(failOut.contains("java.lang.IllegalStateException: failed outside a run"), failOut);

        List<Run> runs = new Experiment(Workspace.fromConfig(cwd), "Default").getRuns();
        assertEquals(2, runs.size());
        List<RunStatus> statuses = new ArrayList<>();
        for (Run r : runs) {
            statuses.add(r.getStatus());
            assertEquals(Map.of("outside", 1.0), r.getMetrics());
        }
        statuses.sort(null);
        assertEquals(List.of(RunStatus.COMPLETED, RunStatus.FAILED), statuses);
        Run failed = runs.stream().filter(r -> r.getStatus() == RunStatus.FAILED).findFirst().orElseThrow();
        assertEquals("java.lang.IllegalStateException: failed outside a run", failed.getDetails().error());
    }

    @Test
    void cancelFromAnotherHandleStopsTheChildJvm() throws Exception {
        Experiment exp = new Experiment(Workspace.at(dir.resolve("ws")), "cancels");
        Run submitted = exp.submit(ScriptRunConfig.mainClass(Sleeper.class.getName(), List.of())
                .withEnvironment(ChildJvm.FAST));
        waitForLog(submitted, "ready");
        long scriptPid = submitted.getDetails().scriptPid();
        Run other = exp.workspace().getRun(submitted.id());
        other.cancel();
        RunDetails d = submitted.waitForCompletion(false);
        assertEquals(RunStatus.CANCELED, d.status());
        assertEquals("the run was canceled", d.error());
        assertFalse(ProcessHandle.of(scriptPid).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void aStoppedSubmitterCancelsItsRunAndStopsTheScript() throws Exception {
        Workspace ws = Workspace.at(dir.resolve("ws"));
        Process submitter = ChildJvm.start(dir, Submitter.class, ws.root().toString());
        String id;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(submitter.getInputStream(),
                StandardCharsets.UTF_8))) {
            id = r.readLine();
            Run run = ws.getRun(id);
            waitForLog(run, "ready");
            long scriptPid = run.getDetails().scriptPid();
            submitter.destroy(); // SIGTERM: shutdown hooks run
            assertTrue(submitter.waitFor(30, TimeUnit.SECONDS));
            RunDetails d = run.getDetails();
            assertEquals(RunStatus.CANCELED, d.status());
            assertEquals("the submitting process (pid " + submitter.pid() + ") exited while the script was running",
                    d.error());
            assertFalse(ProcessHandle.of(scriptPid).map(ProcessHandle::isAlive).orElse(false));
            assertEquals(List.of(0.0, 1.0, 2.0), run.getMetrics().get("value"));
        }
    }
}
