package dev.petal.selection;

import dev.petal.api.Parallelism;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs cross-validation units on this machine's cores: at most {@code nJobs} at once, on threads
 * this call creates and stops before it returns (one unit runs on the caller's thread when
 * {@code nJobs} is 1), each fit limited to its share of the cores. Interrupting the caller cancels
 * the units not yet finished.
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
        return evaluate(job, tasks, o -> { });
    }

    /** Evaluates the tasks, giving each outcome to {@code done} on the thread that computed it, as it is known. */
    @Override
    public List<CvOutcome> evaluate(CvJob<?> job, List<CvTask> tasks, Consumer<CvOutcome> done) throws InterruptedException {
        int threads = Math.min(nJobs, tasks.size());
        List<CvOutcome> out = new ArrayList<>(tasks.size());
        if (threads <= 1) {
            for (CvTask t : tasks) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("cross-validation was interrupted");
                }
                CvOutcome o = job.evaluate(t);
                done.accept(o);
                out.add(o);
            }
            return out;
        }
        // units side by side share the cores: each fit gets its part of them (results never depend on it)
        CvJob<?> shared = job.withFitParallelism(Parallelism.threads(
                Math.max(1, Runtime.getRuntime().availableProcessors() / threads)));
        int n = tasks.size();
        CvOutcome[] results = new CvOutcome[n];
        Throwable[] failures = new Throwable[n];
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        Runnable work = () -> {
            while (!stop.get() && !Thread.currentThread().isInterrupted()) {
                int i = next.getAndIncrement();
                if (i >= n) {
                    return;
                }
                try {
                    CvOutcome o = shared.evaluate(tasks.get(i));
                    synchronized (done) {
                        done.accept(o);
                    }
                    results[i] = o;
                } catch (Throwable t) {
                    failures[i] = t;
                    stop.set(true);
                }
            }
        };
        Thread[] workers = new Thread[threads];
        for (int w = 0; w < threads; w++) {
            workers[w] = new Thread(work, "petal-cv-" + (w + 1));
            workers[w].setDaemon(true);
            workers[w].start();
        }
        boolean interrupted = false;
        try {
            for (Thread w : workers) {
                w.join();
            }
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                stop.set(true);
                for (Thread w : workers) {
                    w.interrupt();
                }
            }
            joinUninterruptibly(workers);
        }
        if (interrupted) {
            throw new InterruptedException("cross-validation was interrupted");
        }
        for (Throwable t : failures) {
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error err) {
                throw err;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
        for (CvOutcome o : results) {
            out.add(o);
        }
        return out;
    }

    /** Waits until every worker has ended, even if this thread is interrupted meanwhile (the flag is kept). */
    private static void joinUninterruptibly(Thread[] workers) {
        boolean interrupted = false;
        for (Thread w : workers) {
            while (w.isAlive()) {
                try {
                    w.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
