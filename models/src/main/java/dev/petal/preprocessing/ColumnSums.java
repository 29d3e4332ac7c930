package dev.petal.preprocessing;

/**
 * Column sums of a row-major matrix, rounded exactly as {@code numpy.sum(X, axis=0)} rounds them
 * for a C-ordered float64 array (numpy 1.24).
 *
 * <p>With two or more columns numpy adds the rows one after another. With one column the data is
 * contiguous along the summed axis, so numpy sums each buffer of 8192 values pairwise (blocks of
 * 8 partial sums below 128 values) and adds the buffers in turn.
 */
final class ColumnSums {
    private static final int BUFFER = 8192;
    private static final int BLOCK = 128;
    private static final int UNROLL = 8;

    private ColumnSums() {
    }

    /** The sum of each column of the {@code rows x cols} row-major {@code data}. */
    static double[] of(double[] data, int rows, int cols) {
        double[] s = new double[cols];
        if (rows == 0) {
            return s;
        }
        if (cols == 1) {
            double acc = 0.0;
            for (int start = 0; start < rows; start += BUFFER) {
                acc += pairwise(data, start, Math.min(BUFFER, rows - start));
            }
            s[0] = acc;
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

    /** numpy's {@code pairwise_sum_DOUBLE} over {@code n} contiguous values from {@code off}. */
    static double pairwise(double[] a, int off, int n) {
        if (n < UNROLL) {
            double res = 0.0;
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
