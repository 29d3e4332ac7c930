package dev.petal.svm;

import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import dev.petal.numeric.NumpySum;
import dev.petal.numeric.SharedRows;

/**
 * Rows in libsvm's sparse form ({@code svm_csr_node} lists, scikit-learn's {@code libsvm_sparse}): each
 * row's stored entries, column ascending. Dot products and the RBF distance follow libsvm's sparse
 * {@code Kernel::dot} and {@code k_function}: one running sum, in column order, over the entries both rows
 * store (a dot product) or over the union of entries (the squared distance) -- no BLAS, so the last bits
 * can differ from the dense path. Explicitly stored zeros add nothing to either sum, so rows built from a
 * dense matrix by dropping its zeros give the same values.
 */
final class SparseRows {
    private final int rows;
    private final int cols;
    private final int[] indptr;
    private final int[] indices;
    private final double[] data;

    private SparseRows(int rows, int cols, int[] indptr, int[] indices, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.indptr = indptr;
        this.indices = indices;
        this.data = data;
    }

    /**
     * The rows of {@code x}: a CSR matrix as stored (its own arrays, read only: a CsrMatrix is immutable, so a fit or a
     * fitted model holds them once), a dense one without its zeros (scipy's {@code csr_matrix(X)}).
     */
    static SparseRows of(RowSource x) {
        CsrMatrix c = x instanceof CsrMatrix m ? m : CsrMatrix.fromDense((Matrix) x);
        SharedRows.Csr a = SharedRows.of(c);
        return new SparseRows(c.rows(), c.cols(), a.indptr(), a.indices(), a.data());
    }

    /**
     * Adds {@code a * row s} to {@code w} over the stored entries, in column order: {@code w[j] += a * x[s][j]} gives
     * the bits the dense loop over every column gives, as a product with a zero adds nothing to a sum that is never -0.
     */
    void addRowTo(int s, double a, double[] w) {
        for (int k = indptr[s], end = indptr[s + 1]; k < end; k++) {
            w[indices[k]] += a * data[k];
        }
    }

    int rows() {
        return rows;
    }

    int cols() {
        return cols;
    }

    /** The stored entries per row, on average, rounded up: the steps one row brings to a sparse dot product. */
    int meanStored() {
        return rows == 0 ? 0 : (int) (((long) indptr[rows] - indptr[0] + rows - 1) / rows);
    }

    /**
     * The work units of one kernel value between a row of this and a row of {@code o} (see
     * {@link dev.petal.api.Parallelism#MIN_PIECE_WORK}): both rows' stored entries merged, plus the kernel's arithmetic.
     */
    long kernelWork(SparseRows o) {
        return (long) meanStored() + o.meanStored() + SvcQ.FINISH_WORK;
    }

    /** The stored values (for the finiteness check). */
    double[] values() {
        return data;
    }

    /** libsvm's sparse {@code dot} of row {@code i} of this and row {@code j} of {@code o}. */
    double dot(int i, SparseRows o, int j) {
        int p = indptr[i];
        int pe = indptr[i + 1];
        int q = o.indptr[j];
        int qe = o.indptr[j + 1];
        int[] oi = o.indices;
        double[] ov = o.data;
        double sum = 0;
        while (p < pe && q < qe) {
            int a = indices[p];
            int b = oi[q];
            if (a == b) {
                sum += data[p] * ov[q];
                ++p;
                ++q;
            } else if (a > b) {
                ++q;
            } else {
                ++p;
            }
        }
        return sum;
    }

    /** libsvm's sparse RBF sum {@code |x_i - y_j|^2}: differences where both store, squares elsewhere, in column order. */
    double squaredDistance(int i, SparseRows o, int j) {
        int p = indptr[i];
        int pe = indptr[i + 1];
        int q = o.indptr[j];
        int qe = o.indptr[j + 1];
        int[] oi = o.indices;
        double[] ov = o.data;
        double sum = 0;
        while (p < pe && q < qe) {
            int a = indices[p];
            int b = oi[q];
            if (a == b) {
                double d = data[p] - ov[q];
                sum += d * d;
                ++p;
                ++q;
            } else if (a > b) {
                sum += ov[q] * ov[q];
                ++q;
            } else {
                sum += data[p] * data[p];
                ++p;
            }
        }
        for (; p < pe; p++) {
            sum += data[p] * data[p];
        }
        for (; q < qe; q++) {
            sum += ov[q] * ov[q];
        }
        return sum;
    }

    /**
     * The variance behind gamma='scale' on sparse X, as scikit-learn 1.2.1 computes it with scipy 1.10:
     * {@code X.multiply(X).mean() - X.mean() ** 2}. scipy's {@code mean()} multiplies every stored value by
     * {@code 1 / (rows * cols)}, sums each row in order ({@code X @ ones}) and the row sums with numpy's
     * pairwise sum; {@code multiply} drops products that underflow to zero, which adds nothing.
     */
    static double scaleVariance(SparseRows x) {
        double inv = 1.0 / ((double) ((long) x.rows * x.cols));
        double[] sq = new double[x.rows];
        double[] lin = new double[x.rows];
        for (int i = 0; i < x.rows; i++) {
            double s2 = 0;
            double s1 = 0;
            for (int k = x.indptr[i]; k < x.indptr[i + 1]; k++) {
                double v = x.data[k];
                s2 += (v * v) * inv;
                s1 += v * inv;
            }
            sq[i] = s2;
            lin[i] = s1;
        }
        double mean = NumpySum.sum(lin);
        return NumpySum.sum(sq) - mean * mean;
    }
}
