package dev.petal.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.tracking.scripts.InteractiveOwner;
import dev.petal.tracking.scripts.LogWorker;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several processes logging into one run at once lose nothing; a run whose process died reads as Failed. */
class ConcurrencyTest {
    private static final int WORKERS = 4;
    private static final int VALUES = 1000;
    private static final int TAGS = 25;

    @TempDir
    Path dir;

    @Test
    void fourProcessesTimesAThousandValuesLoseNothing() throws Exception {
        Workspace ws = Workspace.at(dir.resolve("ws"));
        Run run = new Experiment(ws, "concurrency").startLogging();
        List<Process> workers = new ArrayList<>();
        for (int n = 0; n < WORKERS; n++) {
            workers.add(ChildJvm.start(LogWorker.class, ws.root().toString(), run.id(), String.valueOf(n),
                    String.valueOf(VALUES), String.valueOf(TAGS)));
        }
        for (int i = 0; i < VALUES; i++) {
            run.log("parent", i);
        }
        for (int n = 0; n < WORKERS; n++) {
            Process p = workers.get(n);
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), output);
            assertEquals("worker " + n + " done\n", output);
        }
        run.complete();

        List<Metric> all = run.getMetricHistory();
        assertEquals(WORKERS * VALUES * 2 + VALUES, all.size());
        Map<String, Object> metrics = run.getMetrics();
        for (int n = 0; n < WORKERS; n++) {
            List<Metric> mine = run.getMetricHistory("worker-" + n);
            assertEquals(VALUES, mine.size());
            for (int i = 0; i < VALUES; i++) {
                assertEquals(i, mine.get(i).asDouble());
                assertEquals(i, mine.get(i).step());
            }
        }
        List<?> shared = (List<?>) metrics.get("shared");
        assertEquals(WORKERS * VALUES, shared.size());
        assertEquals(WORKERS * VALUES, new HashSet<>(shared).size());
        Set<String> tags = run.getTags().keySet();
        assertEquals(WORKERS * TAGS, tags.size());
        assertEquals(RunStatus.COMPLETED, run.getStatus());
    }

    @Test
    void aKilledOwnerProcessLeavesAFailedRun() throws Exception {
        Workspace ws = Workspace.at(dir.resolve("ws"));
        Process owner = ChildJvm.start(InteractiveOwner.class, ws.root().toString());
        String id;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(owner.getInputStream(),
                StandardCharsets.UTF_8))) {
            id = r.readLine();
            Run run = ws.getRun(id);
            assertEquals(RunStatus.RUNNING, run.getStatus());
            owner.destroyForcibly();
            assertTrue(owner.waitFor(30, TimeUnit.SECONDS));
        }
        Run run = ws.getRun(id);
        assertEquals(RunStatus.FAILED, run.getStatus());
        assertEquals("the process that ran this run (pid " + owner.pid() + " on " + Liveness.HOST
                + ") ended without finishing it", run.getDetails().error());
        assertEquals(Map.of("alive", 1.0), run.getMetrics());
        assertEquals(List.of(run), new Experiment(ws, "owners").getRuns(RunFilter.all().withStatus(RunStatus.FAILED)));
    }
}
