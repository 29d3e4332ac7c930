package dev.petal.tracking;

import dev.petal.tracking.store.AtomicFiles;
import dev.petal.tracking.store.Json;
import java.nio.file.Path;
import java.util.Map;

/**
 * A submitted run as a {@link ComputeBackend} sees it: what to run, where its snapshot is, and the calls through
 * which the backend reports progress, metrics and logs; the submitting JVM writes them into the run folder.
 */
public final class ScriptJob {
    private final Run run;
    private final ScriptRunConfig config;
    private final Path workDir;
    private volatile Runnable onCancel;
    private volatile String cancelReason;
    private long lastCheck = System.nanoTime() - 1_000_000_000L;

    ScriptJob(Run run, ScriptRunConfig config, Path workDir) {
        this.run = run;
        this.config = config;
        this.workDir = workDir;
    }

    /** The run's id. */
    public String runId() {
        return run.id();
    }

    /** The run's experiment. */
    public String experimentName() {
        return run.experimentName();
    }

    /** What to run: the script, its arguments, environment, compute target and maximum duration. */
    public ScriptRunConfig config() {
        return config;
    }

    /** The script's working directory: a copy of the snapshot; the backend leaves outputs/ and logs/ here. */
    public Path workDir() {
        return workDir;
    }

    /**
     * Compiles the run's {@code .java} script together with the other {@code .java} files of its snapshot, as the
     * local target does, into {@code workDir()/.petal-classes} against {@code classpath}; returns the binary name of
     * the script's first top-level class. IllegalArgumentException ("the script does not compile: FILE:LINE: error:
     * ...") when javac refuses it.
     */
    public String compileScript(String classpath) throws java.io.IOException {
        return ScriptSources.compile(workDir(), config().script(), ScriptSources.sources(workDir()), classpath);
    }

    /** The run's record ({@code run.json}) as JSON text, for a workspace the script logs into on another machine. */
    public String runRecord() {
        var n = RunStore.read(run.folder());
        n.remove("pid");
        n.remove("pidStartTime");
        n.remove("host");
        RunStore.setStatus(n, RunStatus.RUNNING, null);
        return Json.compact(n);
    }

    /** Tags the run, e.g. with the executor it runs on. */
    public void tag(String key, String value) {
        run.tag(key, value);
    }

    /** Marks the run Running (the script has started), with these tags. */
    public void running(Map<String, String> tags) {
        RunStore.update(run.folder(), n -> {
            tags.forEach(n.withObjectProperty("tags")::put);
            if (!RunStatus.parse(n.path("status").asText()).isTerminal()) {
                RunStore.setStatus(n, RunStatus.RUNNING, null);
            }
        });
    }

    /** Appends one line the script wrote to its {@code metrics.jsonl} (live metrics while it runs). */
    public void appendMetricLine(String jsonLine) {
        AtomicFiles.appendLine(run.folder().resolve(MetricLog.FILE),
                (jsonLine + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Replaces the run's metrics with the script's final {@code metrics.jsonl} (authoritative over live lines). */
    public void replaceMetrics(byte[] metricsJsonl) {
        AtomicFiles.replace(run.folder().resolve(MetricLog.FILE), metricsJsonl);
    }

    /** Appends the script's output to the run's {@code logs/std_log.txt}. */
    public void appendLog(byte[] bytes) {
        AtomicFiles.append(run.folder().resolve(RunFiles.STD_LOG), bytes);
    }

    /** Why the run was asked to stop, or null while it was not. */
    public String cancelReason() {
        return cancelReason;
    }

    /**
     * Reads the run's record (at most once a second; backends call this while they wait) and, when another process
     * asked to cancel the run ({@link Run#cancel()} there), cancels it here as {@link Run#cancel()} in this process
     * would; returns why the run is being canceled, or null while it is not.
     */
    public String checkCancelRequest() {
        long now = System.nanoTime();
        if (cancelReason == null && now - lastCheck >= 1_000_000_000L) {
            lastCheck = now;
            if (run.cancelRequested()) {
                Submission s = run.submission;
                if (s != null) {
                    s.cancel("the run was canceled");
                } else {
                    cancel("the run was canceled");
                }
            }
        }
        return cancelReason;
    }

    /** Calls {@code action} (once) when the run is canceled; at once if it already was. */
    public void onCancel(Runnable action) {
        onCancel = action;
        if (cancelReason != null) {
            action.run();
        }
    }

    void cancel(String reason) {
        if (cancelReason == null) {
            cancelReason = reason;
        }
        Runnable a = onCancel;
        if (a != null) {
            a.run();
        }
    }
}
