package dev.petal.svm;

import dev.petal.api.Parallelism;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The threads of one call (a fit or a prediction) and its {@link Stop}: {@link Parallelism#threads()} - 1
 * helpers, started when the call first splits work and joined by {@link #close}, so a call leaves no thread
 * behind. Work recurs every few tens of microseconds (a kernel column per solver iteration), where waking a
 * parked thread costs as much as the work: an idle helper polls for a job for at most {@link #SPIN_NANOS},
 * then parks. While it polls it yields its core every {@link #YIELD_NANOS} to any other runnable thread: in a
 * fresh JVM the compiler threads are compiling the solver, and a helper that held a core against them kept
 * the solver in slow code for longer than its own pieces saved. The caller always works on its own job too,
 * so a late helper costs nothing; one job runs at a time (a job started inside a piece, or by another thread,
 * runs on its thread alone). Pieces write disjoint entries, so the split never changes a value.
 *
 * <p>A helper that loses its core in the middle of a piece (the machine is busy, or the JVM's own compiler or
 * collector threads took it) makes the caller wait for a scheduler time slice. {@link Backoff} weighs such stalls
 * against the time the helpers save: a busy machine costs a few stalls and no spinning, while the few stalls of a
 * JVM compiling its hot code do not stop the helpers.
 */
final class Team implements AutoCloseable {
    /** How long an idle helper polls before parking. */
    private static final long SPIN_NANOS = 100_000;
    /** How often a polling helper offers its core to any other runnable thread. */
    private static final long YIELD_NANOS = 10_000;
    /** A wait for the helpers' pieces longer than this means a helper lost its core mid-piece. */
    private static final long STALL_NANOS = 200_000;
    /** How long every job runs on the caller alone once stalls have used up the credit; each further spell doubles it. */
    private static final long BACKOFF_NANOS = 10_000_000;
    /** The most caller time the helpers' saved work can bank against later stalls (and the credit at start). */
    private static final long MAX_CREDIT_NANOS = 20_000_000;
    private static final long MAX_BACKOFF_NANOS = 640_000_000;
    /** Jobs without a stall after which a busy spell counts as over. */
    private static final int CLEAN_JOBS = 1000;

    private final int threads;
    private final Stop stop;
    private final Thread owner;
    private final AtomicReference<Job> slot = new AtomicReference<>();
    /** A task set aside for the first idle helper ({@link #aside}), or null. */
    private final AtomicReference<Aside<?>> sideSlot = new AtomicReference<>();
    private final Blas.Scratch[] scratch;
    private Helper[] helpers;
    private volatile boolean closed;
    /*
     * Whether the machine is busy is a fact about the machine, not about one call: the backoff is shared by
     * every team of the JVM (a few numbers, no thread, nothing sized to any data), so a prediction made right
     * after a stalled one starts on its caller alone instead of stalling again.
     */
    private static final Backoff BACKOFF = new Backoff(System.nanoTime());

    /** A piece of work on the index range [from, to). */
    interface Range {
        void run(int from, int to);
    }

    private Team(int threads, Stop stop) {
        this.threads = threads;
        this.stop = stop;
        this.owner = Thread.currentThread();
        this.scratch = new Blas.Scratch[threads];
    }

    /** The team of the call {@code what} on the current thread, with {@code parallelism} and an optional time limit. */
    static Team of(String what, Parallelism parallelism, Duration timeLimit) {
        return new Team(parallelism.threads(), Stop.of(what, timeLimit));
    }

    /** A one-thread team without a time limit (tests, small internal work). */
    static Team serial(String what) {
        return new Team(1, Stop.of(what, null));
    }

    /** The number of threads, the caller included. */
    int threads() {
        return threads;
    }

    /** Throws if the call was interrupted or ran out of time (see {@link Stop#check}). */
    void check() {
        stop.check();
    }

    /** One solver problem of this call finished. */
    void solved() {
        stop.solved();
    }

    /**
     * The block-kernel scratch of the current thread in this call ({@link Blas#BLOCK} entries per array); freed
     * with the team. A thread outside the team gets a fresh one.
     */
    Blas.Scratch scratch() {
        Thread t = Thread.currentThread();
        int id = t == owner ? 0 : t instanceof Helper h && h.team == this ? h.id + 1 : -1;
        if (id < 0) {
            return new Blas.Scratch();
        }
        Blas.Scratch s = scratch[id];
        if (s == null) {
            s = new Blas.Scratch();
            scratch[id] = s;
        }
        return s;
    }

    /**
     * The fewest indices of a piece when each index costs {@code workPerIndex} units: enough for
     * {@link Parallelism#MIN_PIECE_WORK}, at least 1. {@link #forRange} splits a range of two such pieces or more.
     */
    static int piece(long workPerIndex) {
        long w = Math.max(1, workPerIndex);
        return (int) Math.max(1, (Parallelism.MIN_PIECE_WORK + w - 1) / w);
    }

    /**
     * Runs {@code body} over [from, to) in pieces of {@code piece} indices, on the caller and the helpers; on
     * the caller alone when the range holds fewer than two pieces.
     */
    void forRange(int from, int to, int piece, Range body) {
        if (threads <= 1 || to - from < 2 * piece || closed || Thread.currentThread() != owner
                || BACKOFF.solo(System.nanoTime())) {
            body.run(from, to);
            return;
        }
        Job job = new Job(body, from, to, piece);
        if (!slot.compareAndSet(null, job)) {
            body.run(from, to);
            return;
        }
        for (Helper h : helpers()) {
            if (h.sleeping) {
                LockSupport.unpark(h);
            }
        }
        long workStart = System.nanoTime();
        int own = job.work(false);
        slot.compareAndSet(job, null);
        long waitStart = System.nanoTime();
        while (job.done.get() < job.pieces) {
            Thread.onSpinWait();
        }
        long waited = System.nanoTime() - waitStart;
        long ownPiece = own == 0 ? 0 : (waitStart - workStart) / own;
        // the helpers ran the pieces the caller did not: about that much of the caller's time saved, at its pace
        BACKOFF.after(System.nanoTime(), waited, ownPiece, ownPiece * (job.pieces - own));
        rethrow(job.failure);
    }

    /** Throws {@code failure} (a RuntimeException or an Error caught on some thread of the team), if any. */
    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException re) {
            throw re;
        } else if (failure != null) {
            throw (Error) failure;
        }
    }

    /**
     * The JVM-wide decision whether jobs split: a wait past {@link #STALL_NANOS} and past four of the caller's own
     * pieces is a stall (a slow piece of cold code is not). Stalls spend a credit that the time saved by the helpers
     * earns back, at most {@link #MAX_CREDIT_NANOS}; only an overdrawn credit sends the jobs to the caller alone,
     * for {@link #BACKOFF_NANOS}, twice as long after each further overdraft until {@link #CLEAN_JOBS} jobs pass
     * without a stall.
     */
    static final class Backoff {
        private volatile long soloUntil;
        private long backoff = BACKOFF_NANOS;
        private int cleanJobs;
        private long credit = MAX_CREDIT_NANOS;

        Backoff(long now) {
            this.soloUntil = now;
        }

        /** Whether a job started at {@code now} runs on its caller alone. */
        boolean solo(long now) {
            return now - soloUntil < 0;
        }

        /**
         * After a split job ending at {@code now}: its caller waited {@code waited} ns for the helpers once its own
         * pieces were done, each of which took it {@code ownPiece} ns, and the helpers' pieces saved it about
         * {@code saved} ns.
         */
        synchronized void after(long now, long waited, long ownPiece, long saved) {
            if (waited < STALL_NANOS || waited <= 4 * ownPiece) {
                credit = Math.min(MAX_CREDIT_NANOS, credit + saved);
                if (++cleanJobs >= CLEAN_JOBS) {
                    backoff = BACKOFF_NANOS;
                }
                return;
            }
            cleanJobs = 0;
            credit = Math.min(MAX_CREDIT_NANOS, credit + saved - waited);
            if (credit >= 0) {
                return;
            }
            credit = 0;
            soloUntil = now + backoff;
            backoff = Math.min(2 * backoff, MAX_BACKOFF_NANOS);
        }
    }

    /**
     * Sets {@code task} aside for a helper to run while the caller goes on (for work the call needs only at its
     * end, such as a digest of its input); {@link Aside#get} returns its result, running it on the caller if no
     * helper has started it. With one thread, or outside the caller's thread, the task waits for {@code get}.
     */
    <T> Aside<T> aside(Supplier<T> task) {
        Aside<T> a = new Aside<>(task);
        if (threads > 1 && !closed && Thread.currentThread() == owner && sideSlot.compareAndSet(null, a)) {
            for (Helper h : helpers()) {
                if (h.sleeping) {
                    LockSupport.unpark(h);
                }
            }
        }
        return a;
    }

    /** A task set aside ({@link #aside}): run once, by a helper or by the caller of {@link #get}. */
    static final class Aside<T> {
        private final Supplier<T> task;
        private final AtomicInteger state = new AtomicInteger(); // 0 waiting, 1 running, 2 done
        private T result;
        private Throwable failure;

        private Aside(Supplier<T> task) {
            this.task = task;
        }

        /** Runs the task here if nobody has started it. */
        private void runIfWaiting() {
            if (!state.compareAndSet(0, 1)) {
                return;
            }
            try {
                result = task.get();
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                state.set(2);
            }
        }

        /** The task's result, after running it here or waiting for the helper that runs it; rethrows its failure. */
        T get() {
            runIfWaiting();
            while (state.get() != 2) {
                Thread.onSpinWait();
            }
            rethrow(failure);
            return result;
        }
    }

    private Helper[] helpers() {
        if (helpers == null) {
            helpers = new Helper[threads - 1];
            for (int i = 0; i < helpers.length; i++) {
                helpers[i] = new Helper(this, i);
                helpers[i].start();
            }
        }
        return helpers;
    }

    /** Stops and joins the helpers; the team then runs everything on the caller. Idempotent. */
    @Override
    public void close() {
        closed = true;
        if (helpers == null) {
            return;
        }
        for (Helper h : helpers) {
            LockSupport.unpark(h);
        }
        boolean interrupted = false;
        for (Helper h : helpers) {
            while (h.isAlive()) {
                try {
                    h.join();
                } catch (InterruptedException e) {
                    interrupted = true; // the helpers exit within microseconds: finish joining, keep the status
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A range cut into pieces that the caller and the helpers claim one at a time: the caller from the front,
     * helpers from the back, so that from one job to the next each thread tends to work on the same part of
     * the arrays (which then stays in its core's cache) while a late thread still leaves its pieces to the other.
     */
    private static final class Job {
        final Range body;
        final int from;
        final int to;
        final int piece;
        final int pieces;
        /** The next piece from the front (high 32 bits) and one past the next piece from the back (low 32 bits). */
        final AtomicLong ends;
        final AtomicInteger done = new AtomicInteger();
        volatile Throwable failure;

        Job(Range body, int from, int to, int piece) {
            this.body = body;
            this.from = from;
            this.to = to;
            this.piece = piece;
            this.pieces = (to - from + piece - 1) / piece;
            this.ends = new AtomicLong(pieces);
        }

        /** Claims a piece from the front or the back; -1 when none is left. */
        private int claim(boolean back) {
            while (true) {
                long e = ends.get();
                int front = (int) (e >>> 32);
                int end = (int) e;
                if (front >= end) {
                    return -1;
                }
                long next = back ? e - 1 : e + (1L << 32);
                if (ends.compareAndSet(e, next)) {
                    return back ? end - 1 : front;
                }
            }
        }

        /** Claims and runs pieces until none is left; returns how many this thread ran. */
        int work(boolean back) {
            int ran = 0;
            for (int p = claim(back); p >= 0; p = claim(back)) {
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

    /**
     * Polls the team's slot, yielding its core every {@link #YIELD_NANOS}, parks after {@link #SPIN_NANOS} without
     * work, exits when the team closes.
     */
    private static final class Helper extends Thread {
        final Team team;
        final int id;
        volatile boolean sleeping;

        Helper(Team team, int id) {
            super("petal-svm-worker-" + id);
            this.team = team;
            this.id = id;
            setDaemon(true);
        }

        @Override
        public void run() {
            long idleSince = System.nanoTime();
            long yielded = idleSince;
            while (!team.closed) {
                Job job = team.slot.get();
                if (job != null && job.work(true) > 0) {
                    idleSince = System.nanoTime();
                    yielded = idleSince;
                    continue;
                }
                Aside<?> side = team.sideSlot.get();
                if (side != null && team.sideSlot.compareAndSet(side, null)) {
                    side.runIfWaiting();
                    idleSince = System.nanoTime();
                    yielded = idleSince;
                    continue;
                }
                long now = System.nanoTime();
                if (now - idleSince < SPIN_NANOS) {
                    if (now - yielded >= YIELD_NANOS) {
                        // a JVM warming up has compiler threads waiting for a core: polling must not hold it
                        Thread.yield();
                        yielded = now;
                    } else {
                        Thread.onSpinWait();
                    }
                    continue;
                }
                sleeping = true;
                if (team.slot.get() == null && team.sideSlot.get() == null && !team.closed) {
                    LockSupport.park(this);
                }
                sleeping = false;
                idleSince = System.nanoTime();
                yielded = idleSince;
            }
        }
    }
}
