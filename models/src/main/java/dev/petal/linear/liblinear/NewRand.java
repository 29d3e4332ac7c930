package dev.petal.linear.liblinear;

/**
 * The random numbers scikit-learn's bundled liblinear draws for its coordinate-descent order
 * ({@code newrand.h}): one {@code std::mt19937} seeded by {@code set_seed(seed)}, and
 * {@code bounded_rand_int(range)}, a tweaked Lemire reduction of its 32-bit outputs.
 */
final class NewRand {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int mti;

    /** {@code mt19937.seed(seed)}. */
    NewRand(long seed) {
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        mti = N;
    }

    private long next() {
        if (mti >= N) {
            for (int k = 0; k < N; k++) {
                int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
                mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
            }
            mti = 0;
        }
        int y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xFFFFFFFFL;
    }

    /** {@code bounded_rand_int(range)}: a value in [0, range). */
    int bounded(int range) {
        long r = range & 0xFFFFFFFFL;
        long m = next() * r;
        long l = m & 0xFFFFFFFFL;
        if (l < r) {
            long t = (-r) & 0xFFFFFFFFL;
            if (t >= r) {
                t -= r;
                if (t >= r) {
                    t %= r;
                }
            }
            while (l < t) {
                m = next() * r;
                l = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }
}
