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
    void getContextOutsideASubmittedRunLogsIntoTheDefaultWorkspaceAndInstallsNothingJvmWide() throws Exception {
        Path cwd = Files.createDirectories(dir.resolve("project"));
        List<String> opens = List.of("--add-opens", "java.base/java.lang=ALL-UNNAMED");
        Map<String, RunStatus> expected = Map.of("", RunStatus.COMPLETED, "--fail", RunStatus.FAILED,
                "--forget", RunStatus.FAILED);
        for (String mode : List.of("", "--fail", "--forget")) {
            Process p = mode.isEmpty() ? ChildJvm.start(cwd, opens, OutsideRun.class)
                    : ChildJvm.start(cwd, opens, OutsideRun.class, mode);
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            assertTrue(out.startsWith("petal: not in a submitted run; logging into interactive run Default_"), out);
            assertTrue(out.endsWith("default handler: null, shutdown hooks added: 0" + System.lineSeparator()), out);
            String id = out.substring(out.indexOf("Default_"), out.indexOf(" in ", out.indexOf("Default_")));
            Run run = Workspace.fromConfig(cwd).getRun(id);
            assertEquals(expected.get(mode), run.getStatus(), mode);
            assertEquals(Map.of("outside", 1.0), run.getMetrics());
            String error = run.getDetails().error();
            if (mode.equals("--fail")) {
                assertEquals("java.lang.IllegalStateException: failed outside a run", error);
            } else if (mode.equals("--forget")) {
                assertTrue(error.startsWith("the process that ran this run (pid ") && error.endsWith(
                        ") ended without finishing it"), error);
            }
        }
        assertEquals(3, new Experiment(Workspace.fromConfig(cwd), "Default").getRuns().size());
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

    @Test
    void aKilledSubmitterTakesItsScriptDownAndItsOutputsAreCollected() throws Exception {
        Workspace ws = Workspace.at(dir.resolve("ws"));
        Process submitter = ChildJvm.start(dir, Submitter.class, ws.root().toString(), "--write-output");
        try (BufferedReader r = new BufferedReader(new InputStreamReader(submitter.getInputStream(),
                StandardCharsets.UTF_8))) {
            String id = r.readLine();
            Run run = ws.getRun(id);
            waitForLog(run, "ready");
            List<ProcessHandle> script = new ArrayList<>();
            ProcessHandle.of(run.getDetails().scriptPid()).ifPresent(h -> {
                script.add(h);
                h.descendants().forEach(script::add);
            });
            assertFalse(script.isEmpty());
            submitter.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertTrue(submitter.waitFor(30, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (script.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertFalse(script.stream().anyMatch(ProcessHandle::isAlive), "the script outlived its submitter");
            RunDetails d = run.getDetails();
            assertEquals(RunStatus.FAILED, d.status());
            assertEquals("the process that ran this run (pid " + submitter.pid() + " on " + Liveness.HOST
                    + ") ended without finishing it", d.error());
            assertEquals("written before the kill", Files.readString(run.folder().resolve("outputs/partial.txt")));
            assertFalse(Files.exists(run.folder().resolve(".work")));
            assertEquals(List.of(0.0, 1.0, 2.0), run.getMetrics().get("value"));
        }
    }
}
