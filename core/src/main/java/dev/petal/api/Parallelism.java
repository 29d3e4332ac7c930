package dev.petal.api;

/**
 * How many threads one call (a fit, a prediction) may use, the calling thread included. The threads are
 * the call's own: started when the call first has work worth splitting and joined before it returns, so
 * nothing is left running afterwards. Results never depend on the count.
 *
 * <p>Work worth splitting is measured in work, not in rows: a call cuts a loop into pieces of at least
 * {@link #MIN_PIECE_WORK} units (a unit is one multiply-add, or about two values read or written by a pass
 * that streams memory) and splits it only when it holds two such pieces or more. Each loop counts its own
 * work per index: a kernel column entry costs the feature count plus 8 (the kernel's own arithmetic; for
 * sparse rows, both rows' stored entries plus 8), a predicted row the support vectors times that, a solver
 * pass 13 per active sample (about ten arrays read or written and a division), a batch of cached-column
 * swaps 4 per swap and column, a one-vs-one pair a whole solver run (the pairs of a fit without probability
 * estimates always run side by side). So with 20 features kernel columns split from about 2,300 samples,
 * with 64 features from about 900, and the solver's passes from about 5,000 active samples.
 *
 * @param threads at least 1; 1 runs everything on the calling thread
 */
public record Parallelism(int threads) {
    /**
     * The least work of one piece of a split loop, in units of one multiply-add (see above): about 10 to 30
     * microseconds of one core, so handing a piece to another thread (a microsecond or a few) costs little.
     */
    public static final int MIN_PIECE_WORK = 1 << 15;

    /** The default bound when {@code petal.threads} is not set: enough for the parallel parts to pay off. */
    static final int DEFAULT_CAP = 8;

    /** Refuses fewer than one thread. */
    public Parallelism {
        if (threads < 1) {
            throw new IllegalArgumentException("Parallelism.threads must be at least 1 (1 runs on the calling thread "
                    + "alone); got " + threads + ".");
        }
    }

    /** Exactly {@code n} threads, the calling one included. */
    public static Parallelism threads(int n) {
        return new Parallelism(n);
    }

    /** The calling thread alone. */
    public static Parallelism serial() {
        return new Parallelism(1);
    }

    /**
     * The default: the system property {@code petal.threads} when set, otherwise the processors this JVM may
     * use ({@code availableProcessors}, which follows container limits and CPU affinity), at most 8. Inside
     * a Spark task or a server with its own pool, pass an explicit count instead.
     *
     * @throws IllegalArgumentException if {@code petal.threads} is set but not a positive integer
     */
    public static Parallelism auto() {
        String s = System.getProperty("petal.threads");
        if (s == null || s.isBlank()) {
            return new Parallelism(Math.max(1, Math.min(DEFAULT_CAP, Runtime.getRuntime().availableProcessors())));
        }
        try {
            int n = Integer.parseInt(s.trim());
            if (n >= 1) {
                return new Parallelism(n);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("The system property petal.threads must be a positive integer (the number of "
                + "threads a Petal call may use); got '" + s + "'. Fix or remove -Dpetal.threads.");
    }
}
