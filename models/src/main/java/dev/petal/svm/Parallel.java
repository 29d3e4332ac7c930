package dev.petal.svm;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;
import java.util.function.Supplier;

/**
 * The thread pool behind SVC's coarse parallel work (one-vs-one pairs, prediction blocks):
 * one shared {@link ForkJoinPool}, created on first use, with {@link #threads()} workers. Work is split
 * only where every result entry is computed independently, so the numbers never depend on the split.
 *
 * <p>The number of threads is the system property {@code petal.threads} (read once), by default every
 * available processor; 1 runs everything on the caller's thread. Fine-grained work (kernel columns)
 * goes to {@link SpinTeam} instead.
 */
final class Parallel {
    private static final String PROPERTY = System.getProperty("petal.threads");
    private static final int THREADS = parseThreads(PROPERTY);
    private static volatile ForkJoinPool pool;

    private Parallel() {
    }

    /** A piece of work on the index range [from, to). */
    interface Range {
        void run(int from, int to);
    }

    /** The configured number of threads; a malformed {@code petal.threads} is refused here, at each use. */
    static int threads() {
        if (THREADS < 1) {
            throw new IllegalArgumentException("The system property petal.threads must be a positive integer (the number of "
                    + "threads SVC may use); got '" + PROPERTY + "'. Fix or remove -Dpetal.threads.");
        }
        return THREADS;
    }

    /** The thread count {@code s} asks for: every processor when unset, 0 when malformed. */
    private static int parseThreads(String s) {
        if (s == null || s.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            return Math.max(0, Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static ForkJoinPool pool() {
        ForkJoinPool p = pool;
        if (p == null) {
            synchronized (Parallel.class) {
                p = pool;
                if (p == null) {
                    p = new ForkJoinPool(threads());
                    pool = p;
                }
            }
        }
        return p;
    }

    /** Whether the current thread is one of this pool's workers (then tasks fork and join directly). */
    static boolean inPool() {
        return pool != null && ForkJoinTask.getPool() == pool;
    }

    /**
     * Starts {@code body} on the pool and returns a handle whose {@code get} waits for its value (when
     * single-threaded, {@code get} computes it then). {@code body} must not throw.
     */
    static <T> Supplier<T> async(Supplier<T> body) {
        if (threads() <= 1) {
            return body;
        }
        ForkJoinTask<T> task = pool().submit(ForkJoinTask.adapt(body::get));
        return task::join;
    }

    /**
     * Runs {@code body} over [from, to) in pieces of at least {@code grain} indices, in parallel when
     * there is more than one piece; returns when every piece is done.
     */
    static void forRange(int from, int to, int grain, Range body) {
        if (threads() <= 1 || to - from <= grain) {
            body.run(from, to);
            return;
        }
        RangeTask task = new RangeTask(body, from, to, Math.max(grain, (to - from) / (4 * threads()) + 1));
        if (inPool()) {
            task.invoke();
        } else {
            pool().invoke(task);
        }
    }

    /** Halves its range until a piece is at most the grain. */
    private static final class RangeTask extends RecursiveAction {
        private final Range body;
        private final int from;
        private final int to;
        private final int grain;

        RangeTask(Range body, int from, int to, int grain) {
            this.body = body;
            this.from = from;
            this.to = to;
            this.grain = grain;
        }

        @Override
        protected void compute() {
            if (to - from <= grain) {
                body.run(from, to);
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new RangeTask(body, from, mid, grain), new RangeTask(body, mid, to, grain));
        }
    }
}
