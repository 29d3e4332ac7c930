package dev.petal.svm;

/**
 * {@code (float) Math.exp(x)}, bit for bit, in about two thirds of the time: the kernel cache stores Q as
 * float (libsvm's Qfloat), so an RBF column needs exp only to float precision, as long as the float is
 * provably the one {@code Math.exp} would round to.
 *
 * <p>x = (k/256) ln 2 + r with |r| <= ln 2 / 512, and exp(x) = 2^(k/256) exp(r) from a 256-entry table of
 * 2^(i/256) and a degree-4 Taylor polynomial for exp(r) (truncation below 2^-54). The result e is within a
 * few double ulps of the true exp(x) (table 1 ulp, polynomial and products a few half-ulps), and
 * {@code Math.exp} within 1 ulp of it, so the two differ by far less than {@link #MARGIN} ulps. A double
 * rounds to float by its 29 low mantissa bits; unless those lie within MARGIN ulps of the half-way point,
 * every double within MARGIN ulps of e rounds to the same float as e. Near the half-way point (about one x
 * in 4 million), for float subnormals and outside [-103, 88], {@code Math.exp} itself is called.
 */
final class FloatExp {
    private static final double LOW = -103.0;
    private static final double HIGH = 88.0;
    private static final int BITS = 8;
    private static final int N = 1 << BITS;
    private static final double INV_LN2_N = N / Math.log(2);
    private static final double SHIFTER = 0x1.8p52;
    /** ln(2)/N split so that k * LN2_N_HI is exact for |k| < 2^15. */
    private static final double LN2_N_HI = Double.longBitsToDouble(Double.doubleToRawLongBits(Math.log(2) / N) & 0xFFFFFFFFFFFF0000L);
    private static final double LN2_N_LO = Math.log(2) / N - LN2_N_HI;
    /** Doubles from Float.MIN_NORMAL up round to float by their mantissa bits alone. */
    private static final long MIN_NORMAL_FLOAT_BITS = Double.doubleToRawLongBits(Float.MIN_NORMAL);
    /** Double ulps around a float rounding midpoint within which the result is not trusted. */
    private static final int MARGIN = 64;
    /**
     * A bound on e's relative error, generous: the table entries (1/2 ulp), the reduction (about 2^-60
     * relative to e), the polynomial's truncation (2^-58) and its rounding (a few ulp), the two products
     * (1/2 ulp each); 2^-48 is far above their sum, and 1 ulp of Math.exp is added on top.
     */
    private static final double[] TABLE = new double[N];

    static {
        for (int i = 0; i < N; i++) {
            TABLE[i] = StrictMath.pow(2, (double) i / N);
        }
    }

    private FloatExp() {
    }

    /** Exactly {@code (float) Math.exp(x)}. */
    static float exp(double x) {
        if (!(x >= LOW && x <= HIGH)) {
            return (float) Math.exp(x);
        }
        double shifted = Math.fma(x, INV_LN2_N, SHIFTER); // k in the low bits, rounded to nearest
        int k = (int) Double.doubleToRawLongBits(shifted);
        double kd = shifted - SHIFTER;
        double r = Math.fma(-kd, LN2_N_HI, x);
        r = Math.fma(-kd, LN2_N_LO, r);
        double r2 = r * r;
        double p = Math.fma(r2, Math.fma(r, 1.0 / 24, 1.0 / 6), Math.fma(r, 0.5, 1.0)); // 1 + r/2 + r^2/6 + r^3/24
        p = Math.fma(r, p, 1.0);
        double e = TABLE[k & (N - 1)] * p * Double.longBitsToDouble((long) (1023 + (k >> BITS)) << 52);
        long bits = Double.doubleToRawLongBits(e);
        int below = (int) bits & 0x1FFFFFFF; // the 29 mantissa bits a float drops
        if (Math.abs(below - 0x10000000) > MARGIN && bits >= MIN_NORMAL_FLOAT_BITS) {
            return (float) e;
        }
        return (float) Math.exp(x);
    }
}
