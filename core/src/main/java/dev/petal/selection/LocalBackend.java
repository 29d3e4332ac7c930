package dev.petal.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs cross-validation units on this machine's cores: at most {@code nJobs} at once, on threads
 * this call creates and stops before it returns (one unit runs on the caller's thread when
 * {@code nJobs} is 1). Interrupting the caller cancels the units not yet finished.
 *
 * @param nJobs the most units running at once, at least 1
 */
public record LocalBackend(int nJobs) implements CvBackend {
    /** Refuses fewer than one job. */
    public LocalBackend {
        if (nJobs < 1) {
            throw new IllegalArgumentException("n_jobs must be at least 1, got " + nJobs + ".");
        }
    }

    /** One job per available processor, scikit-learn's {@code n_jobs=-1}. */
    public static LocalBackend allCores() {
        return new LocalBackend(Runtime.getRuntime().availableProcessors());
    }

    @Override
    public List<CvOutcome> evaluate(CvJob<?> job, List<CvTask> tasks) throws InterruptedException {
        int threads = Math.min(nJobs, tasks.size());
        List<CvOutcome> out = new ArrayList<>(tasks.size());
        if (threads <= 1) {
            for (CvTask t : tasks) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("cross-validation was interrupted");
                }
                out.add(job.evaluate(t));
            }
            return out;
        }
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "petal-cv-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads, factory);
        try {
            List<Future<CvOutcome>> futures = new ArrayList<>(tasks.size());
            for (CvTask t : tasks) {
                futures.add(pool.submit(() -> job.evaluate(t)));
            }
            for (Future<CvOutcome> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                } catch (CancellationException e) {
                    throw new InterruptedException("cross-validation was cancelled");
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
            boolean interrupted = Thread.interrupted();
            while (true) {
                try {
                    if (pool.awaitTermination(1, TimeUnit.SECONDS)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
