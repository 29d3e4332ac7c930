package dev.petal.datasets;

/**
 * The matrix products of {@code make_classification} summed in the order NumPy's {@code np.dot} sums them
 * through OpenBLAS 0.3.21's Haswell/Zen kernels with fused multiply-adds, so that the bits agree.
 *
 * <p>NumPy sends {@code (rows x k) @ (k x m)} to {@code dgemm} when both are matrices, to {@code dgemv} when
 * one is a single row or column. The orders below were measured against that library on this machine
 * (exact for every shape tried unless noted):
 * <ul>
 *   <li>dgemm: {@code c = x0*a0}, then {@code c = fma(xt, at, c)} for each later t. Not exact for the last
 *       row of an odd number of rows when k is 8 or more (the kernel's one-column edge sums differently, by
 *       a few ulps);</li>
 *   <li>one row ({@code dgemv_n}): per block of four terms {@code fma(x2,a2,x0*a0) + fma(x3,a3,x1*a1)}
 *       added to the total, then a pair and a single term added without fusion; outputs past the last
 *       multiple of four are plain sums;</li>
 *   <li>one column ({@code dgemv_t}): four lanes of fused sums over the terms up to the last multiple of
 *       four, combined as {@code (l0+l2)+(l1+l3)}, then the 1-3 leftover terms fused on. For k of 8 or more
 *       the kernel for the last rows (rows mod 4) blocks differently: reproduced for one leftover row up to
 *       k = 15, otherwise approximated by the same lanes.</li>
 * </ul>
 */
final class Products {
    private Products() {
    }

    /**
     * Replaces columns {@code [outCol, outCol + m)} of rows {@code [from, to)} of the row-major {@code x}
     * (row length {@code nf}) with {@code x[rows, 0:k] @ w}, {@code w} being k x m row-major.
     */
    static void multiplyInPlace(double[] x, int nf, int from, int to, int k, double[] w, int m, int outCol) {
        int rows = to - from;
        if (rows <= 0) {
            return;
        }
        double[] row = new double[k];
        double[] col = new double[k];
        double[] out = new double[m];
        for (int i = from; i < to; i++) {
            System.arraycopy(x, i * nf, row, 0, k);
            for (int j = 0; j < m; j++) {
                for (int t = 0; t < k; t++) {
                    col[t] = w[t * m + j];
                }
                out[j] = dot(row, col, k, rows, i - from, m, j);
            }
            System.arraycopy(out, 0, x, i * nf + outCol, m);
        }
    }

    private static double dot(double[] x, double[] a, int k, int rows, int rowIndex, int m, int outIndex) {
        if (k == 1) {
            return x[0] * a[0];
        }
        if (rows == 1 && m > 1) {
            return outIndex < (m & ~3) ? gemvN(x, a, k) : plainSum(x, a, k);
        }
        if (m == 1 && rows > 1) {
            boolean lastSingleRow = rows % 4 == 1 && rowIndex == rows - 1;
            return lastSingleRow && k >= 8 ? gemvTLastRow(x, a, k) : gemvT(x, a, k);
        }
        return fmaChain(x, a, k);
    }

    private static double fmaChain(double[] x, double[] a, int k) {
        double c = x[0] * a[0];
        for (int t = 1; t < k; t++) {
            c = Math.fma(x[t], a[t], c);
        }
        return c;
    }

    private static double plainSum(double[] x, double[] a, int k) {
        double c = 0.0;
        for (int t = 0; t < k; t++) {
            c += x[t] * a[t];
        }
        return c;
    }

    private static double gemvN(double[] x, double[] a, int k) {
        double y = 0.0;
        int t = 0;
        for (; t + 4 <= k; t += 4) {
            double even = Math.fma(x[t + 2], a[t + 2], x[t] * a[t]);
            double odd = Math.fma(x[t + 3], a[t + 3], x[t + 1] * a[t + 1]);
            y = y + (even + odd);
        }
        if (k - t >= 2) {
            y = y + (x[t] * a[t] + x[t + 1] * a[t + 1]);
            t += 2;
        }
        if (k - t == 1) {
            y = y + x[t] * a[t];
        }
        return y;
    }

    private static double gemvT(double[] x, double[] a, int k) {
        int m1 = k & ~3;
        double l0 = 0.0;
        double l1 = 0.0;
        double l2 = 0.0;
        double l3 = 0.0;
        for (int t = 0; t < m1; t += 4) {
            l0 = Math.fma(x[t], a[t], l0);
            l1 = Math.fma(x[t + 1], a[t + 1], l1);
            l2 = Math.fma(x[t + 2], a[t + 2], l2);
            l3 = Math.fma(x[t + 3], a[t + 3], l3);
        }
        return gemvTTail(x, a, k, m1 == 0 ? 0.0 : (l0 + l2) + (l1 + l3));
    }

    private static double gemvTLastRow(double[] x, double[] a, int k) {
        int m1 = k & ~3;
        double[] acc = new double[12];
        int t = 0;
        for (; t + 8 <= m1; t += 8) {
            for (int l = 0; l < 4; l++) {
                acc[l] = Math.fma(x[t + l], a[t + l], acc[l]);
                acc[4 + l] = Math.fma(x[t + 4 + l], a[t + 4 + l], acc[4 + l]);
            }
        }
        if (t < m1) {
            for (int l = 0; l < 4; l++) {
                acc[8 + l] = Math.fma(x[t + l], a[t + l], acc[8 + l]);
            }
        }
        double[] lane = new double[4];
        for (int l = 0; l < 4; l++) {
            lane[l] = (acc[l] + acc[4 + l]) + acc[8 + l];
        }
        return gemvTTail(x, a, k, (lane[0] + lane[2]) + (lane[1] + lane[3]));
    }

    private static double gemvTTail(double[] x, double[] a, int k, double y) {
        int t = k & ~3;
        return switch (k - t) {
            case 1 -> Math.fma(a[t], x[t], y);
            case 2 -> y + Math.fma(a[t], x[t], a[t + 1] * x[t + 1]);
            case 3 -> y + Math.fma(a[t + 2], x[t + 2], Math.fma(a[t], x[t], a[t + 1] * x[t + 1]));
            default -> y;
        };
    }
}
