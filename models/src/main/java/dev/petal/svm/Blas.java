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
}
