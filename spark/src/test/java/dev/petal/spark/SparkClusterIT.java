package dev.petal.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import dev.petal.examples.TrainIris;
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
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A real Spark standalone cluster on 127.0.0.1 (a Master and 2 Workers, each its own JVM, started by
 * {@code petal cluster start} from Petal's own jars) driven by the {@code petal} command as users run it: the
 * notebook's 12-trial sweep with 4 concurrent runs gives every child the local sweep's Accuracy and predictions;
 * a trial the bandit policy cuts is canceled while it runs, its child JVM gone, the others complete; a 200,000-row
 * CSV scores byte for byte as {@code petal predict} writes it; bad targets give one line; nothing is left running.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkClusterIT {
    private static final Path PETAL_JAR = Path.of("../cli/target/petal.jar").toAbsolutePath().normalize();

    private Path dir;

    private int port;
    private String master;
    private final Set<ProcessHandle> started = new LinkedHashSet<>();

    record Result(int code, String out, String err) {
    }

    /** Runs {@code java -jar petal.jar ARGS} in {@code cwd}, waiting at most 5 minutes. */
    Result petal(Path cwd, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java().toString(), "-Xmx256m", "-jar", PETAL_JAR.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        started.add(p.toHandle());
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("petal " + String.join(" ", args) + " did not end within 5 minutes: "
                    + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    @BeforeAll
    void startCluster() throws Exception {
        dir = Files.createTempDirectory("petal-spark-it-");
        assertTrue(Files.isRegularFile(PETAL_JAR), "the cli module's jar is built first: " + PETAL_JAR);
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Result r = petal(dir, "cluster", "start", "--workers", "2", "--cores", "2", "--memory", "1g", "--port",
                Integer.toString(port));
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        master = lines.get(lines.size() - 1);
        assertEquals("spark://127.0.0.1:" + port, master);
        for (String pid : Files.readAllLines(clusterPids())) {
            ProcessHandle.of(Long.parseLong(pid.trim())).ifPresent(started::add);
        }
        assertEquals(3, started.stream().filter(ProcessHandle::isAlive).count(), "a master and two workers");
    }

    private Path clusterPids() {
        return Path.of(System.getProperty("java.io.tmpdir"), "petal-cluster-" + System.getProperty("user.name") + "-" + port, "pids");
    }

    @AfterAll
    void stopCluster() throws Exception {
        Set<ProcessHandle> all = new LinkedHashSet<>(started);
        started.forEach(h -> all.addAll(h.descendants().toList()));
        Result r = petal(dir, "cluster", "stop", "--port", Integer.toString(port));
        assertEquals(0, r.code(), r.err());
        for (ProcessHandle h : all) {
            h.onExit().get(20, TimeUnit.SECONDS);
        }
        assertEquals(List.of(), all.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList(),
                "every process the test started is gone");
        assertEquals(List.of(), leftovers(), "no executor or trial JVM is left");
        RunArchive.deleteTree(dir);
        RunArchive.deleteTree(clusterPids().getParent());
    }

    /**
     * Processes still running from this cluster's folder or the task folder of one of this test's runs (a task
     * folder is named after its run id; other builds on the machine may have task folders of their own).
     */
    private List<String> leftovers() throws IOException {
        String state = clusterPids().getParent().toString();
        List<String> tasks = new ArrayList<>();
        try (var files = Files.walk(dir)) {
            files.filter(f -> f.getFileName().toString().equals("run.json"))
                    .forEach(f -> tasks.add("petal-task-" + f.getParent().getFileName() + "-"));
        }
        assertFalse(tasks.isEmpty(), "the test's runs are found");
        List<String> out = new ArrayList<>();
        ProcessHandle.allProcesses().filter(ProcessHandle::isAlive).forEach(h -> {
            String cmd = SparkRunTest.commandLine(h);
            if (cmd.contains(state) || tasks.stream().anyMatch(cmd::contains) || cmd.contains(master + " ")) {
                out.add(h.pid() + " " + cmd.substring(0, Math.min(200, cmd.length())));
            }
        });
        return out;
    }

    @Test
    void notebookSweepOnTheClusterEqualsTheLocalSweep() throws Exception {
        Map<String, Double> localAccuracy = new HashMap<>();
        Map<String, int[]> localPredictions = new HashMap<>();
        Dataset iris = Datasets.iris();
        TrainTestSplit split = Selection.trainTestSplit(iris.x(), iris.y(), 0);
        SearchSpace space = SearchSpace.of("kernel", ExpressionParser.parse("choice('linear', 'rbf', 'poly', 'sigmoid')"))
                .and("penalty", ExpressionParser.parse("choice(0.5, 1, 1.5)"));
        HyperDriveConfig config = HyperDriveConfig.of(ScriptRunConfig.mainClass(TrainIris.class.getName(), List.of())
                .withComputeTarget(ComputeTarget.INPROCESS), new GridParameterSampling(space), "Accuracy",
                PrimaryMetricGoal.MAXIMIZE, 12).withMaxConcurrentRuns(4);
        HyperDriveRun local = HyperDriveRun.submit(Workspace.at(dir.resolve("local")).experiment("local-sweep"), config)
                .waitForCompletion();
        for (Run child : local.getChildren()) {
            String key = key(child);
            localAccuracy.put(key, ((Number) child.getMetrics().get("Accuracy")).doubleValue());
            localPredictions.put(key, ModelIO.loadClassifier(child.folder().resolve("outputs/model.petal")).predict(split.xTest()));
        }
        assertEquals(12, localAccuracy.size());

        Path ws = dir.resolve("cluster-ws");
        Result r = petal(dir, "tune", "--workspace", ws.toString(), "--target", master, "--sampling", "grid",
                "--param", "kernel=choice('linear','rbf','poly','sigmoid')", "--param", "penalty=choice(0.5,1,1.5)",
                "--primary-metric", "Accuracy", "--goal", "maximize", "--max-total-runs", "12",
                "--max-concurrent-runs", "4", "--json", "dev.petal.examples.TrainIris");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(12, json.get("children").size());
        Workspace w = Workspace.at(ws);
        for (JsonNode c : json.get("children")) {
            Run child = w.getRun(c.get("id").asText());
            assertEquals(RunStatus.COMPLETED, child.getStatus(), child.id());
            assertEquals(master, child.getDetails().tags().get("spark.master"));
            String key = key(child);
            assertEquals(localAccuracy.get(key), ((Number) child.getMetrics().get("Accuracy")).doubleValue(), 0.0, key);
            assertArrayEquals(localPredictions.get(key),
                    ModelIO.loadClassifier(child.folder().resolve("outputs/model.petal")).predict(split.xTest()), key);
        }
    }

    @Test
    void aRegressorGridSearchOnTheClusterEqualsTheLocalOneWithChildRuns() throws Exception {
        Dataset d = Datasets.makeClassification(120, 5);
        StringBuilder csv = new StringBuilder();
        for (int j = 0; j < d.x().cols(); j++) {
            csv.append("f").append(j).append(',');
        }
        csv.append("target\n");
        for (int i = 0; i < d.x().rows(); i++) {
            for (double v : d.x().row(i)) {
                csv.append(v).append(',');
            }
            csv.append(2.0 * d.x().get(i, 0) - d.x().get(i, 2) + d.y()[i]).append('\n');
        }
        Path data = dir.resolve("regression.csv");
        Files.writeString(data, csv.toString());
        String[] search = {"cv", "--data", data.toString(), "--estimator", "svr", "--param", "C=choice(0.5, 5)",
            "--param", "epsilon=choice(0.1, 0.5)", "--cv", "3", "--scoring", "neg_mean_squared_error", "--json"};
        Result local = petal(dir, search);
        assertEquals(0, local.code(), local.err());
        Path ws = dir.resolve("cv-ws");
        List<String> onCluster = new ArrayList<>(List.of(search));
        onCluster.addAll(List.of("--target", master, "--workspace", ws.toString(), "--experiment", "cluster-cv"));
        Result cluster = petal(dir, onCluster.toArray(String[]::new));
        assertEquals(0, cluster.code(), cluster.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree(local.out());
        JsonNode b = json.readTree(cluster.out());
        assertEquals(a.get("best_params"), b.get("best_params"));
        for (String key : List.of("params", "split0_test_score", "split1_test_score", "split2_test_score", "mean_test_score",
                "std_test_score", "rank_test_score")) {
            assertEquals(a.get("cv_results").get(key), b.get("cv_results").get(key), key);
        }
        Run parent = Workspace.at(ws).experiment("cluster-cv").getRuns().stream()
                .filter(r -> r.getDetails().parentId() == null).findFirst().orElseThrow();
        assertEquals(RunStatus.COMPLETED, parent.getStatus());
        List<Run> children = parent.getChildren();
        assertEquals(4, children.size());
        for (Run c : children) {
            assertEquals(RunStatus.COMPLETED, c.getStatus(), c.id());
            assertTrue(c.getMetrics().containsKey("rank_test_score"), c.getMetrics().toString());
        }
    }

    private static String key(Run child) {
        Map<String, Object> m = child.getMetrics();
        return m.get("Kernel type") + "/" + ((Number) m.get("Penalty")).doubleValue();
    }

    @Test
    void theBanditCancelsOneRunningTrialAndItsChildJvmIsGone() throws Exception {
        Path src = Files.createDirectories(dir.resolve("steps"));
        Files.writeString(src.resolve("Steps.java"), """
                import dev.petal.tracking.Run;
                public class Steps {
                    public static void main(String[] args) throws Exception {
                        double quality = Double.parseDouble(args[args.length - 1]);
                        Run run = Run.getContext();
                        int steps = quality < 0.5 ? 1200 : 12;
                        for (int i = 0; i < steps; i++) {
                            run.log("score", quality);
                            Thread.sleep(250);
                        }
                    }
                }
                """);
        Path ws = dir.resolve("bandit-ws");
        Result r = petal(src, "tune", "--workspace", ws.toString(), "--target", master, "--sampling", "grid",
                "--param", "quality=choice(0.9,0.1,0.85)", "--primary-metric", "score", "--goal", "maximize",
                "--policy", "bandit:slack_factor=0.1,evaluation_interval=1,delay_evaluation=3",
                "--max-total-runs", "3", "--max-concurrent-runs", "3", "--json", "Steps.java");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        Workspace w = Workspace.at(ws);
        int canceled = 0;
        for (JsonNode c : json.get("children")) {
            Run child = w.getRun(c.get("id").asText());
            double quality = c.get("hyperparameters").get("quality").asDouble();
            if (quality < 0.5) {
                assertEquals(RunStatus.CANCELED, child.getStatus(), child.id());
                assertTrue(child.getDetails().tags().get("early_termination").startsWith("BanditPolicy at interval "),
                        child.getDetails().tags().toString());
                int logged = child.getMetricHistory("score").size();
                assertTrue(logged >= 3 && logged < 1200, "canceled while running, after " + logged + " values");
                canceled++;
            } else {
                assertEquals(RunStatus.COMPLETED, child.getStatus(), child.id());
                assertEquals(12, child.getMetricHistory("score").size());
            }
        }
        assertEquals(1, canceled);
        assertEquals(List.of(), ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .map(SparkRunTest::commandLine).filter(c -> c.contains(" Steps ")).toList(), "the trial JVM is gone");
    }

    @Test
    void scoresTwoHundredThousandRowsAsPredictDoes() throws Exception {
        Path train = dir.resolve("train.csv");
        SparkScoringTest.writeIris(train, 1);
        Path model = dir.resolve("iris.petal");
        SparkScoringTest.petal("train", "--data", train.toString(), "--model", model.toString(), "--kernel", "rbf");
        Path data = dir.resolve("rows.csv");
        SparkScoringTest.writeIris(data, 200_000 / 150 + 1);
        List<String> lines = Files.readAllLines(data);
        Files.write(data, lines.subList(0, 200_001));
        Path expected = dir.resolve("expected.csv");
        SparkScoringTest.petal("predict", "--model", model.toString(), "--data", data.toString(), "--output",
                expected.toString(), "--decision-function");
        Path got = dir.resolve("got.csv");
        Result r = petal(dir, "score", "--target", master, "--model", model.toString(), "--data", data.toString(),
                "--output", got.toString(), "--decision-function");
        assertEquals(0, r.code(), r.err());
        assertEquals("wrote 200000 predictions to " + got, r.out().strip().lines().reduce((a, b) -> b).orElse(""));
        assertTrue(Files.readString(expected, StandardCharsets.UTF_8).equals(Files.readString(got, StandardCharsets.UTF_8)),
                "the Spark scores equal petal predict's, byte for byte");

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "a,b\n1,2\n");
        r = petal(dir, "score", "--target", master, "--model", model.toString(), "--data", bad.toString(), "--output",
                dir.resolve("bad-out.csv").toString());
        assertEquals(1, r.code());
        assertEquals("error: " + bad + " has no column 'sepal length (cm)', a feature the model was trained on (model"
                + " features: sepal length (cm), sepal width (cm), petal length (cm), petal width (cm); file columns: a, b)",
                lastLine(r.err()));
    }

    @Test
    void aLostExecutorIsRetriedAndTheRunCompletes() throws Exception {
        Path src = Files.createDirectories(dir.resolve("lost"));
        Files.writeString(src.resolve("Lasting.java"), """
                import dev.petal.tracking.Run;
                public class Lasting {
                    public static void main(String[] args) throws Exception {
                        Run run = Run.getContext();
                        for (int i = 0; i < 16; i++) {
                            run.log("tick", i);
                            Thread.sleep(500);
                        }
                        System.out.println("lasting script done");
                    }
                }
                """);
        Path ws = dir.resolve("lost-ws");
        Path out = Files.createTempFile(dir, "lost-out", ".txt");
        Path err = Files.createTempFile(dir, "lost-err", ".txt");
        Process p = new ProcessBuilder(java().toString(), "-Xmx256m", "-jar", PETAL_JAR.toString(), "run", "--workspace",
                ws.toString(), "--experiment", "lost", "--target", master, src.resolve("Lasting.java").toString())
                .directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        started.add(p.toHandle());
        // the script's JVM on an executor, then the executor JVM that runs it: kill -9 that executor mid-run
        ProcessHandle script = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (script == null && System.nanoTime() < deadline && p.isAlive()) {
            script = ProcessHandle.allProcesses().filter(h -> SparkRunTest.commandLine(h).endsWith(" Lasting")
                    || SparkRunTest.commandLine(h).contains(" Lasting ")).findFirst().orElse(null);
            Thread.sleep(100);
        }
        assertTrue(script != null, "the script started on an executor: " + Files.readString(err));
        ProcessHandle executor = script.parent().orElseThrow();
        while (!SparkRunTest.commandLine(executor).contains("CoarseGrainedExecutorBackend")) {
            executor = executor.parent().orElseThrow(() -> new AssertionError("no executor above the script"));
        }
        Thread.sleep(1500);   // a few ticks logged by the first attempt
        executor.destroyForcibly();
        executor.onExit().get(20, TimeUnit.SECONDS);
        script.onExit().get(20, TimeUnit.SECONDS);   // the first attempt's script dies with its executor
        assertTrue(p.waitFor(4, TimeUnit.MINUTES), "petal run ended: " + Files.readString(err));
        assertEquals(0, p.exitValue(), Files.readString(err));
        Run run = Workspace.at(ws).experiment("lost").getRuns().get(0);
        assertEquals(RunStatus.COMPLETED, run.getStatus(), Files.readString(err));
        assertTrue(Files.readString(run.folder().resolve("logs/std_log.txt")).contains("lasting script done"),
                "the retried attempt ran the script to its end");
        assertEquals(15.0, run.getLatestMetrics().get("tick").asDouble());
    }

    @Test
    void badTargetsGiveOneLine() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Result r = petal(dir, "run", "--workspace", dir.resolve("bad-ws").toString(), "--target",
                "spark://127.0.0.1:" + closed, "dev.petal.examples.TrainIris");
        assertEquals(1, r.code());
        assertTrue(lastLine(r.err()).startsWith("error: cannot reach the Spark master spark://127.0.0.1:" + closed + " ("),
                r.err());
        r = petal(dir, "run", "--workspace", dir.resolve("bad-ws").toString(), "--target", "gpu-cluster",
                "dev.petal.examples.TrainIris");
        assertEquals(1, r.code());
        assertTrue(lastLine(r.err()).startsWith("error: unknown compute target 'gpu-cluster': no "), r.err());
    }

    @Test
    void aClusterOfAnotherSparkVersionIsRefusedInOneLine() throws Exception {
        // Executors that report Spark 4.0.1: a jar with that version file goes first on their class path.
        Path jar = dir.resolve("spark-4.0.1-version.jar");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            z.putNextEntry(new java.util.zip.ZipEntry("spark-version-info.properties"));
            z.write("version=4.0.1\nrevision=0\n".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        Path ws = dir.resolve("old-ws");
        Path computes = Files.createDirectories(ws.resolve("computes"));
        Files.writeString(computes.resolve("old-spark.json"), "{\"type\": \"spark\", \"master\": \"" + master
                + "\", \"conf\": {\"spark.executor.extraClassPath\": \"" + jar + "\"}}");
        Result r = petal(dir, "run", "--workspace", ws.toString(), "--target", "old-spark", "dev.petal.examples.TrainIris");
        assertEquals(1, r.code(), r.err());
        assertEquals("error: the Spark cluster " + master + " runs Spark 4.0.1 but Petal's driver runs Spark "
                + SparkSessions.driverVersion() + "; use a cluster of Spark " + SparkSessions.driverVersion()
                + " (Scala 2.13)", lastLine(r.err()));
        assertEquals(List.of(), Workspace.at(ws).experiment("Default").getRuns(), "nothing was submitted");
    }

    @Test
    void noExecutorWithinTheBoundedWaitIsOneLine() throws Exception {
        // No worker has 64 GB for an executor, so the application waits with none; the wait is made 3 s.
        Path ws = dir.resolve("full-ws");
        Path computes = Files.createDirectories(ws.resolve("computes"));
        Files.writeString(computes.resolve("too-big.json"), "{\"type\": \"spark\", \"master\": \"" + master
                + "\", \"conf\": {\"spark.executor.memory\": \"64g\", \"spark.petal.executorWaitSeconds\": \"3\"}}");
        Result r = petal(dir, "run", "--workspace", ws.toString(), "--target", "too-big", "dev.petal.examples.TrainIris");
        assertEquals(1, r.code(), r.err());
        assertEquals("error: no executor of the Spark cluster " + master + " registered within 3 s: the cluster has no"
                + " free cores or memory for Petal's application, or runs another Spark version than Petal's "
                + SparkSessions.driverVersion(), lastLine(r.err()));
    }

    private static String lastLine(String text) throws IOException {
        List<String> l = text.strip().lines().filter(s -> s.startsWith("error:")).toList();
        return l.isEmpty() ? text : l.get(l.size() - 1);
    }
}
