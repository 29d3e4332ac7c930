package dev.petal.svm;

/**
 * The dot product in the exact summation order of the BLAS that scikit-learn 1.2.1's libsvm calls
 * (OpenBLAS 0.3.21 {@code ddot}, Haswell/Zen kernel, unit strides), so kernel values match bit for bit.
 *
 * <p>The first {@code n & -16} terms go to 16 lanes (4 registers of 4) accumulated with fused
 * multiply-add; each register folds its high half onto its low half, registers 0+1 and 2+3 are added,
 * then the two sums, then the two lanes. The remaining terms are added one by one with a separate
 * multiply and add. Checked against {@code scipy.linalg.blas.ddot} on this machine for lengths 3 to 100.
 */
final class Blas {
    private Blas() {
    }

    /** {@code sum_k a[ao+k] * b[bo+k]} for k in [0, n), in OpenBLAS's order. */
    static double dot(double[] a, int ao, double[] b, int bo, int n) {
        int n1 = n & -16;
        double dot = 0.0;
        if (n1 > 0) {
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0;
            double a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0, a14 = 0, a15 = 0;
            for (int i = 0; i < n1; i += 16) {
                int p = ao + i;
                int q = bo + i;
                a0 = Math.fma(a[p], b[q], a0);
                a1 = Math.fma(a[p + 1], b[q + 1], a1);
                a2 = Math.fma(a[p + 2], b[q + 2], a2);
                a3 = Math.fma(a[p + 3], b[q + 3], a3);
                a4 = Math.fma(a[p + 4], b[q + 4], a4);
                a5 = Math.fma(a[p + 5], b[q + 5], a5);
                a6 = Math.fma(a[p + 6], b[q + 6], a6);
                a7 = Math.fma(a[p + 7], b[q + 7], a7);
                a8 = Math.fma(a[p + 8], b[q + 8], a8);
                a9 = Math.fma(a[p + 9], b[q + 9], a9);
                a10 = Math.fma(a[p + 10], b[q + 10], a10);
                a11 = Math.fma(a[p + 11], b[q + 11], a11);
                a12 = Math.fma(a[p + 12], b[q + 12], a12);
                a13 = Math.fma(a[p + 13], b[q + 13], a13);
                a14 = Math.fma(a[p + 14], b[q + 14], a14);
                a15 = Math.fma(a[p + 15], b[q + 15], a15);
            }
            // per register: [l0+l2, l1+l3]; then (r0+r1), (r2+r3), their sum, then the two lanes
            double r0x = a0 + a2, r0y = a1 + a3;
            double r1x = a4 + a6, r1y = a5 + a7;
            double r2x = a8 + a10, r2y = a9 + a11;
            double r3x = a12 + a14, r3y = a13 + a15;
            double s01x = r0x + r1x, s01y = r0y + r1y;
            double s23x = r2x + r3x, s23y = r2y + r3y;
            dot = (s01x + s23x) + (s01y + s23y);
        }
        for (int i = n1; i < n; i++) {
            dot += b[bo + i] * a[ao + i];
        }
        return dot;
    }

    /**
     * Columns per block of {@link #dots} and {@link #squaredDistances} (a power of two): the lane arrays stay in
     * L1, and the scratch of a call is this many entries per array, whatever the data's size.
     */
    static final int BLOCK = 256;

    /**
     * {@code out[j] = dot(a[ao, ao+d), b_j)} for j in [from, to), where b_j is {@code bt[f][j]}
     * (feature-major). Each value is bit-identical to {@link #dot} with the same operands: lane k of the
     * 16 accumulators is the array {@code acc[k]} (all but the last 16-term chunk), the last chunk is
     * folded straight into the four partial sums {@code acc[16..19]} of {@link #dot}'s fold, and every
     * array is indexed by j alone, so each loop over j carries no dependence and C2 vectorizes it (an offset
     * index on one array, {@code c[j - from]}, stops C2's vectorization and doubles the time). {@code bt} is one
     * {@link FeatureMajor} block, so j is local to it and below {@link #BLOCK}; {@code acc} holds 20 arrays;
     * all arrays hold at least {@code to} entries.
     */
    static void dots(double[] a, int ao, double[][] bt, int from, int to, int d, double[][] acc, double[] out) {
        int n1 = d & -16;
        if (n1 > 0) {
            int last = n1 - 16;
            for (int k = 0; k < 16 && k < last; k++) { // lane k: features k, k+16, ... below last, in order
                for (int f = k; f < last; f += 32) {
                    double[] c = acc[k];
                    if (f + 16 < last) {
                        lanePairDot(a[ao + f], a[ao + f + 16], bt[f], bt[f + 16], c, f == k, from, to);
                    } else {
                        laneDot(a[ao + f], bt[f], c, f == k, from, to);
                    }
                }
            }
            for (int g = 0; g < 4; g++) {
                int k = (g >> 1) * 8 + (g & 1);
                int f = ao + last + k;
                double[] s = acc[16 + g];
                if (last == 0) {
                    firstGroup(a[f], a[f + 2], a[f + 4], a[f + 6], bt[k], bt[k + 2], bt[k + 4], bt[k + 6], s, from, to);
                } else {
                    lastGroup(a[f], a[f + 2], a[f + 4], a[f + 6], bt[last + k], bt[last + k + 2], bt[last + k + 4],
                            bt[last + k + 6], acc[k], acc[k + 2], acc[k + 4], acc[k + 6], s, from, to);
                }
            }
            fold(acc, from, to, out);
        } else {
            java.util.Arrays.fill(out, from, to, 0.0);
        }
        int f = n1;
        for (; f + 4 <= d; f += 4) { // dot's sequential tail, four terms per pass
            double a0 = a[ao + f];
            double a1 = a[ao + f + 1];
            double a2 = a[ao + f + 2];
            double a3 = a[ao + f + 3];
            double[] b0 = bt[f];
            double[] b1 = bt[f + 1];
            double[] b2 = bt[f + 2];
            double[] b3 = bt[f + 3];
            for (int j = from; j < to; j++) {
                out[j] = (((out[j] + b0[j] * a0) + b1[j] * a1) + b2[j] * a2) + b3[j] * a3;
            }
        }
        for (; f < d; f++) {
            double af = a[ao + f];
            double[] b = bt[f];
            for (int j = from; j < to; j++) {
                out[j] += b[j] * af;
            }
        }
    }

    /**
     * One lane of the 16 over the chunks before the last, two features per pass, so a lane's partial sum
     * goes through memory once per two terms: {@code c[j] = fma(x1, b1[j], fma(x0, b0[j], c[j] or 0))}.
     */
    private static void lanePairDot(double x0, double x1, double[] b0, double[] b1, double[] c, boolean first, int from,
                                    int to) {
        if (first) {
            for (int j = from; j < to; j++) {
                c[j] = Math.fma(x1, b1[j], Math.fma(x0, b0[j], 0.0));
            }
        } else {
            for (int j = from; j < to; j++) {
                c[j] = Math.fma(x1, b1[j], Math.fma(x0, b0[j], c[j]));
            }
        }
    }

    /** {@link #lanePairDot} for a lane's one remaining feature. */
    private static void laneDot(double x0, double[] b0, double[] c, boolean first, int from, int to) {
        if (first) {
            for (int j = from; j < to; j++) {
                c[j] = Math.fma(x0, b0[j], 0.0);
            }
        } else {
            for (int j = from; j < to; j++) {
                c[j] = Math.fma(x0, b0[j], c[j]);
            }
        }
    }

    /** {@link #lanePairDot} on the squared differences. */
    private static void lanePairSq(double x0, double x1, double[] b0, double[] b1, double[] c, boolean first, int from,
                                   int to) {
        if (first) {
            for (int j = from; j < to; j++) {
                double d0 = x0 - b0[j];
                double d1 = x1 - b1[j];
                c[j] = Math.fma(d1, d1, Math.fma(d0, d0, 0.0));
            }
        } else {
            for (int j = from; j < to; j++) {
                double d0 = x0 - b0[j];
                double d1 = x1 - b1[j];
                c[j] = Math.fma(d1, d1, Math.fma(d0, d0, c[j]));
            }
        }
    }

    /** {@link #laneDot} on the squared differences. */
    private static void laneSq(double x0, double[] b0, double[] c, boolean first, int from, int to) {
        if (first) {
            for (int j = from; j < to; j++) {
                double d0 = x0 - b0[j];
                c[j] = Math.fma(d0, d0, 0.0);
            }
        } else {
            for (int j = from; j < to; j++) {
                double d0 = x0 - b0[j];
                c[j] = Math.fma(d0, d0, c[j]);
            }
        }
    }

    /** One partial sum of the fold, {@code (l0 + l2) + (l4 + l6)}, when each lane holds one product. */
    private static void firstGroup(double x0, double x2, double x4, double x6, double[] b0, double[] b2, double[] b4,
                                   double[] b6, double[] s, int from, int to) {
        for (int j = from; j < to; j++) {
            s[j] = (Math.fma(x0, b0[j], 0.0) + Math.fma(x2, b2[j], 0.0)) + (Math.fma(x4, b4[j], 0.0) + Math.fma(x6, b6[j], 0.0));
        }
    }

    /** One partial sum of the fold after the last chunk's products are accumulated onto the lanes. */
    private static void lastGroup(double x0, double x2, double x4, double x6, double[] b0, double[] b2, double[] b4,
                                  double[] b6, double[] c0, double[] c2, double[] c4, double[] c6, double[] s, int from,
                                  int to) {
        for (int j = from; j < to; j++) {
            s[j] = (Math.fma(x0, b0[j], c0[j]) + Math.fma(x2, b2[j], c2[j]))
                    + (Math.fma(x4, b4[j], c4[j]) + Math.fma(x6, b6[j], c6[j]));
        }
    }

    /**
     * {@code out[j] = sum_f (a[ao+f] - bt[f][j])^2} for j in [from, to): the differences' dot product with
     * itself in {@link #dot}'s order, as libsvm's prediction RBF computes it; layout as in {@link #dots}.
     */
    static void squaredDistances(double[] a, int ao, double[][] bt, int from, int to, int d, double[][] acc,
                                 double[] out) {
        int n1 = d & -16;
        if (n1 > 0) {
            int last = n1 - 16;
            for (int k = 0; k < 16 && k < last; k++) { // lane k: features k, k+16, ... below last, in order
                for (int f = k; f < last; f += 32) {
                    double[] c = acc[k];
                    if (f + 16 < last) {
                        lanePairSq(a[ao + f], a[ao + f + 16], bt[f], bt[f + 16], c, f == k, from, to);
                    } else {
                        laneSq(a[ao + f], bt[f], c, f == k, from, to);
                    }
                }
            }
            for (int g = 0; g < 4; g++) {
                int k = (g >> 1) * 8 + (g & 1);
                int f = ao + last + k;
                double[] s = acc[16 + g];
                if (last == 0) {
                    firstGroupSq(a[f], a[f + 2], a[f + 4], a[f + 6], bt[k], bt[k + 2], bt[k + 4], bt[k + 6], s, from, to);
                } else {
                    lastGroupSq(a[f], a[f + 2], a[f + 4], a[f + 6], bt[last + k], bt[last + k + 2], bt[last + k + 4],
                            bt[last + k + 6], acc[k], acc[k + 2], acc[k + 4], acc[k + 6], s, from, to);
                }
            }
            fold(acc, from, to, out);
        } else {
            java.util.Arrays.fill(out, from, to, 0.0);
        }
        int f = n1;
        for (; f + 4 <= d; f += 4) { // the sequential tail, four terms per pass
            double a0 = a[ao + f];
            double a1 = a[ao + f + 1];
            double a2 = a[ao + f + 2];
            double a3 = a[ao + f + 3];
            double[] b0 = bt[f];
            double[] b1 = bt[f + 1];
            double[] b2 = bt[f + 2];
            double[] b3 = bt[f + 3];
            for (int j = from; j < to; j++) {
                double d0 = a0 - b0[j];
                double d1 = a1 - b1[j];
                double d2 = a2 - b2[j];
                double d3 = a3 - b3[j];
                out[j] = (((out[j] + d0 * d0) + d1 * d1) + d2 * d2) + d3 * d3;
            }
        }
        for (; f < d; f++) {
            double af = a[ao + f];
            double[] b = bt[f];
            for (int j = from; j < to; j++) {
                double diff = af - b[j];
                out[j] += diff * diff;
            }
        }
    }

    private static void firstGroupSq(double x0, double x2, double x4, double x6, double[] b0, double[] b2, double[] b4,
                                     double[] b6, double[] s, int from, int to) {
        for (int j = from; j < to; j++) {
            double d0 = x0 - b0[j];
            double d2 = x2 - b2[j];
            double d4 = x4 - b4[j];
            double d6 = x6 - b6[j];
            s[j] = (Math.fma(d0, d0, 0.0) + Math.fma(d2, d2, 0.0)) + (Math.fma(d4, d4, 0.0) + Math.fma(d6, d6, 0.0));
        }
    }

    private static void lastGroupSq(double x0, double x2, double x4, double x6, double[] b0, double[] b2, double[] b4,
                                    double[] b6, double[] c0, double[] c2, double[] c4, double[] c6, double[] s, int from,
                                    int to) {
        for (int j = from; j < to; j++) {
            double d0 = x0 - b0[j];
            double d2 = x2 - b2[j];
            double d4 = x4 - b4[j];
            double d6 = x6 - b6[j];
            s[j] = (Math.fma(d0, d0, c0[j]) + Math.fma(d2, d2, c2[j])) + (Math.fma(d4, d4, c4[j]) + Math.fma(d6, d6, c6[j]));
        }
    }

    /** {@link #dot}'s last two levels: {@code (s01x + s23x) + (s01y + s23y)} from {@code acc[16..19]}. */
    private static void fold(double[][] acc, int from, int to, double[] out) {
        double[] s01x = acc[16];
        double[] s01y = acc[17];
        double[] s23x = acc[18];
        double[] s23y = acc[19];
        for (int j = from; j < to; j++) {
            out[j] = (s01x[j] + s23x[j]) + (s01y[j] + s23y[j]);
        }
    }

    /**
     * Scratch for the block kernels of one thread in one call: 16 lane arrays, 4 partial sums and one result
     * array of {@link #BLOCK} entries each (about 42 KB), indexed like a {@link FeatureMajor} block, so its size
     * never depends on the data's; owned by the call's {@link Team} and freed with it.
     */
    static final class Scratch {
        final double[][] acc = new double[20][BLOCK];
        final double[] out = new double[BLOCK];
    }
}
