package dev.petal.spark;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

/**
 * One submitted run as the single task of its Spark job, on an executor: unpacks the run's snapshot (a ZIP inside the
 * task, so it reaches the executor with the task and is gone with it) into a task-local folder, runs the script in a child JVM that logs into a staging
 * workspace, forwards new metric and log lines through an accumulator (Spark carries it to the driver in executor
 * heartbeats), and returns the run's files as a ZIP. It never writes the driver's run history. A failing script is a
 * result, not a task failure, so Spark retries the task only when the executor itself is lost. When Spark kills the
 * task (the run was canceled) the child JVM and its descendants are destroyed before the task ends.
 */
final class TrialTask implements Function<Integer, byte[]> {
    private static final long serialVersionUID = 1L;
    static final String LIVE_METRIC = "M";
    static final String LIVE_LOG = "L";
    /** The most bytes of one file forwarded per poll (4 polls a second), well inside {@link LiveWindow#LIMIT}. */
    static final int CHUNK = 32 * 1024;

    private final String runId;
    private final String experiment;
    private final String runRecord;
    private final byte[] snapshot;
    private final String mainClass;
    private final ArrayList<String> arguments;
    private final ArrayList<String> jvmOptions;
    private final HashMap<String, String> environment;
    private final long maxMillis;
    private final String localClasspath;
    private final LiveWindow live;

    TrialTask(String runId, String experiment, String runRecord, byte[] snapshot, String mainClass,
              List<String> arguments, List<String> jvmOptions, Map<String, String> environment, long maxMillis,
              String localClasspath, LiveWindow live) {
        this.runId = runId;
        this.experiment = experiment;
        this.runRecord = runRecord;
        this.snapshot = snapshot.clone();
        this.mainClass = mainClass;
        this.arguments = new ArrayList<>(arguments);
        this.jvmOptions = new ArrayList<>(jvmOptions);
        this.environment = new HashMap<>(environment);
        this.maxMillis = maxMillis;
        this.localClasspath = localClasspath;
        this.live = live;
    }

    @Override
    public byte[] call(Integer ignored) throws Exception {
        TaskContext ctx = TaskContext.get();
        int attempt = ctx == null ? 0 : ctx.attemptNumber();
        int threads = ctx == null ? 1 : Math.max(1, ctx.cpus());
        Path staging = Files.createTempDirectory("petal-task-" + runId + "-");
        Process p = null;
        try {
            Path work = staging.resolve("work");
            RunArchive.unzip(snapshot, work);
            Files.createDirectories(work.resolve("outputs"));
            Path workspace = staging.resolve("workspace");
            Path runDir = workspace.resolve("experiments").resolve(experiment).resolve(runId);
            Files.createDirectories(runDir.resolve("logs"));
            Files.writeString(runDir.resolve("run.json"), runRecord);
            Path log = staging.resolve("std_log.txt");

            List<String> cmd = new ArrayList<>();
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(jvmOptions);
            cmd.add("-Dpetal.threads=" + threads);
            cmd.add("-cp");
            String petal = localClasspath != null ? localClasspath : executorClasspath();
            Path classes = work.resolve(SparkComputeBackend.CLASSES_DIR);
            cmd.add(Files.isDirectory(classes) ? classes + java.io.File.pathSeparator + petal : petal);
            cmd.add(mainClass);
            cmd.addAll(arguments);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().putAll(environment);
            pb.environment().put("PETAL_RUN_ID", runId);
            pb.environment().put("PETAL_EXPERIMENT", experiment);
            pb.environment().put("PETAL_WORKSPACE", workspace.toString());
            p = pb.start();
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
            Tail metricsAt = new Tail();
            Tail logAt = new Tail();
            String exit;
            while (true) {
                if (p.waitFor(250, TimeUnit.MILLISECONDS)) {
                    exit = Integer.toString(p.exitValue());
                    break;
                }
                if (ctx != null && ctx.isInterrupted()) {
                    throw new InterruptedException("the task was killed");
                }
                forward(runDir.resolve("metrics.jsonl"), metricsAt, LIVE_METRIC, attempt, true);
                forward(log, logAt, LIVE_LOG, attempt, false);
                if (System.nanoTime() - deadline > 0) {
                    destroy(p);
                    exit = "timeout";
                    break;
                }
            }
            forward(runDir.resolve("metrics.jsonl"), metricsAt, LIVE_METRIC, attempt, true);
            Map<String, Path> files = new LinkedHashMap<>();
            addTree(files, "outputs/", work.resolve("outputs"));
            addTree(files, "logs/", work.resolve("logs"));
            Map<String, byte[]> meta = new LinkedHashMap<>();
            meta.put("exit", exit.getBytes(StandardCharsets.UTF_8));
            meta.put("attempt", Integer.toString(attempt).getBytes(StandardCharsets.UTF_8));
            meta.put("log-offset", Long.toString(logAt.at).getBytes(StandardCharsets.UTF_8));
            meta.put("host", hostName().getBytes(StandardCharsets.UTF_8));
            meta.put("std_log.txt", Files.readAllBytes(log));
            Path metrics = runDir.resolve("metrics.jsonl");
            meta.put("metrics.jsonl", Files.exists(metrics) ? Files.readAllBytes(metrics) : new byte[0]);
            return RunArchive.zip(files, meta);
        } finally {
            if (p != null && p.isAlive()) {
                destroy(p);
            }
            RunArchive.deleteTree(staging);
        }
    }

    /** How far a file has been forwarded; {@code skipping} while dropping a metric line longer than a chunk. */
    static final class Tail {
        long at;
        boolean skipping;
    }

    /**
     * Sends the bytes added to {@code file} since {@code tail.at}, at most {@link #CHUNK} of them; with
     * {@code wholeLines} only complete lines (a line longer than a chunk is not sent live: the final metrics file
     * carries it).
     */
    private void forward(Path file, Tail tail, String kind, int attempt, boolean wholeLines) throws IOException {
        if (!Files.exists(file) || Files.size(file) <= tail.at) {
            return;
        }
        byte[] chunk;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long len = Math.min(f.length() - tail.at, CHUNK);
            chunk = new byte[(int) len];
            f.seek(tail.at);
            f.readFully(chunk);
        }
        int start = 0;
        int end = chunk.length;
        if (wholeLines) {
            if (tail.skipping) {
                while (start < end && chunk[start] != '\n') {
                    start++;
                }
                tail.skipping = start == end;
                tail.at += Math.min(end, start + 1);
                if (tail.skipping || start + 1 == end) {
                    return;
                }
                start++;
            }
            while (end > start && chunk[end - 1] != '\n') {
                end--;
            }
            if (end == start && chunk.length == CHUNK && start == 0) {
                tail.skipping = true;   // a line longer than a chunk
                tail.at += chunk.length;
                return;
            }
        } else {
            end = utf8Boundary(chunk, end);   // a character cut by the chunk goes with the next one
        }
        if (end == start) {
            return;
        }
        String text = new String(chunk, start, end - start, StandardCharsets.UTF_8);
        live.add(kind + "\t" + attempt + "\t" + tail.at + "\t" + (end - start) + "\t" + text);
        tail.at += end - start;
    }

    /** {@code end}, or less so that {@code b[0, end)} does not end inside a UTF-8 multi-byte sequence. */
    static int utf8Boundary(byte[] b, int end) {
        for (int i = end - 1; i >= Math.max(0, end - 4); i--) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                return end;   // ASCII: nothing is cut
            }
            if (c >= 0xc0) {   // the lead byte of the last sequence
                int length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
                return i + length <= end ? end : i;
            }
        }
        return end;   // not UTF-8 there: sent as it is
    }

    /** Destroys the child JVM and every process it started, forcibly after 3 seconds. */
    static void destroy(Process p) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        tree.forEach(ProcessHandle::destroy);
        p.destroy();
        if (!p.waitFor(3, TimeUnit.SECONDS)) {
            tree.forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        for (ProcessHandle h : tree) {
            h.destroyForcibly();
        }
    }

    /** The jars Spark fetched for this application (petal.jar and petal-spark.jar), as a class path. */
    private static String executorClasspath() {
        Set<String> parts = new LinkedHashSet<>();
        for (ClassLoader cl = Thread.currentThread().getContextClassLoader(); cl != null; cl = cl.getParent()) {
            if (cl instanceof URLClassLoader u) {
                for (URL url : u.getURLs()) {
                    if (url.getProtocol().equals("file")) {
                        try {
                            parts.add(Path.of(url.toURI()).toString());
                        } catch (URISyntaxException | IllegalArgumentException ignored) {
                            // not a local file
                        }
                    }
                }
            }
        }
        if (parts.isEmpty()) {
            parts.add(System.getProperty("java.class.path"));
        }
        return String.join(java.io.File.pathSeparator, parts);
    }

    private static void addTree(Map<String, Path> files, String prefix, Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (var s = Files.walk(root)) {
            s.filter(Files::isRegularFile).sorted().forEach(f -> files.put(prefix
                    + root.relativize(f).toString().replace('\\', '/'), f));
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
