package dev.petal.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.tracking.Run;
import dev.petal.tracking.RunStatus;
import dev.petal.tracking.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code petal run --target spark:local[2]} as users run it (the petal JVM, its Spark driver JVM, the script's JVM):
 * the script's output reaches the terminal while it runs, and {@code petal runs cancel} in another process cancels
 * the run's Spark job, its script JVM dies and the run ends Canceled; canceling a sweep's parent that way stops its
 * trials on Spark. Nothing the test started is left running.
 */
class SparkLocalIT {
    private static final Path PETAL_JAR = Path.of("../cli/target/petal.jar").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Process start(Path out, Path err, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", PETAL_JAR.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    private static void waitFor(Path file, String text, Process p) throws Exception {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!Files.readString(file).contains(text)) {
            assertTrue(p.isAlive(), "petal ended before printing '" + text + "': " + Files.readString(file));
            assertTrue(System.nanoTime() < end, "no '" + text + "' within 3 minutes: " + Files.readString(file));
            Thread.sleep(100);
        }
    }

    /** {@code petal runs cancel RUN_ID} in another process, which must succeed: what it printed. */
    private String runsCancel(String runId, Path ws, Set<ProcessHandle> started) throws Exception {
        Path out = dir.resolve("cancel-out.txt");
        Path err = dir.resolve("cancel-err.txt");
        Process cancel = start(out, err, "runs", "cancel", runId, "--workspace", ws.toString());
        started.add(cancel.toHandle());
        assertTrue(cancel.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, cancel.exitValue(), Files.readString(err));
        return Files.readString(out);
    }

    /** Every process the test started ends by itself within 20 seconds. */
    private static void assertAllEnded(Set<ProcessHandle> started) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (started.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < end) {
            Thread.sleep(100);
        }
        assertEquals(List.of(), started.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList(),
                "every process the test started ended by itself");
    }

    /** Leaves nothing the test started running, whatever the outcome. */
    private static void destroyAll(Set<ProcessHandle> started) {
        for (ProcessHandle h : started) {
            h.descendants().forEach(ProcessHandle::destroyForcibly);
            h.destroyForcibly();
        }
    }

    @Test
    void outputStreamsWhileTheRunRunsAndRunsCancelFromAnotherProcessEndsIt() throws Exception {
        assertTrue(Files.isRegularFile(PETAL_JAR), "the cli module's jar is built first: " + PETAL_JAR);
        Path src = chatty();
        Path ws = dir.resolve("ws");
        Path out = dir.resolve("run-out.txt");
        Path err = dir.resolve("run-err.txt");
        Process petal = start(out, err, "run", "--workspace", ws.toString(), "--target", "spark:local[2]",
                "--spark-conf", "spark.task.cpus=2", src.resolve("Chatty.java").toString());
        Set<ProcessHandle> started = new LinkedHashSet<>();
        started.add(petal.toHandle());
        try {
            waitFor(out, "step 5\n", petal);   // on the terminal while the script runs
            assertTrue(Files.readString(out).contains("threads=2\n"), "--spark-conf reached the driver JVM's session");
            petal.descendants().forEach(started::add);
            List<Run> runs = Workspace.at(ws).experiment("Default").getRuns();
            assertEquals(1, runs.size());
            Run run = runs.get(0);
            assertEquals(RunStatus.RUNNING, run.getStatus());
            assertTrue(scripts() > 0, "the script runs in its own JVM");

            assertEquals("asked the process running " + run.id() + " to cancel it (now Running)\n",
                    runsCancel(run.id(), ws, started));

            assertTrue(petal.waitFor(2, TimeUnit.MINUTES), "petal run ends once its run is canceled");
            assertEquals(1, petal.exitValue());
            List<String> errors = Files.readAllLines(err).stream().filter(l -> l.startsWith("error:")).toList();
            assertEquals(List.of("error: run " + run.id() + " Canceled: the run was canceled"), errors);
            assertEquals(RunStatus.CANCELED, run.getStatus());
            assertTrue(!Files.readString(out).contains("step 1199"), "stopped early");
            assertEquals(0, scripts(), "the script's JVM is gone");
            assertAllEnded(started);
        } finally {
            destroyAll(started);
        }
    }

    @Test
    void runsCancelOfASweepsParentStopsItsTrialsOnSpark() throws Exception {
        assertTrue(Files.isRegularFile(PETAL_JAR), "the cli module's jar is built first: " + PETAL_JAR);
        Path src = chatty();
        Path ws = dir.resolve("ws");
        Path out = dir.resolve("tune-out.txt");
        Path err = dir.resolve("tune-err.txt");
        Process petal = start(out, err, "tune", "--workspace", ws.toString(), "--experiment", "sweep", "--target",
                "spark:local[2]", "--sampling", "grid", "--param", "n=choice(1,2,3,4)", "--primary-metric", "step",
                "--goal", "maximize", "--max-total-runs", "4", "--max-concurrent-runs", "2", "--json",
                src.resolve("Chatty.java").toString());
        Set<ProcessHandle> started = new LinkedHashSet<>();
        started.add(petal.toHandle());
        try {
            long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            List<Run> running = List.of();
            while (running.size() < 2 || running.stream().anyMatch(r -> r.getMetricHistory("step").size() < 3)) {
                assertTrue(petal.isAlive() && System.nanoTime() < end, "two trials run: " + Files.readString(err));
                Thread.sleep(200);
                running = Workspace.at(ws).experiment("sweep").getRuns().stream().flatMap(p -> p.getChildren().stream())
                        .filter(r -> r.getStatus() == RunStatus.RUNNING).toList();
            }
            petal.descendants().forEach(started::add);
            String parent = running.get(0).getDetails().parentId();

            assertEquals("canceled run " + parent + "\n", runsCancel(parent, ws, started));

            assertTrue(petal.waitFor(2, TimeUnit.MINUTES), "petal tune ends once its sweep is canceled");
            assertEquals(1, petal.exitValue(), Files.readString(err));
            Workspace w = Workspace.at(ws);
            assertEquals(RunStatus.CANCELED, w.getRun(parent).getStatus());
            List<Run> children = w.getRun(parent).getChildren();
            assertEquals(2, children.size(), "no trial starts after the cancel");
            for (Run c : children) {
                assertEquals(RunStatus.CANCELED, c.getStatus(), c.id());
            }
            assertEquals(0, scripts(), "the trials' JVMs are gone");
            assertAllEnded(started);
        } finally {
            destroyAll(started);
        }
    }

    /** A script that prints and logs a step every 100 ms for two minutes. */
    private Path chatty() throws java.io.IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("Chatty.java"), """
                import dev.petal.tracking.Run;
                public class Chatty {
                    public static void main(String[] args) throws Exception {
                        Run run = Run.getContext();
                        System.out.println("threads=" + System.getProperty("petal.threads"));
                        for (int i = 0; i < 1200; i++) {
                            System.out.println("step " + i);
                            run.log("step", i);
                            Thread.sleep(100);
                        }
                    }
                }
                """);
        return src;
    }

    private static long scripts() {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .map(SparkRunTest::commandLine).filter(c -> c.contains(" Chatty")).count();
    }
}
