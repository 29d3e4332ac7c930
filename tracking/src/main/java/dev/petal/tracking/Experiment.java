package dev.petal.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A named group of runs in a workspace, Azure's {@code Experiment}: gets or creates its folder. */
public final class Experiment {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{2,35}");

    private final Workspace workspace;
    private final String name;

    /** The experiment {@code name} in {@code workspace}, created on first use; the name follows Azure's rules. */
    public Experiment(Workspace workspace, String name) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
        validateName(name);
        this.name = name;
        try {
            Files.createDirectories(folder());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create experiment folder " + folder() + ": " + e.getMessage(), e);
        }
    }

    /** Throws IllegalArgumentException unless {@code name} is 3-36 letters, digits, '_' or '-', starting alphanumeric. */
    public static void validateName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("experiment name '" + name + "' is invalid: it must be 3-36 characters"
                    + " long, start with a letter or a digit, and contain only letters, digits, '_' and '-'");
        }
    }

    /** The experiment's name. */
    public String name() {
        return name;
    }

    /** The workspace holding this experiment. */
    public Workspace workspace() {
        return workspace;
    }

    /** The experiment's folder, {@code experiments/<name>/}. */
    public Path folder() {
        return workspace.experimentsDir().resolve(name);
    }

    /** Submits {@code config} and returns its run at once (Queued); see {@link Run#waitForCompletion(boolean)}. */
    public Run submit(ScriptRunConfig config) {
        return submit(config, Map.of());
    }

    /** Submits {@code config} with these tags on the new run. */
    public Run submit(ScriptRunConfig config, Map<String, String> tags) {
        return Submission.submit(this, config, tags, null);
    }

    /** Starts an interactive run (Running) that this process logs into; close it, or complete/fail it, when done. */
    public Run startLogging() {
        return Run.createInteractive(this, null, null);
    }

    /** Starts an interactive run with a display name. */
    public Run startLogging(String displayName) {
        return Run.createInteractive(this, null, displayName);
    }

    /**
     * Runs {@code body} in a new interactive run: completed when it returns, failed (stack trace in
     * {@code logs/error.txt}) when it throws, and the exception rethrown. Java's try-with-resources cannot see an
     * exception, so {@code try (Run run = exp.startLogging())} only completes; use this to record failures too.
     */
    public Run withRun(RunBody body) throws Exception {
        Run run = startLogging();
        try {
            body.accept(run);
        } catch (Exception | Error e) {
            if (!run.getStatus().isTerminal()) {
                run.fail(e);
            }
            throw e;
        }
        run.close();
        return run;
    }

    /** The code {@link #withRun(RunBody)} runs inside a run. */
    @FunctionalInterface
    public interface RunBody {
        /** Logs into {@code run}; may throw. */
        void accept(Run run) throws Exception;
    }

    /** The top-level runs, newest first. */
    public List<Run> getRuns() {
        return getRuns(RunFilter.all());
    }

    /**
     * The runs passing {@code filter}, newest first (a run whose process died shows as Failed); soft-deleted runs
     * and runs whose {@code run.json} cannot be read are left out (see {@link RunListing} for those).
     */
    public List<Run> getRuns(RunFilter filter) {
        return runsWhere(filter::test, false);
    }

    /** The runs whose details pass {@code test}, newest first; damaged runs are skipped. */
    List<Run> runsWhere(java.util.function.Predicate<RunDetails> test, boolean includeDeleted) {
        List<Run> runs = new ArrayList<>();
        for (RunListing.Entry e : RunListing.scan(this, false).runs()) {
            if ((includeDeleted || !e.details().deleted()) && test.test(e.details())) {
                runs.add(e.run());
            }
        }
        return runs;
    }

    /** The run folders of this experiment, sorted by name. */
    List<Path> runFolders() {
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder())) {
            s.filter(p -> Files.isRegularFile(p.resolve(RunStore.FILE))).sorted().forEach(folders::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list runs in " + folder() + ": " + e.getMessage(), e);
        }
        return folders;
    }

    /** The run with this id in this experiment. */
    public Run getRun(String runId) {
        if (!Files.isRegularFile(folder().resolve(runId).resolve("run.json"))) {
            throw new IllegalArgumentException("no run '" + runId + "' in experiment " + name);
        }
        return Run.load(workspace, name, runId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Experiment e && e.workspace.equals(workspace) && e.name.equals(name);
    }

    @Override
    public int hashCode() {
        return workspace.hashCode() * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return "Experiment(" + name + ")";
    }
}
