package dev.petal.tracking;

/**
 * Thrown by {@link Run#waitForCompletion(boolean)} when the run ended Failed, as Azure ML's
 * {@code wait_for_completion(raise_on_error=True)} raises; {@link #details()} holds the run's details.
 */
public final class RunFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient RunDetails details;

    RunFailedException(RunDetails details) {
        super("run " + details.id() + " failed: " + details.error());
        this.details = details;
    }

    /** The failed run's details (status, error, times, definition). */
    public RunDetails details() {
        return details;
    }
}
