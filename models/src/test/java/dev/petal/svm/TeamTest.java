package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The per-call team: every index once, stalls send work to the caller, failures reach the caller, no thread outlives it. */
class TeamTest {

    @Test
    void everyIndexIsRunOnceWhateverThreadTakesIt() {
        AtomicIntegerArray runs = new AtomicIntegerArray(10_000);
        try (Team team = Team.of("test", dev.petal.api.Parallelism.threads(3), null)) {
          for (int rep = 0; rep < 50; rep++) {
            team.forRange(0, 10_000, 37, (from, to) -> {
                for (int k = from; k < to; k++) {
                    runs.incrementAndGet(k);
                }
            });
          }
        }
        for (int k = 0; k < runs.length(); k++) {
            assertEquals(50, runs.get(k), "index " + k);
        }
    }

    @Test
    void aHelperStalledMidPieceSendsTheNextJobsToTheCallerAlone() {
        try (Team team = Team.of("test", dev.petal.api.Parallelism.threads(2), null)) {
            stallSendsJobsToTheCaller(team);
        }
    }

    private static void stallSendsJobsToTheCaller(Team team) {
        Thread caller = Thread.currentThread();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            AtomicBoolean helperStalled = new AtomicBoolean();
            team.forRange(0, 64, 1, (from, to) -> {
                if (Thread.currentThread() != caller && !helperStalled.getAndSet(true)) {
                    sleep(2); // as if the helper lost its core for 2 ms
                }
            });
            long stalledAt = System.nanoTime();
            if (!helperStalled.get()) {
                sleep(1); // no helper took a piece (asleep, or solo after an earlier stall)
                continue;
            }
            Set<Thread> ran = ConcurrentHashMap.newKeySet();
            team.forRange(0, 64, 1, (from, to) -> {
                ran.add(Thread.currentThread());
            });
            if (System.nanoTime() - stalledAt < 5_000_000) { // well inside the first 10 ms of solo running
                assertEquals(Set.of(caller), ran);
                return;
            }
        }
        fail("no helper took a piece within 5 s");
    }

    /** Thread.sleep, which a stray unpark permit cannot cut short (LockSupport.parkNanos can return at once). */
    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFailingPieceIsRethrownToTheCaller() {
        Team team = Team.of("test", dev.petal.api.Parallelism.threads(2), null);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> team.forRange(0, 1000, 10, (from, to) -> {
                    if (from <= 500 && 500 < to) {
                        throw new IllegalStateException("piece " + from);
                    }
                }));
        team.close();
        assertTrue(e.getMessage().startsWith("piece "), e.getMessage());
    }

    @Test
    void closeJoinsEveryHelper() {
        Set<Thread> ran = ConcurrentHashMap.newKeySet();
        try (Team team = Team.of("test", dev.petal.api.Parallelism.threads(4), null)) {
            for (int rep = 0; rep < 200; rep++) {
                team.forRange(0, 4000, 10, (from, to) -> ran.add(Thread.currentThread()));
            }
        }
        for (Thread t : ran) {
            assertTrue(t == Thread.currentThread() || !t.isAlive(), t.getName() + " is still alive");
        }
    }
}
