package dev.petal.tasks;

/**
 * The work of one task. A backend creates the function by its public no-argument constructor wherever the task
 * runs (possibly another JVM on another machine, once per JVM) and calls it with the input every task shares and
 * the task's own input; the function must not depend on state outside those two.
 */
public interface TaskFunction {
    /**
     * Evaluates one task.
     *
     * @param shared the bytes every task of the call shares (for cross-validation: the data set and the estimator)
     * @param input this task's input (for cross-validation: the candidate's parameters and the fold's row indices)
     * @return this task's output
     * @throws Exception when the task fails; the backend reports it as a {@link TaskFailedException}
     */
    String apply(byte[] shared, String input) throws Exception;
}
