package dev.petal.svm;

import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * When a long call (a fit, the probability cross-validation, a bulk prediction) must stop: its calling
 * thread was interrupted, or its time limit passed. Built on the calling thread, so helper threads check the
 * caller's interrupt status, not their own. {@link #check} is cheap (a field read and, with a limit, a
 * clock read); callers use it every few iterations or blocks.
 */
final class Stop {
    private final Thread owner;
    private final String what;
    private final long deadline;
    private final Duration limit;
    private final FitProgress progress = FitProgress.current();

    private Stop(String what, Duration limit) {
        this.owner = Thread.currentThread();
        this.what = what;
        this.limit = limit;
        this.deadline = limit == null ? 0 : System.nanoTime() + limit.toNanos();
    }

    /** A stop for the call {@code what} (e.g. {@code "SVC.fit"}) on the current thread, with an optional time limit. */
    static Stop of(String what, Duration limit) {
        return new Stop(what, limit);
    }

    /** Throws a {@link CancellationException} if the calling thread was interrupted or the time limit passed; the interrupt status is kept. */
    void check() {
        if (progress != null) {
            progress.checked(what);
        }
        if (owner.isInterrupted()) {
            throw new CancellationException(what + " was interrupted and stopped.");
        }
        if (limit != null && System.nanoTime() - deadline > 0) {
            throw new CancellationException(what + " ran past its time limit of " + limit.toMillis() + " ms and stopped.");
        }
    }

    /** One solver problem of this call finished (counted for {@link FitProgress}). */
    void solved() {
        if (progress != null) {
            progress.solved();
        }
    }
}
