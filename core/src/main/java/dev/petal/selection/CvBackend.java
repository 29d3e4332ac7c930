package dev.petal.selection;

import java.util.List;

/**
 * Where cross-validation units run: the local cores ({@link LocalBackend}) or another engine (a Spark
 * cluster) that evaluates the same {@link CvTask}s. The numbers never depend on the backend.
 */
public interface CvBackend {
    /**
     * Evaluates every task of {@code job} and returns one outcome per task, in the tasks' order.
     *
     * @throws InterruptedException if the calling thread is interrupted; no work of this call is left running
     */
    List<CvOutcome> evaluate(CvJob<?> job, List<CvTask> tasks) throws InterruptedException;
}
