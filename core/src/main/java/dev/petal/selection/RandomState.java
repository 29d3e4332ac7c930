package dev.petal.selection;

import dev.petal.libm.GlibcLog;

/**
 * A bit-exact port of NumPy's legacy {@code numpy.random.RandomState} for an integer seed: the
 * MT19937 stream seeded by {@code init_genrand}, and the draws scikit-learn's splitters use.
 *
 * <p>Same seed, same calls, same numbers as NumPy 1.24: {@code new RandomState(0).randint(2147483647)}
 * is 209652396 as {@code np.random.RandomState(0).randint(2**31 - 1)} is. Not thread-safe; give each
 * thread its own instance. Reference: M. Matsumoto and T. Nishimura, "Mersenne Twister: a
 * 623-dimensionally equidistributed uniform pseudo-random number generator", ACM TOMACS 8(1), 1998;
 * NumPy's {@code random/src/mt19937} and {@code random/src/distributions} (random_interval,
 * bounded masked uint32).
 */
public final class RandomState {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int pos;
    private boolean hasGauss;
    private double gauss;

    /** Seeds the generator as {@code RandomState(seed)} does; the seed must lie in [0, 2**32 - 1]. */
    public RandomState(long seed) {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("Seed must be between 0 and 2**32 - 1");
        }
        int s = (int) seed;
        for (int i = 0; i < N; i++) {
            mt[i] = s;
            s = 1812433253 * (s ^ (s >>> 30)) + i + 1;
        }
        pos = N;
    }

    /** The next raw 32-bit output of MT19937, as an unsigned value in [0, 2**32). */
    public long nextUint32() {
        if (pos >= N) {
            generate();
        }
        int y = mt[pos++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xffffffffL;
    }

    private void generate() {
        int k = 0;
        for (; k < N - M; k++) {
            int y = (mt[k] & UPPER_MASK) | (mt[k + 1] & LOWER_MASK);
            mt[k] = mt[k + M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        for (; k < N - 1; k++) {
            int y = (mt[k] & UPPER_MASK) | (mt[k + 1] & LOWER_MASK);
            mt[k] = mt[k + (M - N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        }
        int y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
        pos = 0;
    }

    /** A uniform integer in [0, max] by masked rejection, NumPy's {@code random_interval} (max below 2**32). */
    public long randomInterval(long max) {
        if (max < 0 || max > 0xffffffffL) {
            throw new IllegalArgumentException("max must be in [0, 2**32 - 1], got " + max);
        }
        if (max == 0) {
            return 0;
        }
        long mask = mask(max);
        long value;
        do {
            value = nextUint32() & mask;
        } while (value > max);
        return value;
    }

    /** {@code randint(high)}: a uniform integer in [0, high), drawn as NumPy's masked bounded int64 does (high at most 2**32). */
    public long randint(long high) {
        if (high <= 0) {
            throw new IllegalArgumentException("high <= 0");
        }
        if (high > 0x100000000L) {
            throw new IllegalArgumentException("randint supports high up to 2**32, got " + high);
        }
        long rng = high - 1;
        if (rng == 0xffffffffL) {
            return nextUint32();
        }
        return randomInterval(rng);
    }

    /** {@code random_sample()}: a uniform double in [0, 1) with 53 random bits, from two 32-bit draws. */
    public double randomSample() {
        long a = nextUint32() >>> 5;
        long b = nextUint32() >>> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /** {@code uniform(low, high)}: {@code low + (high - low) * random_sample()}, as NumPy computes it. */
    public double uniform(double low, double high) {
        return low + (high - low) * randomSample();
    }

    /**
     * {@code standard_normal()}: NumPy's legacy Gaussian, the polar Box-Muller method; each accepted pair
     * yields two values, the second cached (part of this generator's state) and returned by the next call.
     */
    public double standardNormal() {
        if (hasGauss) {
            hasGauss = false;
            double v = gauss;
            gauss = 0.0;
            return v;
        }
        double x1;
        double x2;
        double r2;
        do {
            x1 = 2.0 * randomSample() - 1.0;
            x2 = 2.0 * randomSample() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.sqrt(-2.0 * GlibcLog.log(r2) / r2);
        gauss = f * x1;
        hasGauss = true;
        return f * x2;
    }

    /** {@code randint(high, size=n)}: n uniform integers in [0, high), drawn one after another as NumPy draws them. */
    public long[] randint(long high, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative dimensions are not allowed");
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = randint(high);
        }
        return out;
    }

    /** Shuffles {@code values} in place, as {@code RandomState.shuffle} shuffles a 1-d array. */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i >= 1; i--) {
            int j = (int) randomInterval(i);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** {@code permutation(n)}: the integers 0..n-1 in a random order. */
    public int[] permutation(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative dimensions are not allowed");
        }
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        shuffle(a);
        return a;
    }

    /** {@code permutation(values)}: a shuffled copy of {@code values}. */
    public int[] permutation(int[] values) {
        int[] a = values.clone();
        shuffle(a);
        return a;
    }

    /** {@code choice(n, k, replace=False)}: k distinct integers from [0, n), the first k of {@code permutation(n)}. */
    public int[] choice(int n, int k) {
        if (n <= 0) {
            throw new IllegalArgumentException("a must be greater than 0 unless no samples are taken");
        }
        if (k > n) {
            throw new IllegalArgumentException("Cannot take a larger sample than population when 'replace=False'");
        }
        if (k < 0) {
            throw new IllegalArgumentException("negative dimensions are not allowed");
        }
        int[] p = permutation(n);
        return java.util.Arrays.copyOf(p, k);
    }

    private static long mask(long max) {
        long m = max;
        m |= m >>> 1;
        m |= m >>> 2;
        m |= m >>> 4;
        m |= m >>> 8;
        m |= m >>> 16;
        return m;
    }
}
