package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.datasets.Dataset;
import dev.petal.datasets.MakeClassification;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** An interrupted fit stops promptly, with a one-line reason, from inside someone else's thread pool, and leaves no thread. */
class CancellationTest {
    /** Generous, to stay clear of a loaded machine; the solver checks every 64 iterations (microseconds apart). */
    private static final long BOUND_MS = 2000;

    @Test
    void interruptedFitStopsPromptly() throws Exception {
        Dataset data = MakeClassification.defaults(15_000).generate(0);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        try {
            Future<?> fit = pool.submit(() -> {
                started.countDown();
                try {
                    SVC.defaults().withC(100).withParallelism(dev.petal.api.Parallelism.threads(2)).fit(data.x(), data.y());
                } catch (Throwable t) {
                    thrown.set(t);
                } finally {
                    finished.countDown();
                }
            });
            started.await();
            Thread.sleep(300);
            assertEquals(1, finished.getCount(), "the fit must still be running when interrupted");
            long t0 = System.nanoTime();
            fit.cancel(true);
            boolean stopped = finished.await(BOUND_MS, TimeUnit.MILLISECONDS);
            long tookMs = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(stopped, "the fit stopped within " + BOUND_MS + " ms (took " + tookMs + " ms)");
            assertInstanceOf(CancellationException.class, thrown.get());
            assertEquals("SVC.fit was interrupted and stopped.", thrown.get().getMessage());
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            assertTrue(!t.getName().startsWith("petal-") || !t.isAlive(), t.getName() + " is still alive after the fit");
        }
    }

    @Test
    void aFitPastItsTimeLimitStops() {
        Dataset data = MakeClassification.defaults(15_000).generate(1);
        CancellationException e = assertThrows(CancellationException.class, () -> SVR.defaults().withC(100)
                .withTimeLimit(java.time.Duration.ofMillis(50)).fit(data.x(), java.util.Arrays.stream(data.y())
                        .asDoubleStream().toArray()));
        assertEquals("SVR.fit ran past its time limit of 50 ms and stopped.", e.getMessage());
    }

    @Test
    void stopChecksTheOwnersInterruptAndTheTimeLimit() throws Exception {
        Stop none = Stop.of("SVC.fit", null);
        none.check();
        Stop limited = Stop.of("SVC.fit", java.time.Duration.ofMillis(1));
        Thread.sleep(5);
        assertEquals("SVC.fit ran past its time limit of 1 ms and stopped.",
                assertThrows(CancellationException.class, limited::check).getMessage());
    }
}
