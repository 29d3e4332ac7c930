package dev.petal.tasks;

import java.util.List;
import java.util.function.ObjIntConsumer;

/**
 * Evaluates a list of independent tasks and returns their outputs in input order: in threads of this JVM
 * ({@link TaskBackends#local(int)}) or as the tasks of one Spark job ({@code spark:local[N]},
 * {@code spark://HOST:PORT}). Every task runs once; a failing task fails the whole call.
 */
public interface TaskBackend extends AutoCloseable {
    /** The compute target this backend runs on, e.g. {@code local} or {@code spark://127.0.0.1:7077}. */
    String target();

    /** How many tasks can run at once (threads, or the cluster's free task slots when the call starts). */
    int parallelism();

    /**
     * Applies a new {@code function} instance to every input, with {@code shared} given to every task.
     *
     * @return the outputs, {@code outputs.get(i)} for {@code inputs.get(i)}
     * @throws TaskFailedException when a task throws (the first failing task in input order is named)
     * @throws InterruptedException when the calling thread is interrupted; running tasks are canceled
     */
    List<String> evaluate(Class<? extends TaskFunction> function, byte[] shared, List<String> inputs)
            throws InterruptedException;

    /**
     * {@link #evaluate(Class, byte[], List)}, giving each output to {@code done} with its input's index as soon as
     * it is known, one call at a time on the calling thread or a thread of the backend (never an output of a failing
     * task). This default gives every output at the end; a backend that sees outputs arrive one by one overrides it.
     *
     * @throws TaskFailedException when a task throws (the outputs given so far stay given)
     * @throws InterruptedException when the calling thread is interrupted; running tasks are canceled
     */
    default List<String> evaluate(Class<? extends TaskFunction> function, byte[] shared, List<String> inputs,
                                  ObjIntConsumer<String> done) throws InterruptedException {
        List<String> out = evaluate(function, shared, inputs);
        for (int i = 0; i < out.size(); i++) {
            done.accept(out.get(i), i);
        }
        return out;
    }

    /** Releases what the backend holds (threads, a Spark session it started); a backend it was given stays open. */
    @Override
    void close();
}
