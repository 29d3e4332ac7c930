package dev.petal.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ObjIntConsumer;

/** Tasks in threads of this JVM; the threads live only during {@link #evaluate}. */
final class LocalTaskBackend implements TaskBackend {
    private final int threads;

    LocalTaskBackend(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a local task backend needs at least 1 thread, got " + threads);
        }
        this.threads = threads;
    }

    @Override
    public String target() {
        return "local";
    }

    @Override
    public int parallelism() {
        return threads;
    }

    @Override
    public List<String> evaluate(Class<? extends TaskFunction> function, byte[] shared, List<String> inputs)
            throws InterruptedException {
        return evaluate(function, shared, inputs, (o, i) -> { });
    }

    /** Evaluates the tasks, giving each output to {@code done} on the thread that computed it, as it is known. */
    @Override
    public List<String> evaluate(Class<? extends TaskFunction> function, byte[] shared, List<String> inputs,
                                 ObjIntConsumer<String> done) throws InterruptedException {
        TaskFunction fn = TaskBackends.instantiate(function);
        List<String> out = new ArrayList<>(inputs.size());
        if (threads == 1 || inputs.size() <= 1) {
            for (int i = 0; i < inputs.size(); i++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted before task " + i);
                }
                String o = run(fn, shared, inputs.get(i), i);
                done.accept(o, i);
                out.add(o);
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, inputs.size()));
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < inputs.size(); i++) {
                int task = i;
                futures.add(pool.submit(() -> {
                    String o = run(fn, shared, inputs.get(task), task);
                    synchronized (done) {
                        done.accept(o, task);
                    }
                    return o;
                }));
            }
            for (Future<String> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    throw (RuntimeException) e.getCause();
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    private static String run(TaskFunction fn, byte[] shared, String input, int task) {
        try {
            return fn.apply(shared, input);
        } catch (Exception e) {
            throw new TaskFailedException(task, String.valueOf(e), e);
        }
    }

    @Override
    public void close() {
        // the threads end with each call
    }
}
