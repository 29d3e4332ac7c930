package dev.petal.tracking;

/**
 * Runs submitted scripts on a compute target other than {@code local} and {@code inprocess}, found with
 * {@link java.util.ServiceLoader}: the {@code spark} module provides the Spark targets. The submitting JVM keeps
 * the run's lifecycle and is the only writer of its run folder; the backend only executes the script and hands
 * back what it produced through the {@link ScriptJob}.
 */
public interface ComputeBackend {
    /** True when this backend executes scripts on {@code target}. */
    boolean runs(ComputeTarget target);

    /**
     * Connects to {@code target} before anything is submitted (for Spark: starts the session, waits a bounded time
     * for executors and checks the cluster's Spark version), so that a bad target is one clear error, not a failed
     * run per child. Does nothing by default.
     */
    default void prepare(ComputeTarget target) {
    }

    /**
     * Executes the job's script and returns when it has ended: null when it succeeded, else why it failed (one
     * line). Before it returns, the backend puts the run's output files under {@code job.workDir()/outputs} and
     * its log files under {@code job.workDir()/logs}, and hands the metrics to the job.
     *
     * @throws Exception when the backend itself cannot run the script (the run then fails with that error)
     */
    String execute(ScriptJob job) throws Exception;

    /**
     * Batch scoring on {@code target}: scores the CSV or Parquet file (or URI) {@code data} with the model file
     * {@code model} and writes {@code petal predict}'s columns to {@code output}; returns the number of rows.
     *
     * @throws UnsupportedOperationException when this backend does not score files
     */
    default long scoreFile(ComputeTarget target, java.nio.file.Path model, String data, java.nio.file.Path output,
                           boolean decision, boolean proba) throws Exception {
        throw new UnsupportedOperationException("compute target " + target.id() + " cannot score files");
    }
}
