package dev.petal.numeric;

/**
 * numpy's float64 reductions in numpy's exact rounding order (checked bit for bit against numpy
 * 1.24), so values derived from them — gamma='scale', StandardScaler's mean and variance — equal
 * scikit-learn's to the last bit.
 *
 * <p>A reduction over contiguous values walks buffers of 8192, adding each buffer's pairwise sum
 * to the running total (pairwise: sequential below 8 values, 8 accumulators up to 128, halving
 * above). {@code sum(X, axis=0)} of a C-ordered matrix with two or more columns instead adds the
 * rows one after another.
 */
public final class NumpySum {
    private static final int BUFFER = 8192;
    private static final int BLOCK = 128;
    private static final int UNROLL = 8;

    private NumpySum() {
    }

    /** {@code np.sum(a)} of a 1-D array. */
    public static double sum(double[] a) {
        return sum(a, 0, a.length);
    }

    /** {@code np.var(a)} (ddof 0): the mean by {@link #sum}, then the mean of the squared deviations. */
    public static double var(double[] a) {
        int n = a.length;
        double mean = sum(a) / n;
        // the squared deviations one buffer at a time (each buffer's pairwise sum is all that np.sum
        // takes from it), so a large X is not held twice
        double[] dev = new double[Math.min(n, BUFFER)];
        double res = 0.0;
        for (int s = 0; s < n; s += BUFFER) {
            int len = Math.min(BUFFER, n - s);
            for (int i = 0; i < len; i++) {
                double t = a[s + i] - mean;
                dev[i] = t * t;
            }
            res += pairwise(dev, 0, len);
        }
        return res / n;
    }

    /** {@code np.sum(X, axis=0)} of the {@code rows x cols} row-major {@code data}. */
    public static double[] columnSums(double[] data, int rows, int cols) {
        double[] s = new double[cols];
        if (rows == 0) {
            return s;
        }
        if (cols == 1) {
            s[0] = sum(data, 0, rows);
            return s;
        }
        System.arraycopy(data, 0, s, 0, cols);
        for (int i = 1; i < rows; i++) {
            int off = i * cols;
            for (int j = 0; j < cols; j++) {
                s[j] += data[off + j];
            }
        }
        return s;
    }

    private static double sum(double[] a, int off, int n) {
        double res = 0.0;
        for (int s = 0; s < n; s += BUFFER) {
            res += pairwise(a, off + s, Math.min(BUFFER, n - s));
        }
        return res;
    }

    /** numpy's {@code pairwise_sum_DOUBLE} over {@code n} contiguous values from {@code off}. */
    private static double pairwise(double[] a, int off, int n) {
        if (n < UNROLL) {
            double res = -0.0;
            for (int i = 0; i < n; i++) {
                res += a[off + i];
            }
            return res;
        }
        if (n <= BLOCK) {
            double r0 = a[off];
            double r1 = a[off + 1];
            double r2 = a[off + 2];
            double r3 = a[off + 3];
            double r4 = a[off + 4];
            double r5 = a[off + 5];
            double r6 = a[off + 6];
            double r7 = a[off + 7];
            int i = UNROLL;
            int end = n - n % UNROLL;
            for (; i < end; i += UNROLL) {
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
        }
        int n2 = n / 2;
        n2 -= n2 % UNROLL;
        return pairwise(a, off, n2) + pairwise(a, off + n2, n - n2);
    }
}
