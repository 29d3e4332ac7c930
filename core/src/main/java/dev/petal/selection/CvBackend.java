package dev.petal.selection;

import java.util.List;
import java.util.function.Consumer;

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

    /**
     * {@link #evaluate(CvJob, List)}, giving each outcome to {@code done} as soon as it is known (from any
     * thread, one call at a time). This default tells {@code done} about every outcome at the end; a backend
     * that sees outcomes arrive one by one overrides it.
     *
     * @throws InterruptedException if the calling thread is interrupted; no work of this call is left running
     */
    default List<CvOutcome> evaluate(CvJob<?> job, List<CvTask> tasks, Consumer<CvOutcome> done) throws InterruptedException {
        List<CvOutcome> out = evaluate(job, tasks);
        out.forEach(done);
        return out;
    }
}
