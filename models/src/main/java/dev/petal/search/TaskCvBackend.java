package dev.petal.search;

import dev.petal.selection.CvBackend;
import dev.petal.selection.CvJob;
import dev.petal.selection.CvOutcome;
import dev.petal.selection.CvTask;
import dev.petal.tasks.TaskBackend;
import dev.petal.tasks.TaskFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Cross-validation units on a {@link TaskBackend} (threads of this JVM, or the tasks of a Spark job):
 * the job travels once as shared bytes, each unit as a small JSON input, and the outcomes come back
 * bit for bit, so the search's numbers equal a local run's. The backend stays open; its owner closes it.
 *
 * @param tasks the task backend
 */
public record TaskCvBackend(TaskBackend tasks) implements CvBackend {
    /** Refuses null. */
    public TaskCvBackend {
        Objects.requireNonNull(tasks, "tasks");
    }

    @Override
    public List<CvOutcome> evaluate(CvJob<?> job, List<CvTask> units) throws InterruptedException {
        return evaluate(job, units, o -> { });
    }

    /** Evaluates the units, giving each outcome to {@code done} as the task backend hands its output over. */
    @Override
    public List<CvOutcome> evaluate(CvJob<?> job, List<CvTask> units, Consumer<CvOutcome> done) throws InterruptedException {
        Integer fitThreads = tasks.target().equals("local")
                ? Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, Math.min(tasks.parallelism(), units.size())))
                : null;
        byte[] shared = CvTaskFunction.encode(job, fitThreads);
        List<String> inputs = new ArrayList<>(units.size());
        for (CvTask t : units) {
            inputs.add(CvTaskFunction.task(t));
        }
        List<String> outputs;
        try {
            outputs = tasks.evaluate(CvTaskFunction.class, shared, inputs, (o, i) -> done.accept(read(o)));
        } catch (TaskFailedException e) {
            // error_score='raise': the unit's own exception, as a local run throws it
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
        List<CvOutcome> out = new ArrayList<>(outputs.size());
        for (String o : outputs) {
            out.add(read(o));
        }
        return out;
    }

    private static CvOutcome read(String output) {
        try {
            return CvTaskFunction.outcome(output);
        } catch (Exception e) {
            throw new IllegalStateException("a cross-validation task returned an unreadable outcome: " + e.getMessage(), e);
        }
    }
}
