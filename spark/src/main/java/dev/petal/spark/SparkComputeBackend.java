package dev.petal.spark;

import dev.petal.tracking.ComputeBackend;
import dev.petal.tracking.ComputeTarget;
import dev.petal.tracking.ScriptJob;
import dev.petal.tracking.ScriptRunConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs a submitted script as one Spark job tagged {@code petal-run-<id>} (its job group too, so it can be canceled
 * alone): compiles a {@code .java} script here, ships the snapshot inside the task, runs {@link TrialTask} on an
 * executor, appends the live metric and log lines heartbeats bring, and on the result puts outputs and logs into
 * the work folder and replaces the run's metrics with the script's own file. The submitting JVM stays the only
 * writer of the run history; Preparing lasts until the task starts on an executor.
 */
public final class SparkComputeBackend implements ComputeBackend {
    static final String CLASSES_DIR = ".petal-classes";
    /** The script's whole output, kept in the run's logs/ when part of it could not be streamed live. */
    static final String COMPLETE_LOG = "complete_std_log.txt";

    @Override
    public boolean runs(ComputeTarget target) {
        return target.isSpark();
    }

    @Override
    public String execute(ScriptJob job) throws Exception {
        ScriptRunConfig config = job.config();
        String main = config.script();
        String petalClasspath = System.getProperty("petal.child.classpath", System.getProperty("java.class.path"));
        if (config.isSourceFile()) {
            try {
                main = job.compileScript(petalClasspath);
            } catch (IllegalArgumentException e) {
                job.appendLog(("petal: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
                return e.getMessage();
            }
        }
        if (job.checkCancelRequest() != null) {
            return null;
        }
        ComputeTarget target = config.computeTarget();
        SparkContext sc = SparkSessions.session(target).sparkContext();
        LiveMetrics listener = SparkSessions.listener();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(sc);
        byte[] snapshot = RunArchive.zipTree(job.workDir());
        LiveWindow live = new LiveWindow();
        sc.register(live, "petal-live-" + job.runId());
        String group = "petal-run-" + job.runId();
        Progress progress = new Progress(job);
        listener.watch(group, live.id(), progress);
        try {
            int[] slots = SparkSessions.slots(sc);
            job.tag("spark.master", sc.master());
            job.tag("spark.applicationId", sc.applicationId());
            job.appendLog(("petal: Preparing on " + sc.master() + ": " + slots[0] + " of " + slots[1]
                    + " task slots free\n").getBytes(StandardCharsets.UTF_8));
            boolean local = sc.master().startsWith("local");
            TrialTask task = new TrialTask(job.runId(), job.experimentName(), job.runRecord(),
                    snapshot, main, config.arguments(), config.environment().jvmOptions(),
                    config.environment().variables(), config.maxRunDuration().toMillis(),
                    local ? petalClasspath : null, live);
            sc.clearJobTags();
            sc.setJobGroup(group, "petal run " + job.runId(), true);
            sc.addJobTag(group);
            JavaFutureAction<List<byte[]>> future;
            try {
                future = jsc.parallelize(List.of(0), 1).map(task).collectAsync();
            } finally {
                sc.clearJobGroup();
                sc.clearJobTags();
            }
            job.onCancel(() -> sc.cancelJobGroup(group));
            return await(job, future, progress);
        } finally {
            listener.unwatch(group, live.id());
        }
    }

    @Override
    public void prepare(ComputeTarget target) {
        SparkSessions.session(target);
    }

    @Override
    public long scoreFile(ComputeTarget target, Path model, String data, Path output, boolean decision, boolean proba)
            throws IOException {
        return SparkScoring.scoreFile(SparkSessions.session(target), model, data, output, decision, proba);
    }

    private static String await(ScriptJob job, JavaFutureAction<List<byte[]>> future, Progress progress)
            throws InterruptedException, IOException {
        long deadline = System.nanoTime() + job.config().maxRunDuration().toNanos() + TimeUnit.MINUTES.toNanos(1);
        while (true) {
            try {
                byte[] result = future.get(200, TimeUnit.MILLISECONDS).get(0);
                return progress.finish(result);
            } catch (TimeoutException notYet) {
                job.checkCancelRequest();   // Run.cancel() in another process: cancels the job group (onCancel)
                if (System.nanoTime() - deadline > 0) {
                    future.cancel(true);
                    progress.awaitEnd();
                    return "the run exceeded its maximum duration of " + job.config().maxRunDuration();
                }
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                if (job.cancelReason() != null) {
                    progress.awaitEnd();
                    return null;
                }
                Throwable c = e.getCause() == null ? e : e.getCause();
                return "the Spark job failed: " + c.getMessage().lines().findFirst().orElse(String.valueOf(c));
            }
        }
    }

    /** Applies what the listener reports to the run: Running, live metric and log lines, the end of the task. */
    private static final class Progress implements LiveMetrics.Watcher {
        private final ScriptJob job;
        private final CountDownLatch ended = new CountDownLatch(1);
        private int attempt = -1;
        private long metricsDone;
        private long logDone;
        private boolean logGap;
        private volatile boolean taskStarted;

        Progress(ScriptJob job) {
            this.job = job;
        }

        @Override
        public synchronized void started(String executor, String host, int taskAttempt) {
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("spark.executorId", executor);
            tags.put("spark.host", host);
            tags.put("spark.taskAttempt", Integer.toString(taskAttempt));
            taskStarted = true;
            job.running(tags);
        }

        @Override
        public synchronized void update(List<?> lines) {
            for (Object o : lines) {
                String[] f = o.toString().split("\t", 5);   // kind, attempt, file offset, bytes, text
                if (f.length < 5) {
                    continue;
                }
                int a = Integer.parseInt(f[1]);
                long at = Long.parseLong(f[2]);
                long length = Long.parseLong(f[3]);
                if (a != attempt) {
                    if (a < attempt) {
                        continue;
                    }
                    attempt = a;
                    metricsDone = 0;
                    logDone = 0;
                }
                if (f[0].equals(TrialTask.LIVE_METRIC) && at >= metricsDone) {
                    // after a gap (the window moved on before a heartbeat) the final metrics file fills it in
                    f[4].lines().forEach(job::appendMetricLine);
                    metricsDone = at + length;
                } else if (f[0].equals(TrialTask.LIVE_LOG) && at >= logDone) {
                    if (at > logDone) {
                        job.appendLog(("\npetal: " + (at - logDone) + " bytes of the script's output were not streamed"
                                + " live; logs/" + COMPLETE_LOG + " has all of it\n").getBytes(StandardCharsets.UTF_8));
                        logGap = true;
                    }
                    job.appendLog(f[4].getBytes(StandardCharsets.UTF_8));
                    logDone = at + length;
                }
            }
        }

        @Override
        public void ended(String reason) {
            ended.countDown();
        }

        /** Waits for the killed task to end (its script's JVM destroyed); briefly if it never started. */
        void awaitEnd() throws InterruptedException {
            ended.await(taskStarted ? 30 : 2, TimeUnit.SECONDS);
        }

        /** Commits the task's result into the work folder and the run's metrics and log; returns the failure. */
        synchronized String finish(byte[] zip) throws IOException {
            Map<String, byte[]> entries = RunArchive.entries(zip);
            int a = Integer.parseInt(text(entries, "attempt"));
            byte[] log = entries.getOrDefault("std_log.txt", new byte[0]);
            long from = a == attempt ? logDone : 0;
            if (from < log.length) {
                job.appendLog(java.util.Arrays.copyOfRange(log, (int) from, log.length));
            }
            if (logGap && a == attempt) {
                Path complete = job.workDir().resolve("logs").resolve(COMPLETE_LOG);
                Files.createDirectories(complete.getParent());
                Files.write(complete, log);
            }
            job.replaceMetrics(entries.getOrDefault("metrics.jsonl", new byte[0]));
            for (var e : entries.entrySet()) {
                if (e.getKey().startsWith("outputs/") || e.getKey().startsWith("logs/")) {
                    Path target = job.workDir().resolve(e.getKey()).normalize();
                    if (!target.startsWith(job.workDir())) {
                        throw new IllegalArgumentException("run archive entry '" + e.getKey() + "' leaves the run");
                    }
                    Files.createDirectories(target.getParent());
                    Files.write(target, e.getValue());
                }
            }
            String exit = text(entries, "exit");
            if (exit.equals("0")) {
                return null;
            }
            if (exit.equals("timeout")) {
                return "the run exceeded its maximum duration of " + job.config().maxRunDuration() + " and was canceled";
            }
            String cause = lastErrorLine(new String(log, StandardCharsets.UTF_8));
            return "the script exited with status " + exit + " on " + text(entries, "host")
                    + (cause == null ? "" : ": " + cause) + "; see logs/std_log.txt";
        }

        private static String text(Map<String, byte[]> entries, String name) {
            byte[] b = entries.get(name);
            if (b == null) {
                throw new IllegalArgumentException("the task's result has no '" + name + "' entry");
            }
            return new String(b, StandardCharsets.UTF_8);
        }

        private static String lastErrorLine(String log) {
            String last = null;
            for (String line : log.split("\n")) {
                if (line.startsWith("Exception in thread") || line.startsWith("error:") || line.startsWith("Caused by:")) {
                    last = line.strip();
                }
            }
            return last;
        }
    }
}
