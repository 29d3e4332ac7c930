package dev.petal.linear.liblinear;

import java.math.BigInteger;

/**
 * The level-1 BLAS calls scikit-learn's TRON makes through scipy, in the exact arithmetic of the
 * OpenBLAS 0.3.21 x86-64 (Haswell/Zen) kernels on the reference machine: {@code ddot} sums the first
 * {@code n & -16} terms in 16 fused-multiply-add lanes then the rest one by one; {@code daxpy} updates the
 * first {@code n & -16} values with a fused multiply-add and the rest with a multiply and an add;
 * {@code dnrm2} sums the squares in four x87 extended-precision (64-bit significand) accumulators taken
 * in turn, adds them as {@code (a0 + a1) + (a2 + a3)}, takes the extended square root and rounds it to
 * double. Checked against {@code scipy.linalg.blas} on the reference machine (2,000 random vectors for
 * {@code dnrm2}, all equal).
 */
final class OpenBlas {
    private OpenBlas() {
    }

    /** {@code ddot(n, a, 1, b, 1)}. */
    static double dot(double[] a, double[] b, int n) {
        int n1 = n & -16;
        double dot = 0.0;
        if (n1 > 0) {
            double[] acc = new double[16];
            for (int i = 0; i < n1; i += 16) {
                for (int k = 0; k < 16; k++) {
                    acc[k] = Math.fma(a[i + k], b[i + k], acc[k]);
                }
            }
            double r0x = acc[0] + acc[2];
            double r0y = acc[1] + acc[3];
            double r1x = acc[4] + acc[6];
            double r1y = acc[5] + acc[7];
            double r2x = acc[8] + acc[10];
            double r2y = acc[9] + acc[11];
            double r3x = acc[12] + acc[14];
            double r3y = acc[13] + acc[15];
            dot = ((r0x + r1x) + (r2x + r3x)) + ((r0y + r1y) + (r2y + r3y));
        }
        for (int i = n1; i < n; i++) {
            dot += b[i] * a[i];
        }
        return dot;
    }

    /** {@code daxpy(n, alpha, x, 1, y, 1)}: {@code y += alpha * x}. */
    static void axpy(int n, double alpha, double[] x, double[] y) {
        int n1 = n & -16;
        for (int i = 0; i < n1; i++) {
            y[i] = Math.fma(alpha, x[i], y[i]);
        }
        for (int i = n1; i < n; i++) {
            y[i] += alpha * x[i];
        }
    }

    /** {@code dscal(n, alpha, x, 1)}. */
    static void scal(int n, double alpha, double[] x) {
        for (int i = 0; i < n; i++) {
            x[i] *= alpha;
        }
    }

    /** {@code dnrm2(n, x, 1)} with the x87 kernel's extended-precision sums. */
    static double nrm2(int n, double[] x) {
        Ext[] acc = {Ext.ZERO, Ext.ZERO, Ext.ZERO, Ext.ZERO};
        for (int i = 0; i < n; i++) {
            if (x[i] != 0) {
                acc[i & 3] = acc[i & 3].add(Ext.square(x[i]));
            }
        }
        return acc[0].add(acc[1]).add(acc[2].add(acc[3])).sqrtToDouble();
    }

    /** A non-negative x87 extended value {@code m * 2^e} with {@code m < 2^64}, rounded to nearest even. */
    private record Ext(BigInteger m, int e) {
        static final Ext ZERO = new Ext(BigInteger.ZERO, 0);
        private static final int BITS = 64;

        static Ext square(double v) {
            long bits = Double.doubleToRawLongBits(Math.abs(v));
            int exp = (int) (bits >>> 52);
            long mant = bits & 0xFFFFFFFFFFFFFL;
            if (exp == 0) {
                exp = 1;
            } else {
                mant |= 1L << 52;
            }
            BigInteger m = BigInteger.valueOf(mant);
            return round(m.multiply(m), 2 * (exp - 1075));
        }

        Ext add(Ext o) {
            if (m.signum() == 0) {
                return o;
            }
            if (o.m.signum() == 0) {
                return this;
            }
            int lo = Math.min(e, o.e);
            return round(m.shiftLeft(e - lo).add(o.m.shiftLeft(o.e - lo)), lo);
        }

        /** The square root rounded to 64 bits (fsqrt), then to double (the store). */
        double sqrtToDouble() {
            if (m.signum() == 0) {
                return 0.0;
            }
            BigInteger mm = m;
            int ee = e;
            int shift = 2 * BITS + 4 - mm.bitLength();
            if (shift > 0) {
                if (((ee - shift) & 1) != 0) {
                    shift++;
                }
                mm = mm.shiftLeft(shift);
                ee -= shift;
            } else if ((ee & 1) != 0) {
                mm = mm.shiftLeft(1);
                ee -= 1;
            }
            BigInteger[] sr = mm.sqrtAndRemainder();
            BigInteger root = sr[0];
            boolean inexact = sr[1].signum() != 0;
            Ext r64 = roundSticky(root, ee / 2, inexact);
            return r64.toDouble();
        }

        double toDouble() {
            Ext r = roundTo(m, e, 53, false);
            return Math.scalb((double) r.m.longValueExact(), r.e);
        }

        private static Ext round(BigInteger m, int e) {
            return roundTo(m, e, BITS, false);
        }

        private static Ext roundSticky(BigInteger m, int e, boolean sticky) {
            return roundTo(m, e, BITS, sticky);
        }

        private static Ext roundTo(BigInteger m, int e, int bits, boolean sticky) {
            int excess = m.bitLength() - bits;
            if (excess <= 0) {
                return new Ext(m, e);
            }
            BigInteger q = m.shiftRight(excess);
            BigInteger rem = m.subtract(q.shiftLeft(excess));
            BigInteger half = BigInteger.ONE.shiftLeft(excess - 1);
            int cmp = rem.compareTo(half);
            if (cmp == 0 && sticky) {
                cmp = 1;
            }
            if (cmp > 0 || (cmp == 0 && q.testBit(0))) {
                q = q.add(BigInteger.ONE);
                if (q.bitLength() > bits) {
                    q = q.shiftRight(1);
                    excess++;
                }
            }
            return new Ext(q, e + excess);
        }
    }
}
