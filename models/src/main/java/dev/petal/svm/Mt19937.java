package dev.petal.svm;

/**
 * The 32-bit Mersenne Twister (Matsumoto and Nishimura 1998) seeded by {@code init_genrand}, as both
 * numpy's legacy {@code RandomState(int)} and C++'s {@code std::mt19937::seed} seed it, with the two
 * bounded draws scikit-learn's SVC needs: numpy's masked-rejection {@code randint(high)} and
 * scikit-learn's {@code bounded_rand_int} (a tweaked Lemire reduction, {@code newrand.h}).
 */
final class Mt19937 {
    private static final int N = 624;
    private static final int M = 397;
    private final int[] mt = new int[N];
    private int mti;

    /** A generator seeded with the low 32 bits of {@code seed}. */
    Mt19937(long seed) {
        seed(seed);
    }

    /** Re-seeds with {@code init_genrand(seed)}. */
    void seed(long seed) {
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        mti = N;
    }

    /** The next 32-bit output, as an unsigned value in a long. */
    long nextUint32() {
        if (mti >= N) {
            twist();
        }
        int y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return y & 0xFFFFFFFFL;
    }

    private void twist() {
        for (int k = 0; k < N; k++) {
            int y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
            int v = mt[(k + M) % N] ^ (y >>> 1);
            if ((y & 1) != 0) {
                v ^= 0x9908b0df;
            }
            mt[k] = v;
        }
        mti = 0;
    }

    /** numpy's legacy {@code RandomState.randint(high)} for 1 &lt;= high &lt;= 2^32: masked rejection sampling. */
    long numpyRandint(long high) {
        long rng = high - 1;
        if (rng == 0) {
            return 0;
        }
        if (rng == 0xFFFFFFFFL) {
            return nextUint32();
        }
        long mask = rng;
        mask |= mask >>> 1;
        mask |= mask >>> 2;
        mask |= mask >>> 4;
        mask |= mask >>> 8;
        mask |= mask >>> 16;
        long v;
        do {
            v = nextUint32() & mask;
        } while (v > rng);
        return v;
    }

    /** scikit-learn's {@code bounded_rand_int(range)}: a value in [0, range). */
    int boundedRandInt(int origRange) {
        long range = origRange & 0xFFFFFFFFL;
        long x = nextUint32();
        long m = x * range; // fits: both < 2^32, so the product < 2^64 (compared unsigned below)
        long l = m & 0xFFFFFFFFL;
        if (l < range) {
            long t = (-range) & 0xFFFFFFFFL;
            if (t >= range) {
                t -= range;
                if (t >= range) {
                    t %= range;
                }
            }
            while (l < t) {
                x = nextUint32();
                m = x * range;
                l = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }
}
