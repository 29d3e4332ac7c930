package dev.petal.svm;

/**
 * numpy's float64 {@code sum} and {@code var} over a contiguous array, in numpy's exact order: the
 * reduction walks 8192-element buffers, adding each buffer's pairwise sum to the running total
 * (pairwise: sequential below 8 elements, 8 accumulators up to 128, halving above). Used for
 * gamma='scale', which divides by {@code X.var()}; checked bit for bit against numpy 1.24.
 */
final class NumpySum {
    private static final int BUFFER = 8192;

    private NumpySum() {
    }

    /** {@code np.sum(a)}. */
    static double sum(double[] a) {
        double res = 0.0;
        for (int s = 0; s < a.length; s += BUFFER) {
            res = res + pairwise(a, s, Math.min(BUFFER, a.length - s));
        }
        return res;
    }

    /** {@code np.var(a)} (ddof 0): mean by {@link #sum}, then the mean of squared deviations. */
    static double var(double[] a) {
        int n = a.length;
        double mean = sum(a) / n;
        double[] dev = new double[n];
        for (int i = 0; i < n; i++) {
            double t = a[i] - mean;
            dev[i] = t * t;
        }
        return sum(dev) / n;
    }

    private static double pairwise(double[] a, int off, int n) {
        if (n < 8) {
            double res = -0.0;
            for (int i = 0; i < n; i++) {
                res += a[off + i];
            }
            return res;
        } else if (n <= 128) {
            double r0 = a[off], r1 = a[off + 1], r2 = a[off + 2], r3 = a[off + 3];
            double r4 = a[off + 4], r5 = a[off + 5], r6 = a[off + 6], r7 = a[off + 7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                r0 += a[off + i];
                r1 += a[off + i + 1];
                r2 += a[off + i + 2];
                r3 += a[off + i + 3];
                r4 += a[off + i + 4];
                r5 += a[off + i + 5];
                r6 += a[off + i + 6];
                r7 += a[off + i + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[off + i];
            }
            return res;
        } else {
            int n2 = n / 2;
            n2 -= n2 % 8;
            return pairwise(a, off, n2) + pairwise(a, off + n2, n - n2);
        }
    }
}
