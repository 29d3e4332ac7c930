package dev.petal.tracking;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.api.Version;
import dev.petal.registry.Model;
import dev.petal.registry.ModelOptions;
import dev.petal.tracking.store.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run in the run history, Azure's {@code Run}: logs metrics, tags, properties and files into
 * {@code experiments/<experiment>/<run-id>/}. Several handles, threads and processes may log into one run at once.
 * {@code close()} completes a run started with {@link Experiment#startLogging()}, {@link #child(String)} or the
 * interactive run of {@link #getContext()}; it leaves submitted runs to their submitter.
 */
public final class Run implements AutoCloseable {
    private static final Pattern ID = Pattern.compile("(.+)_(\\d{13})_([0-9a-f]{8})");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The millisecond of the last id this JVM made: ids made later get a later one, see {@link #newId}. */
    private static final AtomicLong LAST_ID_MILLIS = new AtomicLong();

    private final Workspace workspace;
    private final String experiment;
    private final String id;
    private final Path folder;
    private final boolean ownsLifecycle;
    volatile Submission submission;
    volatile OutputStream logSink;
    private final MetricLog.Appender metricAppender;
    private final MetricLog.Reader metricReader;

    private Run(Workspace workspace, String experiment, String id, boolean ownsLifecycle) {
        this.workspace = workspace;
        this.experiment = experiment;
        this.id = id;
        this.folder = workspace.experimentsDir().resolve(experiment).resolve(id);
        this.ownsLifecycle = ownsLifecycle;
        this.metricAppender = new MetricLog.Appender(folder);
        this.metricReader = new MetricLog.Reader(folder);
    }

    /**
     * The run this code executes in: the submitted run (in a child JVM, or bound to an in-process script's thread),
     * else, once per process, a new interactive run in experiment {@code Default} of {@link Workspace#fromConfig()}
     * (a note on stderr names it). That interactive run is ended by the caller: {@link #close()} or
     * {@link #complete()} completes it, {@link #fail(Throwable)} fails it; one left running is reported Failed
     * once its process has ended. No JVM-wide exception handler or shutdown hook is installed.
     */
    public static Run getContext() {
        return RunContext.current();
    }

    static Run load(Workspace ws, String experiment, String id) {
        return new Run(ws, experiment, id, false);
    }

    static Run handle(Workspace ws, String experiment, String id, boolean owns) {
        return new Run(ws, experiment, id, owns);
    }

    /**
     * A new id {@code <experiment>_<epoch-millis>_<8 hex>}. Within a JVM the millisecond part increases from id to
     * id (one past the last when the clock has not moved on), so that runs created in the same millisecond, which
     * have the same {@code createdTime}, still list newest first: listings break that tie by id.
     */
    static String newId(String experiment) {
        byte[] b = new byte[4];
        RANDOM.nextBytes(b);
        long now = System.currentTimeMillis();
        long millis = LAST_ID_MILLIS.accumulateAndGet(now, (last, clock) -> Math.max(last + 1, clock));
        return experiment + "_" + millis + "_" + HexFormat.of().formatHex(b);
    }

    /** The experiment name encoded in a run id, or null. */
    static String experimentOf(String runId) {
        Matcher m = ID.matcher(runId);
        return m.matches() ? m.group(1) : null;
    }

    /** The initial run.json content of a new run. */
    static ObjectNode newRecord(String id, String experiment, String runType, String parentId, String displayName) {
        ObjectNode n = Json.object();
        n.put("id", id);
        n.put("experiment", experiment);
        n.put("displayName", displayName);
        n.put("runType", runType);
        n.put("status", RunStatus.NOT_STARTED.azureName());
        n.put("parentId", parentId);
        n.put("createdTime", Json.time(Instant.now()));
        n.putNull("startTime");
        n.putNull("endTime");
        n.put("javaVersion", Version.java());
        n.put("petalVersion", Version.petal());
        n.set("tags", Json.object());
        n.set("properties", Json.object());
        n.putNull("error");
        ObjectNode h = Json.object();
        h.put("status", RunStatus.NOT_STARTED.azureName());
        h.put("time", Json.text(n, "createdTime"));
        n.set("history", Json.array().add(h));
        Liveness.stampOwner(n);
        n.put("scriptPid", 0);
        return n;
    }

    static Run createInteractive(Experiment exp, String parentId, String displayName) {
        return createInteractive(exp, parentId, displayName, true);
    }

    static Run createInteractive(Experiment exp, String parentId, String displayName, boolean closeCompletes) {
        String id = newId(exp.name());
        Run run = new Run(exp.workspace(), exp.name(), id, closeCompletes);
        ObjectNode n = newRecord(id, exp.name(), "interactive", parentId, displayName);
        RunStore.setStatus(n, RunStatus.RUNNING, null);
        try {
            Files.createDirectories(run.folder.resolve("outputs"));
            Files.createDirectories(run.folder.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run folder " + run.folder + ": " + e.getMessage(), e);
        }
        RunStore.write(run.folder, n);
        Liveness.hold(run.folder);
        return run;
    }

    /** The run id. */
    public String id() {
        return id;
    }

    /** The experiment's name. */
    public String experimentName() {
        return experiment;
    }

    /** The experiment holding this run. */
    public Experiment experiment() {
        return new Experiment(workspace, experiment);
    }

    /** The workspace holding this run. */
    public Workspace workspace() {
        return workspace;
    }

    /** The run's folder. */
    public Path folder() {
        return folder;
    }

    /**
     * The folder whose files become the run's {@code outputs/}: {@code ./outputs} of a script in a child JVM, the
     * in-process script's per-run output folder, or the run's {@code outputs/} for an interactive run.
     */
    public Path outputsDirectory() {
        Path p = submission != null ? submission.workDir().resolve("outputs")
                : isSubmittedHere() ? Path.of("outputs").toAbsolutePath() : folder.resolve("outputs");
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    private boolean isSubmittedHere() {
        return id.equals(RunContext.setting("petal.run.id", RunContext.ENV_RUN_ID));
    }

    // ---- metrics -------------------------------------------------------------------------------------------

    /** Logs a number; logging the same name again builds a series. */
    public void log(String name, double value) {
        RunLogging.scalar(this, name, value, null);
    }

    /** Logs a number at a step. */
    public void log(String name, double value, long step) {
        RunLogging.scalar(this, name, value, step);
    }

    /** Logs a string; logging the same name again builds a series. */
    public void log(String name, String value) {
        RunLogging.scalar(this, name, value, null);
    }

    /** Logs a string at a step. */
    public void log(String name, String value, long step) {
        RunLogging.scalar(this, name, value, step);
    }

    /**
     * Logs several numbers (or strings) with one write, e.g. {@code run.logMetrics(Map.of("loss", l, "acc", a))};
     * nothing is logged when one name or value is invalid.
     */
    public void logMetrics(Map<String, ?> values) {
        RunLogging.scalars(this, values, null);
    }

    /** Logs several numbers (or strings) at one step with one write. */
    public void logMetrics(Map<String, ?> values, long step) {
        RunLogging.scalars(this, values, step);
    }

    void appendMetrics(List<MetricLog.Entry> entries) {
        metricAppender.append(entries);
    }

    /** Logs a list of numbers or strings at once. */
    public void logList(String name, List<?> values) {
        RunLogging.list(this, name, values);
    }

    /** Logs a list of numbers at once. */
    public void logList(String name, double... values) {
        List<Object> l = new ArrayList<>();
        for (double v : values) {
            l.add(v);
        }
        RunLogging.list(this, name, l);
    }

    /** Logs one table row (column to number or string); repeated calls add rows. */
    public void logRow(String name, Map<String, ?> row) {
        RunLogging.row(this, name, row);
    }

    /** Logs a table: column name to a list of values, all columns of one length. */
    public void logTable(String name, Map<String, ? extends List<?>> table) {
        RunLogging.table(this, name, table);
    }

    /** Logs an image file (PNG, JPEG, GIF or SVG), stored as a run file under {@code images/}. */
    public void logImage(String name, Path file) {
        RunLogging.image(this, name, file);
    }

    /** Logs PNG bytes as an image, stored as a run file under {@code images/}. */
    public void logImage(String name, byte[] png) {
        RunLogging.image(this, name, png);
    }

    /** Logs a confusion matrix in Azure's schema from class labels and rows of counts (true class by row). */
    public void logConfusionMatrix(String name, List<?> classLabels, long[][] matrix) {
        RunLogging.confusionMatrix(this, name, ConfusionMatrixJson.of(classLabels, matrix));
    }

    /** Logs a confusion matrix given as Azure's JSON ({@code schema_type}, {@code schema_version}, {@code data}). */
    public void logConfusionMatrix(String name, String json) {
        RunLogging.confusionMatrix(this, name, ConfusionMatrixJson.parse(json));
    }

    /**
     * The metrics as Azure returns them: a scalar logged once maps to its value, logged several times to the list
     * of values; a list to its list; rows and tables to column → list; a confusion matrix to its JSON object; an
     * image to its run file path.
     */
    public Map<String, Object> getMetrics() {
        return RunLogging.summarize(metricReader.all());
    }

    /**
     * Every logged value in logging order. This handle remembers how far it has read the metrics file, so calling
     * it again (e.g. polling a running child) parses only the values logged since.
     */
    public List<Metric> getMetricHistory() {
        return metricReader.all();
    }

    /** The values logged under {@code name}, in logging order (read incrementally, as {@link #getMetricHistory()}). */
    public List<Metric> getMetricHistory(String name) {
        return metricReader.named(name);
    }

    /** The latest value logged under each name, in the order the names were first logged. */
    public Map<String, Metric> getLatestMetrics() {
        return metricReader.latest();
    }

    /** How many lines of the metrics file could not be read (a line torn by a killed writer, a damaged byte). */
    public int getUnreadableMetricLines() {
        return metricReader.skippedLines();
    }

    // ---- params --------------------------------------------------------------------------------------------

    /**
     * Logs a parameter (a hyperparameter or setting), MLflow's {@code log_param}: kept apart from the metrics, as
     * text (a double as Python prints it). Parameters are immutable: logging a key again with another value is an
     * IllegalArgumentException; the same value again is accepted.
     */
    public void logParam(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(key, value);
        logParams(m);
    }

    /** Logs several parameters with one write to {@code run.json} (all or none). */
    public void logParams(Map<String, ?> params) {
        Map<String, String> checked = RunLogging.params(params);
        RunStore.update(folder, n -> {
            ObjectNode p = n.withObjectProperty("params");
            checked.forEach((k, v) -> {
                String old = Json.text(p, k);
                if (old != null && !old.equals(v)) {
                    throw new IllegalArgumentException("param '" + k + "' of run " + id + " is already '" + old
                            + "'; params are immutable, so it cannot become '" + v + "' (log a metric or a tag instead)");
                }
            });
            checked.forEach(p::put);
        });
    }

    /** The parameters, in logging order. */
    public Map<String, String> getParams() {
        return getDetails().params();
    }

    // ---- lifecycle stage -----------------------------------------------------------------------------------

    /**
     * Soft-deletes the run and its children, MLflow's {@code delete_run}: they stay on disk, are left out of
     * listings unless deleted runs are asked for, and {@link #restore()} brings them back.
     */
    public void delete() {
        setDeleted(true);
    }

    /** Restores a soft-deleted run and its children. */
    public void restore() {
        setDeleted(false);
    }

    private void setDeleted(boolean deleted) {
        RunStore.update(folder, n -> {
            if (deleted) {
                n.put("lifecycleStage", "deleted");
                n.put("deletedTime", Json.time(Instant.now()));
            } else {
                n.put("lifecycleStage", "active");
                n.remove("deletedTime");
            }
        });
        for (Run child : experiment().runsWhere(d -> id.equals(d.parentId()), true)) {
            child.setDeleted(deleted);
        }
    }

    // ---- tags and properties -------------------------------------------------------------------------------

    /** Sets a value-less tag (value null). */
    public void tag(String key) {
        tag(key, null);
    }

    /** Sets (or changes) a tag. */
    public void tag(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(key, value);
        setTags(m);
    }

    /** Sets (or changes) several tags at once. */
    public void setTags(Map<String, String> tags) {
        tags.keySet().forEach(k -> RunLogging.checkName("tag", k));
        RunStore.update(folder, n -> tags.forEach(n.withObjectProperty("tags")::put));
    }

    /** The tags (mutable ones; values may be null). */
    public Map<String, String> getTags() {
        return getDetails().tags();
    }

    /** Adds properties; a key already set to a different value is an error (properties are immutable). */
    public void addProperties(Map<String, String> properties) {
        properties.forEach((k, v) -> {
            RunLogging.checkName("property", k);
            Objects.requireNonNull(v, "value of property '" + k + "'");
        });
        RunStore.update(folder, n -> {
            ObjectNode p = n.withObjectProperty("properties");
            properties.forEach((k, v) -> {
                String old = Json.text(p, k);
                if (old != null && !old.equals(v)) {
                    throw new IllegalArgumentException("property '" + k + "' of run " + id + " is already '" + old
                            + "'; properties are immutable, so it cannot become '" + v + "' (use a tag instead)");
                }
            });
            properties.forEach(p::put);
        });
    }

    /** The properties. */
    public Map<String, String> getProperties() {
        return getDetails().properties();
    }

    // ---- status --------------------------------------------------------------------------------------------

    /**
     * The run's details (run.json). A run whose owning process died is ended first: Failed, or Canceled for a child
     * run (its parent's process died with it, as when a sweep is killed), with the outputs it left collected.
     */
    public RunDetails getDetails() {
        ObjectNode n = RunStore.read(folder);
        if (!RunStatus.parse(n.path("status").asText()).isTerminal() && !Liveness.ownerAlive(n, folder)) {
            boolean[] ended = {false};
            n = RunStore.update(folder, m -> {
                if (!RunStatus.parse(m.path("status").asText()).isTerminal() && !Liveness.ownerAlive(m, folder)) {
                    boolean child = m.hasNonNull("parentId");
                    RunStore.setStatus(m, child ? RunStatus.CANCELED : RunStatus.FAILED, "the process that ran this run (pid "
                            + m.path("pid").asLong() + " on " + Json.text(m, "host") + ") ended without finishing it");
                    ended[0] = true;
                }
            });
            if (ended[0]) {
                Submission.salvage(folder);
            }
        }
        return RunDetails.fromJson(n);
    }

    /** The current status. */
    public RunStatus getStatus() {
        return getDetails().status();
    }

    /** Marks the run Completed; IllegalStateException if it already ended. */
    public void complete() {
        finish(RunStatus.COMPLETED, null);
    }

    /** Marks the run Failed. */
    public void fail() {
        finish(RunStatus.FAILED, "the run was marked as failed");
    }

    /** Marks the run Failed with this error text. */
    public void fail(String errorDetails) {
        finish(RunStatus.FAILED, Objects.requireNonNull(errorDetails, "errorDetails"));
    }

    /** Marks the run Failed, records the stack trace in {@code logs/error.txt} and its first line as the error. */
    public void fail(Throwable error) {
        StringWriter sw = new StringWriter();
        error.printStackTrace(new PrintWriter(sw));
        RunFiles.appendLog(this, "error.txt", sw.toString());
        finish(RunStatus.FAILED, error.toString());
    }

    /**
     * Cancels the run: stops its script (child JVM, in-process thread or Spark job) and marks it Canceled. From a
     * process that does not own a submitted run, this records a cancel request in {@code run.json} (and stops a
     * child JVM on this host at once); the owning process notices it within about a second, stops the script and
     * ends the run Canceled.
     */
    public void cancel() {
        Submission s = submission;
        if (s != null) {
            s.cancel("the run was canceled");
            return;
        }
        RunDetails d = getDetails();
        if (d.status().isTerminal()) {
            throw new IllegalStateException("run " + id + " already ended with status " + d.status());
        }
        if (d.scriptPid() != 0 && Liveness.HOST.equals(d.host())) {
            RunStore.update(folder, n -> n.put("cancelRequested", true));
            ProcessHandle.of(d.scriptPid()).ifPresent(ProcessHandle::destroy);
            return;
        }
        if ("script".equals(d.runType()) && Liveness.ownerAlive(RunStore.read(folder), folder)) {
            RunStore.update(folder, n -> n.put("cancelRequested", true));
            return;
        }
        finish(RunStatus.CANCELED, "the run was canceled");
    }

    /** True when another process asked (through {@link #cancel()}) to cancel this run. */
    boolean cancelRequested() {
        return RunStore.read(folder).path("cancelRequested").asBoolean(false);
    }

    /**
     * Takes over this ended run in the calling process, to go on with it (as {@code petal tune --resume} does with a
     * sweep whose process died): the status is Running again (the history keeps how it ended), this process its
     * owner. IllegalStateException when the run is still owned by a live process or ended Completed.
     */
    public void reopen() {
        RunStore.update(folder, n -> {
            RunStatus current = RunStatus.parse(n.path("status").asText());
            if (!current.isTerminal() && Liveness.ownerAlive(n, folder)) {
                throw new IllegalStateException("run " + id + " is still " + current.azureName() + " in process "
                        + n.path("pid").asLong() + " on " + Json.text(n, "host") + "; stop that process first");
            }
            if (current == RunStatus.COMPLETED) {
                throw new IllegalStateException("run " + id + " already completed; there is nothing to resume");
            }
            RunStore.reopen(n, "reopened by pid " + Liveness.PID);
            Liveness.stampOwner(n);
        });
        Liveness.hold(folder);
    }

    private void finish(RunStatus status, String error) {
        RunStore.update(folder, n -> {
            RunStatus current = RunStatus.parse(n.path("status").asText());
            if (current.isTerminal()) {
                throw new IllegalStateException("run " + id + " already ended with status " + current);
            }
            RunStore.setStatus(n, status, error);
        });
        metricAppender.close();
        Liveness.release(folder);
    }

    /**
     * Waits until the run ends, streaming its {@code logs/std_log.txt} to System.out when {@code showOutput}, and
     * throws {@link RunFailedException} if it ended Failed (Azure's {@code raise_on_error=True}).
     */
    public RunDetails waitForCompletion(boolean showOutput) {
        return waitForCompletion(showOutput, true);
    }

    /**
     * Waits until the run ends, streaming its log to System.out when {@code showOutput}; when {@code raiseOnError},
     * a Failed run throws {@link RunFailedException}, otherwise its details are returned as for any other status.
     */
    public RunDetails waitForCompletion(boolean showOutput, boolean raiseOnError) {
        RunDetails d = waitForCompletion(showOutput ? new PrintWriter(System.out, true) : null);
        if (raiseOnError && d.status() == RunStatus.FAILED) {
            throw new RunFailedException(d);
        }
        return d;
    }

    /** Waits until the run ends, streaming its log to {@code out} line by line (null: silently); never throws
     * for a Failed run: the caller reads the status from the details. */
    public RunDetails waitForCompletion(PrintWriter out) {
        return RunFiles.follow(this, out);
    }

    // ---- children ------------------------------------------------------------------------------------------

    /** Starts an interactive child run (Running) named {@code name}; its status is independent of this run's. */
    public Run child(String name) {
        return createInteractive(experiment(), id, name);
    }

    /** Submits a script as a child run of this one. */
    public Run submitChild(ScriptRunConfig config) {
        return submitChild(config, Map.of());
    }

    /** Submits a script as a child run of this one, with tags. */
    public Run submitChild(ScriptRunConfig config, Map<String, String> tags) {
        return Submission.submit(experiment(), config, tags, id);
    }

    /** The child runs, newest first. */
    public List<Run> getChildren() {
        return experiment().runsWhere(d -> id.equals(d.parentId()), true);
    }

    /** The parent run, if this is a child run. */
    public Optional<Run> getParent() {
        String p = getDetails().parentId();
        return p == null ? Optional.empty() : Optional.of(load(workspace, experiment, p));
    }

    // ---- files ---------------------------------------------------------------------------------------------

    /** Copies {@code source} into the run as {@code name} (a relative path such as {@code outputs/notes.txt}). */
    public void uploadFile(String name, Path source) {
        RunFiles.upload(this, name, source);
    }

    /** The run's files (relative paths with '/', sorted): outputs, logs, images and uploads. */
    public List<String> getFileNames() {
        return RunFiles.names(this);
    }

    /** Copies the run file {@code name} to {@code target} (a file path, or an existing folder to copy into). */
    public Path downloadFile(String name, Path target) {
        return RunFiles.download(this, name, target);
    }

    // ---- registry ------------------------------------------------------------------------------------------

    /** Registers the run file {@code modelPath} (e.g. {@code outputs/model.petal}) as a new version of {@code modelName}. */
    public Model registerModel(String modelName, String modelPath) {
        return registerModel(modelName, modelPath, ModelOptions.defaults());
    }

    /** Registers a run file or folder as a new model version with tags, properties, framework and description. */
    public Model registerModel(String modelName, String modelPath, ModelOptions options) {
        return workspace.registry().registerFromRun(modelName, this, modelPath, options);
    }

    /**
     * Completes the run if it was started by {@link Experiment#startLogging()}, {@link #child(String)} or is the
     * interactive run of {@link #getContext()}, and is still active; otherwise does nothing (a submitted run is
     * ended by its submitter).
     */
    @Override
    public void close() {
        metricAppender.close();
        if (ownsLifecycle && !getStatus().isTerminal()) {
            try {
                complete();
            } catch (IllegalStateException e) {
                // ended concurrently (e.g. canceled): nothing to complete
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Run r && r.folder.equals(folder);
    }

    @Override
    public int hashCode() {
        return folder.hashCode();
    }

    @Override
    public String toString() {
        return "Run(" + id + ")";
    }
}
