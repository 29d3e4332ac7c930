package dev.petal.tasks;

/** A task of a {@link TaskBackend#evaluate} call threw; the message names the task and the error. */
public final class TaskFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int task;

    /** Task {@code task} (its index in the input list) failed with {@code error} (one line). */
    public TaskFailedException(int task, String error, Throwable cause) {
        super("task " + task + " failed: " + error, cause);
        this.task = task;
    }

    /** The failing task's index in the input list. */
    public int task() {
        return task;
    }
}
