package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The per-call team: every index once, repeated stalls send work to the caller, failures reach the caller, no thread outlives it. */
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
    void theCallerTakesPiecesFromTheFrontAndTheHelperFromTheBack() {
        Thread caller = Thread.currentThread();
        int helped = 0;
        // the backoff is JVM-wide: another test's stalls may keep the first jobs on the caller for a while
        long deadline = System.nanoTime() + 10_000_000_000L;
        try (Team team = Team.of("test", dev.petal.api.Parallelism.threads(2), null)) {
            for (int rep = 0; helped < 20 && System.nanoTime() < deadline; rep++) {
                boolean[] byCaller = new boolean[64];
                boolean[] ran = new boolean[64];
                team.forRange(0, 64, 1, (from, to) -> {
                    ran[from] = true;
                    byCaller[from] = Thread.currentThread() == caller;
                    long until = System.nanoTime() + 2_000; // pieces long enough for the helper to join in
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                });
                int k = 0;
                while (k < 64 && byCaller[k]) {
                    k++;
                }
                for (int p = 0; p < 64; p++) {
                    assertTrue(ran[p], "piece " + p + " did not run");
                    assertEquals(p < k, byCaller[p], "job " + rep + ": the caller's pieces are not a prefix at " + p);
                }
                if (k < 64) {
                    helped++;
                }
            }
        }
        assertEquals(20, helped, "the helper took pieces in only " + helped + " jobs in 10 s");
    }

    @Test
    void helpersStalledMidPieceAgainAndAgainSendTheNextJobsToTheCallerAlone() {
        try (Team team = Team.of("test", dev.petal.api.Parallelism.threads(2), null)) {
            stallsSendJobsToTheCaller(team);
        }
    }

    private static void stallsSendJobsToTheCaller(Team team) {
        Thread caller = Thread.currentThread();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            AtomicBoolean helperStalled = new AtomicBoolean();
            team.forRange(0, 64, 1, (from, to) -> {
                if (Thread.currentThread() != caller && !helperStalled.getAndSet(true)) {
                    sleep(2); // as if the helper lost its core for 2 ms
                }
            });
            long stalledAt = System.nanoTime();
            if (!helperStalled.get()) {
                sleep(1); // no helper took a piece (asleep, or solo after the stalls used up the credit)
                continue;
            }
            Set<Thread> ran = ConcurrentHashMap.newKeySet();
            team.forRange(0, 64, 1, (from, to) -> {
                ran.add(Thread.currentThread());
            });
            if (System.nanoTime() - stalledAt < 5_000_000 && ran.equals(Set.of(caller))) {
                return; // the stalls overdrew the credit: solo, well inside the first 10 ms
            }
        }
        fail("2 ms stalls in a row never sent the jobs to the caller alone within 10 s");
    }

    private static final long MS = 1_000_000;

    @Test
    void aStallWithinTheCreditKeepsTheHelpers() {
        Team.Backoff b = new Team.Backoff(0);
        b.after(10 * MS, 4 * MS, 10_000, 0);
        assertFalse(b.solo(10 * MS + 1));
    }

    @Test
    void stallsPastTheCreditSendJobsToTheCallerAloneForTenMsThenTwenty() {
        Team.Backoff b = new Team.Backoff(0);
        long now = MS;
        for (int k = 0; k < 5; k++) { // 5 x 4 ms = the 20 ms credit, not overdrawn
            b.after(now, 4 * MS, 10_000, 0);
            assertFalse(b.solo(now), "stall " + k);
        }
        b.after(now, 4 * MS, 10_000, 0);
        assertTrue(b.solo(now));
        assertTrue(b.solo(now + 10 * MS - 1));
        assertFalse(b.solo(now + 10 * MS));
        now += 10 * MS;
        b.after(now, 4 * MS, 10_000, 0); // the credit is spent: the next stall overdraws it at once, for twice as long
        assertTrue(b.solo(now + 20 * MS - 1));
        assertFalse(b.solo(now + 20 * MS));
    }

    @Test
    void aSlowPieceOfColdCodeIsNoStall() {
        Team.Backoff b = new Team.Backoff(0);
        for (int k = 0; k < 100; k++) { // each wait is under four of the caller's own 1 ms pieces
            b.after(MS, 3 * MS, MS, 0);
        }
        assertFalse(b.solo(MS));
    }

    @Test
    void timeTheHelpersSaveEarnsTheCreditBack() {
        Team.Backoff b = new Team.Backoff(0);
        for (int k = 0; k < 5; k++) {
            b.after(MS, 4 * MS, 10_000, 0); // spends the whole credit
        }
        b.after(MS, 10_000, 10_000, 8 * MS); // a clean job whose helpers saved 8 ms
        b.after(MS, 4 * MS, 10_000, 0);
        b.after(MS, 4 * MS, 10_000, 0);
        assertFalse(b.solo(MS));
        b.after(MS, 4 * MS, 10_000, 0);
        assertTrue(b.solo(MS));
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

    @Test
    void anAsideTaskRunsOnceOnAHelperOrOnTheCallerAndGivesItsResult() {
        for (int threads : new int[] {1, 2, 3}) {
            java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
            Set<Thread> ran = ConcurrentHashMap.newKeySet();
            try (Team team = Team.of("test", dev.petal.api.Parallelism.threads(threads), null)) {
                Team.Aside<String> a = team.aside(() -> {
                    runs.incrementAndGet();
                    ran.add(Thread.currentThread());
                    return "digest";
                });
                team.forRange(0, 1000, 10, (from, to) -> { }); // the caller goes on meanwhile
                assertEquals("digest", a.get());
                assertEquals("digest", a.get());
            }
            assertEquals(1, runs.get(), threads + " threads");
            if (threads == 1) {
                assertEquals(Set.of(Thread.currentThread()), ran);
            }
        }
    }

    @Test
    void anAsideTasksFailureReachesTheCaller() {
        try (Team team = Team.of("test", dev.petal.api.Parallelism.threads(2), null)) {
            Team.Aside<String> a = team.aside(() -> {
                throw new IllegalStateException("aside failed");
            });
            IllegalStateException e = assertThrows(IllegalStateException.class, a::get);
            assertEquals("aside failed", e.getMessage());
        }
    }

    @Test
    void closeWaitsForAnAsideTaskAHelperStarted() {
        Set<Thread> ran = ConcurrentHashMap.newKeySet();
        AtomicBoolean started = new AtomicBoolean();
        try (Team team = Team.of("test", dev.petal.api.Parallelism.threads(2), null)) {
            team.aside(() -> {
                started.set(true);
                ran.add(Thread.currentThread());
                sleep(20);
                return null;
            });
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (!started.get() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        } // never asked for: a helper may still be running it here, and close joins it
        for (Thread t : ran) {
            assertTrue(t == Thread.currentThread() || !t.isAlive(), t.getName() + " is still alive");
        }
    }
}
