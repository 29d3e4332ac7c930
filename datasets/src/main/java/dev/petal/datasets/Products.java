package dev.petal.datasets;

/**
 * The matrix products of {@code make_classification} summed in the order NumPy's {@code np.dot} sums them
 * through OpenBLAS 0.3.21's Haswell/Zen kernels with fused multiply-adds, so that the bits agree.
 *
 * <p>NumPy sends {@code (rows x k) @ (k x m)} to {@code dgemm} when both are matrices, to {@code dgemv} when
 * one is a single row or column. The orders below were measured against that library on this machine
 * (exact for every shape tried unless noted):
 * <ul>
 *   <li>dgemm: {@code c = x0*a0}, then {@code c = fma(xt, at, c)} for each later t; except the last row of
 *       an odd number of rows, in the output columns up to the last multiple of four (the kernel's
 *       one-column edge): four fused accumulators over t mod 4 in blocks of eight terms, the leftover terms
 *       fused into the first, combined as {@code (c0+c1)+(c2+c3)};</li>
 *   <li>one row ({@code dgemv_n}): per block of four terms {@code fma(x2,a2,x0*a0) + fma(x3,a3,x1*a1)}
 *       added to the total, then a pair and a single term added without fusion; outputs past the last
 *       multiple of four are plain sums;</li>
 *   <li>one column ({@code dgemv_t}): rows in groups of four get four lanes of fused sums over the terms
 *       up to the last multiple of four, combined as {@code (l0+l2)+(l1+l3)}; of the rows left, a pair gets
 *       two unfused lanes {@code l0+l1} and a last single row four unfused lanes {@code (l0+l2)+(l1+l3)};
 *       then the 1-3 leftover terms are fused on.</li>
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
            int grouped = rows & ~3;
            if (rowIndex < grouped) {
                return gemvT(x, a, k);
            }
            boolean pair = (rows & 2) != 0 && rowIndex < grouped + 2;
            return gemvTEdge(x, a, k, pair ? 2 : 4);
        }
        boolean singleColumnEdge = rows % 2 == 1 && rowIndex == rows - 1 && outIndex < (m & ~3);
        return singleColumnEdge ? gemmEdge(x, a, k) : fmaChain(x, a, k);
    }

    private static double gemmEdge(double[] x, double[] a, int k) {
        double[] acc = new double[4];
        int main = k & ~7;
        for (int t = 0; t < main; t++) {
            acc[t & 3] = Math.fma(x[t], a[t], acc[t & 3]);
        }
        for (int t = main; t < k; t++) {
            acc[0] = Math.fma(x[t], a[t], acc[0]);
        }
        return (acc[0] + acc[1]) + (acc[2] + acc[3]);
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

    /** The one-column kernels for the rows past the last multiple of four: two unfused lanes, or four. */
    private static double gemvTEdge(double[] x, double[] a, int k, int lanes) {
        int m1 = k & ~3;
        if (m1 == 0) {
            return gemvTTail(x, a, k, 0.0);
        }
        double[] acc = new double[lanes];
        for (int t = 0; t < m1; t++) {
            acc[t % lanes] += x[t] * a[t];
        }
        double y = lanes == 2 ? acc[0] + acc[1] : (acc[0] + acc[2]) + (acc[1] + acc[3]);
        return gemvTTail(x, a, k, y);
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
