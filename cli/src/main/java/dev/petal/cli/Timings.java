package dev.petal.cli;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a command's time goes, for profiling a cold start: with the environment variable {@code PETAL_TIMINGS}
 * set, each mark prints one line to standard error with the time since the process started (the JVM's own
 * start-up included), the process's CPU time so far (every thread: the JIT compilers and the collector too) and
 * the calling thread's (on a quiet machine the wall time is about the larger of this and half the process's).
 */
final class Timings {
    private static final boolean ON = System.getenv("PETAL_TIMINGS") != null;

    private Timings() {
    }

    /** Prints the mark {@code phase} when timings are on. */
    static void mark(String phase) {
        if (!ON) {
            return;
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        long cpu = info.totalCpuDuration().map(Duration::toMillis).orElse(-1L);
        long wall = info.startInstant().map(s -> Duration.between(s, Instant.now()).toMillis()).orElse(-1L);
        long main = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
        System.err.printf("petal timings: %-12s %6d ms since start, %6d ms CPU (this thread %d ms)%n", phase, wall, cpu, main);
    }
}
