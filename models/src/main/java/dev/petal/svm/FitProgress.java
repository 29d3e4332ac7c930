package dev.petal.svm;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Says how a long libsvm-family fit is going while it runs: every {@code every}, one line with the time so far,
 * the solver problems finished (one per one-vs-one pair, and per fold of the probability cross-validation) and
 * about how many solver iterations ran. It lives for one call on the calling thread (the fit's helper threads
 * report through it too) and leaves nothing installed afterwards; a fit outside it reports nothing and pays
 * nothing. The solver counts iterations by the 64 it runs between its interruption checks.
 */
public final class FitProgress {
    private static final ThreadLocal<FitProgress> CURRENT = new ThreadLocal<>();

    private final Consumer<String> sink;
    private final long everyNanos;
    private final long start = System.nanoTime();
    private final AtomicLong checks = new AtomicLong();
    private final AtomicInteger solved = new AtomicInteger();
    private volatile long next;

    private FitProgress(Duration every, Consumer<String> sink) {
        this.sink = sink;
        this.everyNanos = every.toNanos();
        this.next = start + everyNanos;
    }

    /**
     * Runs {@code fit} on this thread, sending a progress line to {@code sink} every {@code every} while it runs
     * (from whichever of the fit's threads notices the time first; {@code sink} must accept calls from any thread).
     */
    public static <T> T reporting(Duration every, Consumer<String> sink, Supplier<T> fit) {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(fit, "fit");
        if (every == null || every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("FitProgress.reporting: every must be a positive duration, got " + every);
        }
        FitProgress outer = CURRENT.get();
        CURRENT.set(new FitProgress(every, sink));
        try {
            return fit.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The progress of the call running on this thread, or null. */
    static FitProgress current() {
        return CURRENT.get();
    }

    /** One interruption check of {@code what}: 64 solver iterations (or rows of a gradient pass) more. */
    void checked(String what) {
        checks.incrementAndGet();
        long now = System.nanoTime();
        if (now - next >= 0) {
            synchronized (this) {
                if (now - next < 0) {
                    return;
                }
                next = now + everyNanos;
            }
            sink.accept(String.format(Locale.ROOT, "%s running for %d s: %d solver problem%s done, about %,d solver iterations",
                    what, (now - start) / 1_000_000_000L, solved.get(), solved.get() == 1 ? "" : "s", checks.get() * 64));
        }
    }

    /** One solver problem (a pair, a fold, a one-output problem) finished. */
    void solved() {
        solved.incrementAndGet();
    }
}
