package dev.petal.linear.liblinear;

import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;

/**
 * liblinear's {@code problem}: {@code l} rows of sparse features (0-based column, value; ascending
 * columns) with the bias feature appended as column {@code n - 1} when {@code bias > 0}, as
 * scikit-learn's {@code liblinear_helper.c} builds it (a dense row keeps only its non-zeros, a CSR row
 * every stored value). Row {@code k} spans {@code start[k] .. start[k+1]} of {@code index} and {@code value}.
 */
final class Problem {
    final int l;
    final int n;
    final int[] start;
    final int[] index;
    final double[] value;

    Problem(int l, int n, int[] start, int[] index, double[] value) {
        this.l = l;
        this.n = n;
        this.start = start;
        this.index = index;
        this.value = value;
    }

    /** The rows {@code rows[0], rows[1], ...} of {@code x}, with the bias feature when {@code bias > 0}. */
    static Problem of(RowSource x, int[] rows, double bias) {
        boolean hasBias = bias > 0;
        int d = x.cols();
        int n = d + (hasBias ? 1 : 0);
        int l = rows.length;
        int[] start = new int[l + 1];
        if (x instanceof CsrMatrix c) {
            int[] ptr = c.indptr();
            int[] idx = c.indices();
            double[] val = c.data();
            long nnz = 0;
            for (int r : rows) {
                nnz += ptr[r + 1] - ptr[r] + (hasBias ? 1 : 0);
            }
            int[] index = new int[Math.toIntExact(nnz)];
            double[] value = new double[index.length];
            int k = 0;
            for (int t = 0; t < l; t++) {
                int r = rows[t];
                for (int p = ptr[r]; p < ptr[r + 1]; p++) {
                    index[k] = idx[p];
                    value[k++] = val[p];
                }
                if (hasBias) {
                    index[k] = d;
                    value[k++] = bias;
                }
                start[t + 1] = k;
            }
            return new Problem(l, n, start, index, value);
        }
        Matrix m = (Matrix) x;
        double[] row = new double[d];
        long nnz = 0;
        for (int r : rows) {
            m.copyRow(r, row, 0);
            for (double v : row) {
                if (v != 0) {
                    nnz++;
                }
            }
            nnz += hasBias ? 1 : 0;
        }
        int[] index = new int[Math.toIntExact(nnz)];
        double[] value = new double[index.length];
        int k = 0;
        for (int t = 0; t < l; t++) {
            m.copyRow(rows[t], row, 0);
            for (int j = 0; j < d; j++) {
                if (row[j] != 0) {
                    index[k] = j;
                    value[k++] = row[j];
                }
            }
            if (hasBias) {
                index[k] = d;
                value[k++] = bias;
            }
            start[t + 1] = k;
        }
        return new Problem(l, n, start, index, value);
    }

    /** The column-major copy (liblinear's {@code transpose}): column {@code j}'s entries hold (row, value) in row order. */
    Problem transpose() {
        int[] colStart = new int[n + 1];
        for (int k = 0; k < start[l]; k++) {
            colStart[index[k] + 1]++;
        }
        for (int j = 0; j < n; j++) {
            colStart[j + 1] += colStart[j];
        }
        int[] fill = colStart.clone();
        int[] rowIdx = new int[start[l]];
        double[] vals = new double[start[l]];
        for (int i = 0; i < l; i++) {
            for (int k = start[i]; k < start[i + 1]; k++) {
                int p = fill[index[k]]++;
                rowIdx[p] = i;
                vals[p] = value[k];
            }
        }
        return new Problem(n, l, colStart, rowIdx, vals);
    }
}
