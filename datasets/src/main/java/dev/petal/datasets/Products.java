package dev.petal.datasets;

/**
 * The matrix products of {@code make_classification} summed in the order NumPy's {@code np.dot} sums them
 * through OpenBLAS 0.3.21 (Haswell/Zen kernels, 2 threads: the reference machine), so that the bits agree.
 *
 * <p>NumPy sends {@code (rows x k) @ (k x m)} to {@code dgemm} when both are matrices, to {@code dgemv} when
 * one is a single row or column, to {@code ddot} when both are. The orders below were measured against that
 * library ({@code fixtures/gen_make_classification.py} keeps the evidence):
 * <ul>
 *   <li>dgemm: {@code c = x0*a0}, then {@code c = fma(xt, at, c)}; except on the one-column edge of the
 *       kernel (the last row of a block with an odd number of rows, in the output columns of whole blocks
 *       of four): four fused accumulators over t mod 4 in blocks of eight terms, leftover terms fused into
 *       the first, combined as {@code (c0+c1)+(c2+c3)}. Above 262144 multiply-adds the two threads split the
 *       output columns in two and the rows in four blocks, each with its own edge;</li>
 *   <li>dgemv_t (one column): rows in groups of four get four fused lanes over the terms up to the last
 *       multiple of four, combined as {@code (l0+l2)+(l1+l3)}; of the rows left, a pair gets two unfused
 *       lanes, a last single row four unfused lanes; then the 1-3 leftover terms are fused on. From 9216
 *       multiply-adds the rows are split between the two threads;</li>
 *   <li>dgemv_n (one row): per block of four terms {@code fma(x2,a2,x0*a0) + fma(x3,a3,x1*a1)} added to the
 *       total, then a pair and a single term unfused; outputs past the last multiple of four are unfused
 *       sums (in pairs of terms when there are fewer than four outputs);</li>
 *   <li>ddot: an unfused sum (exact below 16 terms; OpenBLAS's 16-lane kernel above that is not reproduced).</li>
 * </ul>
 */
final class Products {
    private static final int THREADS = 2;
    private static final double GEMM_THREADED_ABOVE = 65536.0 * 4;
    private static final long GEMV_THREADED_FROM = 2304L * 4;

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
        double[][] cols = new double[m][k];
        for (int t = 0; t < k; t++) {
            for (int j = 0; j < m; j++) {
                cols[j][t] = w[t * m + j];
            }
        }
        double[] row = new double[k];
        double[] out = new double[m];
        int[] blockEnd = rowBlockEnds(rows, k, m);
        boolean[] edgeColumn = edgeColumns(rows, k, m);
        int block = 0;
        int blockStart = 0;
        for (int r = 0; r < rows; r++) {
            while (r >= blockEnd[block]) {
                blockStart = blockEnd[block++];
            }
            int base = (from + r) * nf;
            System.arraycopy(x, base, row, 0, k);
            for (int j = 0; j < m; j++) {
                out[j] = dot(row, cols[j], k, rows, m, j, r - blockStart, blockEnd[block] - blockStart, edgeColumn[j]);
            }
            System.arraycopy(out, 0, x, base + outCol, m);
        }
    }

    /** The row blocks each BLAS kernel call sees: one, or the threads' shares (gemv: 2, gemm: 2 x 2). */
    private static int[] rowBlockEnds(int rows, int k, int m) {
        if (k > 1 && m == 1 && rows > 1 && (long) rows * k >= GEMV_THREADED_FROM) {
            int first = Math.min(rows, Math.max(4, (rows + THREADS - 1) / THREADS));
            return first == rows ? new int[] {rows} : new int[] {first, rows};
        }
        if (k > 1 && m > 1 && rows > 1 && (double) rows * k * m > GEMM_THREADED_ABOVE) {
            int first = (rows + 1) / 2;
            int second = rows - first;
            int a = (first + 1) / 2;
            int b = (second + 1) / 2;
            return new int[] {a, first, first + b, rows};
        }
        return new int[] {rows};
    }

    /** For dgemm: the output columns inside whole blocks of four of each thread's column range. */
    private static boolean[] edgeColumns(int rows, int k, int m) {
        boolean[] edge = new boolean[m];
        boolean threaded = (double) rows * k * m > GEMM_THREADED_ABOVE;
        int split = threaded ? (m + 1) / 2 : m;
        for (int j = 0; j < m; j++) {
            int offset = j < split ? j : j - split;
            int width = j < split ? split : m - split;
            edge[j] = offset < (width & ~3);
        }
        return edge;
    }

    private static double dot(double[] x, double[] a, int k, int rows, int m, int j, int inBlock, int blockRows,
                              boolean edgeColumn) {
        if (k == 1) {
            return x[0] * a[0];
        }
        if (rows == 1) {
            if (m == 1) {
                return plainSum(x, a, k);
            }
            if (j < (m & ~3)) {
                return gemvN(x, a, k);
            }
            return m < 4 ? pairedSum(x, a, k) : plainSum(x, a, k);
        }
        if (m == 1) {
            int grouped = blockRows & ~3;
            if (inBlock < grouped) {
                return gemvT(x, a, k);
            }
            boolean pair = (blockRows & 2) != 0 && inBlock < grouped + 2;
            return gemvTEdge(x, a, k, pair ? 2 : 4);
        }
        boolean edgeRow = blockRows % 2 == 1 && inBlock == blockRows - 1;
        return edgeRow && edgeColumn ? gemmEdge(x, a, k) : fmaChain(x, a, k);
    }

    private static double fmaChain(double[] x, double[] a, int k) {
        double c = x[0] * a[0];
        for (int t = 1; t < k; t++) {
            c = Math.fma(x[t], a[t], c);
        }
        return c;
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

    private static double plainSum(double[] x, double[] a, int k) {
        double c = 0.0;
        for (int t = 0; t < k; t++) {
            c += x[t] * a[t];
        }
        return c;
    }

    private static double pairedSum(double[] x, double[] a, int k) {
        double c = 0.0;
        int t = 0;
        for (; t + 2 <= (k & ~3); t += 2) {
            c += x[t] * a[t] + x[t + 1] * a[t + 1];
        }
        for (; t < k; t++) {
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
