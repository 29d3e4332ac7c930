package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.tracking.Run;
import dev.petal.tracking.RunStatus;
import dev.petal.tracking.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of {@code petal tune} mid-sweep: every trial's JVM goes with it, the running children end
 * Canceled, and {@code petal tune --resume PARENT_ID} runs them again and completes the notebook's grid.
 */
class TuneKillResumeIT {
    @TempDir
    Path dir;

    @Test
    void aKilledSweepLeavesNoProcessAndResumesToTheEnd() throws Exception {
        Path ws = dir.resolve("ws");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), PetalCli.class.getName(),
                "tune", "--workspace", ws.toString(), "--experiment", "Killed", "--target", "local",
                "--sampling", "grid", "--param", "kernel=choice(linear, rbf, poly, sigmoid)",
                "--param", "penalty=choice(0.5, 1, 1.5)", "--primary-metric", "Accuracy", "--goal", "maximize",
                "--max-total-runs", "12", "--max-concurrent-runs", "2",
                TuneFixtureScript.class.getName(), "--delay-millis", "1500"));
        Process tune = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("tune.log").toFile()).start();
        List<ProcessHandle> started = new ArrayList<>();
        Run parent;
        try {
            parent = waitForRunningChildren(Workspace.at(ws), 2, 2);
            tune.descendants().forEach(started::add);
        } finally {
            tune.destroyForcibly(); // SIGKILL: no shutdown hook
        }
        assertTrue(tune.waitFor(30, TimeUnit.SECONDS));
        assertFalse(started.isEmpty(), "the sweep had trial processes running");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (started.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertFalse(started.stream().anyMatch(ProcessHandle::isAlive), "a trial outlived the killed sweep");

        Workspace w = Workspace.at(ws);
        assertEquals(RunStatus.FAILED, w.getRun(parent.id()).getStatus());
        int canceled = 0;
        for (Run c : w.getRun(parent.id()).getChildren()) {
            RunStatus s = c.getStatus();
            assertTrue(s == RunStatus.COMPLETED || s == RunStatus.CANCELED, c.id() + " ended " + s);
            canceled += s == RunStatus.CANCELED ? 1 : 0;
        }
        assertTrue(canceled >= 1, "the killed sweep's running children end Canceled");

        CliResult r = CliResult.petal("tune", "--workspace", ws.toString(), "--resume", parent.id(), "--json");
        assertEquals(0, r.code(), r.err() + r.out());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("Completed", root.get("status").asText());
        assertEquals("rbf", root.get("best").get("hyperparameters").get("kernel").asText());
        assertEquals(0.95, root.get("best").get("best_primary_metric").asDouble(), 1e-12);
        Set<String> completed = new HashSet<>();
        for (JsonNode c : root.get("children")) {
            if (c.get("status").asText().equals("Completed")) {
                completed.add(c.get("hyperparameters").get("kernel").asText() + "/" + c.get("hyperparameters").get("penalty").asText());
            }
        }
        assertEquals(12, completed.size(), "every grid point completed once: " + completed);
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count());
    }

    /** Waits until the sweep's parent has {@code done} completed children and {@code running} running ones. */
    private static Run waitForRunningChildren(Workspace ws, int done, int running) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            for (Run r : ws.experiment("Killed").getRuns()) {
                if (r.getDetails().parentId() != null) {
                    continue;
                }
                List<Run> children = r.getChildren();
                long c = children.stream().filter(x -> x.getStatus() == RunStatus.COMPLETED).count();
                long g = children.stream().filter(x -> x.getStatus() == RunStatus.RUNNING).count();
                if (c >= done && g >= running) {
                    return r;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the sweep did not reach " + done + " completed and " + running + " running children in 120 s");
    }
}
