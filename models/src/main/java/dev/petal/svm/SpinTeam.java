package dev.petal.svm;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Splitting for work that recurs every few tens of microseconds (a kernel column per solver iteration),
 * where waking a parked pool thread costs as much as the work: {@link Parallel#threads()} - 1 daemon
 * helpers keep polling for a job for {@link #SPIN_NANOS} after their last piece, then park. The caller
 * always works on its own job too, so a late helper costs nothing; one job runs at a time (a second
 * caller, or a caller already on the pool, runs its range alone). Pieces write disjoint entries, so the
 * split never changes a value.
 *
 * <p>A helper that loses its core in the middle of a piece (another process wants it) makes the caller wait
 * for a whole scheduler time slice; after such a stall every job runs on the caller alone for
 * {@link #BACKOFF_NANOS}, twice as long after each further stall, so a busy machine costs a few stalls,
 * not one per job.
 */
final class SpinTeam {
    /** How long an idle helper polls before parking. */
    private static final long SPIN_NANOS = 300_000;
    /**
     * A wait for the helpers' pieces longer than this means a helper lost its core mid-piece (the machine
     * is busy): a piece takes microseconds, a preemption milliseconds.
     */
    private static final long STALL_NANOS = 200_000;
    /** How long the first stall sends every job to the caller alone; each further stall in a row doubles it. */
    private static final long BACKOFF_NANOS = 10_000_000;
    private static final long MAX_BACKOFF_NANOS = 640_000_000;
    /** Jobs without a stall after which a busy spell counts as over and the backoff starts again from the bottom. */
    private static final int CLEAN_JOBS = 1000;
    private static volatile long soloUntil = System.nanoTime();
    private static long backoff = BACKOFF_NANOS;
    private static int cleanJobs;
    private static final AtomicReference<Job> SLOT = new AtomicReference<>();
    private static volatile Helper[] helpers;

    private SpinTeam() {
    }

    /** Runs {@code body} over [from, to) in pieces of {@code piece} indices, on the caller and the helpers. */
    static void forRange(int from, int to, int piece, Parallel.Range body) {
        if (Parallel.threads() <= 1 || to - from < 2 * piece || Parallel.inPool() || System.nanoTime() - soloUntil < 0) {
            body.run(from, to);
            return;
        }
        Job job = new Job(body, from, to, piece);
        if (!SLOT.compareAndSet(null, job)) {
            body.run(from, to);
            return;
        }
        for (Helper h : helpers()) {
            if (h.sleeping) {
                LockSupport.unpark(h);
            }
        }
        job.work();
        SLOT.compareAndSet(job, null);
        long waitStart = System.nanoTime();
        while (job.done.get() < job.pieces) {
            Thread.onSpinWait();
        }
        backOffAfter(System.nanoTime() - waitStart);
        if (job.failure != null) {
            if (job.failure instanceof RuntimeException re) {
                throw re;
            }
            throw (Error) job.failure;
        }
    }

    /**
     * After a job whose caller waited {@code waited} ns for the helpers: a stall sends the next jobs to the
     * caller alone for a while.
     */
    private static synchronized void backOffAfter(long waited) {
        if (waited < STALL_NANOS) {
            if (++cleanJobs >= CLEAN_JOBS) {
                backoff = BACKOFF_NANOS;
            }
            return;
        }
        cleanJobs = 0;
        soloUntil = System.nanoTime() + backoff;
        backoff = Math.min(2 * backoff, MAX_BACKOFF_NANOS);
    }

    private static Helper[] helpers() {
        Helper[] hs = helpers;
        if (hs == null) {
            synchronized (SpinTeam.class) {
                hs = helpers;
                if (hs == null) {
                    hs = new Helper[Parallel.threads() - 1];
                    for (int i = 0; i < hs.length; i++) {
                        hs[i] = new Helper(i);
                        hs[i].start();
                    }
                    helpers = hs;
                }
            }
        }
        return hs;
    }

    /** A range cut into pieces that the caller and the helpers claim one at a time. */
    private static final class Job {
        final Parallel.Range body;
        final int from;
        final int to;
        final int piece;
        final int pieces;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(Parallel.Range body, int from, int to, int piece) {
            this.body = body;
            this.from = from;
            this.to = to;
            this.piece = piece;
            this.pieces = (to - from + piece - 1) / piece;
        }

        /** Claims and runs pieces until none is left; returns how many this thread ran. */
        int work() {
            int ran = 0;
            for (int p = next.getAndIncrement(); p < pieces; p = next.getAndIncrement()) {
                int a = from + p * piece;
                try {
                    body.run(a, Math.min(to, a + piece));
                } catch (RuntimeException | Error e) {
                    failure = e;
                } finally {
                    done.incrementAndGet();
                }
                ran++;
            }
            return ran;
        }
    }

    /** Polls the slot, parks after {@link #SPIN_NANOS} without work. */
    private static final class Helper extends Thread {
        volatile boolean sleeping;

        Helper(int i) {
            super("petal-svm-helper-" + i);
            setDaemon(true);
        }

        @Override
        public void run() {
            long idleSince = System.nanoTime();
            while (true) {
                Job job = SLOT.get();
                if (job != null && job.work() > 0) {
                    idleSince = System.nanoTime();
                    continue;
                }
                if (System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                    continue;
                }
                sleeping = true;
                if (SLOT.get() == null) {
                    LockSupport.park(this);
                }
                sleeping = false;
                idleSince = System.nanoTime();
            }
        }
    }
}
