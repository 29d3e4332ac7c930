package dev.petal.linear.liblinear;

import java.util.concurrent.CancellationException;

/** The interruption check every solver makes once per outer iteration. */
final class Interrupts {
    private Interrupts() {
    }

    /** Throws {@link CancellationException} if the current thread was interrupted (the flag stays set). */
    static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("liblinear fit interrupted");
        }
    }
}
