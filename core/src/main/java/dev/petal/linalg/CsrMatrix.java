package dev.petal.linalg;

import dev.petal.numeric.SharedRows;
import java.util.Arrays;

/**
 * An immutable sparse matrix in compressed sparse row form, as scipy's {@code csr_matrix} holds it:
 * row {@code i}'s values are {@code data[indptr[i] .. indptr[i+1])} at columns
 * {@code indices[indptr[i] .. indptr[i+1])}. It is always in scikit-learn's canonical form: column
 * indices ascending within a row and no duplicates ({@link #of} sorts and sums duplicates, as scipy's
 * {@code sum_duplicates} does). Explicitly stored zeros are kept. Arrays are copied in and out.
 */
public final class CsrMatrix implements RowSource {
    static {
        // the internal read-only view for fits and fitted models; nothing public
        SharedRows.installCsr(m -> new SharedRows.Csr(m.indptr, m.indices, m.data));
    }

    private final int rows;
    private final int cols;
    private final int[] indptr;
    private final int[] indices;
    private final double[] data;

    private CsrMatrix(int rows, int cols, int[] indptr, int[] indices, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.indptr = indptr;
        this.indices = indices;
        this.data = data;
    }

    /**
     * A {@code rows x cols} matrix from CSR arrays (copied). {@code indptr} has {@code rows + 1}
     * non-decreasing entries from 0 to {@code indices.length}; every index lies in {@code [0, cols)}.
     * Unsorted rows are sorted and duplicate entries summed.
     */
    public static CsrMatrix of(int rows, int cols, int[] indptr, int[] indices, double[] data) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix shape must be non-negative, got " + rows + "x" + cols + ".");
        }
        if (indptr.length != rows + 1) {
            throw new IllegalArgumentException("index pointer size (" + indptr.length + ") should be (" + (rows + 1) + ")");
        }
        if (indices.length != data.length) {
            throw new IllegalArgumentException("indices and data should have the same size, got " + indices.length
                    + " and " + data.length);
        }
        if (indptr[0] != 0 || indptr[rows] != indices.length) {
            throw new IllegalArgumentException("index pointer should start at 0 and end at the number of stored values ("
                    + indices.length + "), got " + indptr[0] + " and " + indptr[rows]);
        }
        boolean canonical = true;
        for (int i = 0; i < rows; i++) {
            if (indptr[i + 1] < indptr[i]) {
                throw new IllegalArgumentException("index pointer values must form a non-decreasing sequence; indptr["
                        + (i + 1) + "] = " + indptr[i + 1] + " < indptr[" + i + "] = " + indptr[i]);
            }
            for (int k = indptr[i]; k < indptr[i + 1]; k++) {
                int j = indices[k];
                if (j < 0 || j >= cols) {
                    throw new IllegalArgumentException("column index " + j + " in row " + i + " is outside [0, " + cols + ")");
                }
                canonical &= k == indptr[i] || indices[k - 1] < j;
            }
        }
        if (canonical) {
            return new CsrMatrix(rows, cols, indptr.clone(), indices.clone(), data.clone());
        }
        return canonicalize(rows, cols, indptr, indices, data);
    }

    /** The non-zero values of a dense matrix (scipy's {@code csr_matrix(X)}). */
    public static CsrMatrix fromDense(Matrix x) {
        int rows = x.rows();
        int cols = x.cols();
        double[] flat = x.toFlatArray();
        int nnz = 0;
        for (double v : flat) {
            if (v != 0.0) {
                nnz++;
            }
        }
        int[] indptr = new int[rows + 1];
        int[] indices = new int[nnz];
        double[] data = new double[nnz];
        int k = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = flat[i * cols + j];
                if (v != 0.0) {
                    indices[k] = j;
                    data[k++] = v;
                }
            }
            indptr[i + 1] = k;
        }
        return new CsrMatrix(rows, cols, indptr, indices, data);
    }

    private static CsrMatrix canonicalize(int rows, int cols, int[] indptr, int[] indices, double[] data) {
        int[] outPtr = new int[rows + 1];
        int[] outIdx = new int[indices.length];
        double[] outVal = new double[data.length];
        int k = 0;
        for (int i = 0; i < rows; i++) {
            int start = indptr[i];
            int len = indptr[i + 1] - start;
            Integer[] order = new Integer[len];
            for (int t = 0; t < len; t++) {
                order[t] = start + t;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(indices[a], indices[b]));
            int rowStart = k;
            for (int t = 0; t < len; t++) {
                int src = order[t];
                if (k > rowStart && outIdx[k - 1] == indices[src]) {
                    outVal[k - 1] += data[src];
                } else {
                    outIdx[k] = indices[src];
                    outVal[k++] = data[src];
                }
            }
            outPtr[i + 1] = k;
        }
        return new CsrMatrix(rows, cols, outPtr, Arrays.copyOf(outIdx, k), Arrays.copyOf(outVal, k));
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    /** The number of stored values. */
    public int nnz() {
        return data.length;
    }

    /** A copy of the row pointers ({@code rows + 1} values). */
    public int[] indptr() {
        return indptr.clone();
    }

    /** A copy of the column indices of the stored values. */
    public int[] indices() {
        return indices.clone();
    }

    /** A copy of the stored values. */
    public double[] data() {
        return data.clone();
    }

    /** The value at row {@code i}, column {@code j} (0 where nothing is stored). */
    public double get(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") is outside a " + rows + "x" + cols + " matrix.");
        }
        int k = Arrays.binarySearch(indices, indptr[i], indptr[i + 1], j);
        return k >= 0 ? data[k] : 0.0;
    }

    @Override
    public int rowNonZeros(int i) {
        return indptr[i + 1] - indptr[i];
    }

    @Override
    public double dot(int i, double[] w) {
        double s = 0.0;
        for (int k = indptr[i], end = indptr[i + 1]; k < end; k++) {
            s += data[k] * w[indices[k]];
        }
        return s;
    }

    @Override
    public void addRowTo(int i, double a, double[] w) {
        for (int k = indptr[i], end = indptr[i + 1]; k < end; k++) {
            w[indices[k]] += a * data[k];
        }
    }

    @Override
    public void copyRow(int i, double[] dest, int offset) {
        Arrays.fill(dest, offset, offset + cols, 0.0);
        for (int k = indptr[i], end = indptr[i + 1]; k < end; k++) {
            dest[offset + indices[k]] = data[k];
        }
    }

    @Override
    public int copyRowEntries(int i, int[] idx, double[] val) {
        int start = indptr[i];
        int len = indptr[i + 1] - start;
        System.arraycopy(indices, start, idx, 0, len);
        System.arraycopy(data, start, val, 0, len);
        return len;
    }

    @Override
    public CsrMatrix selectRows(int[] rowIndices) {
        int[] ptr = new int[rowIndices.length + 1];
        long total = 0;
        for (int t = 0; t < rowIndices.length; t++) {
            int i = rowIndices[t];
            if (i < 0 || i >= rows) {
                throw new IndexOutOfBoundsException("row " + i + " is outside a matrix with " + rows + " rows.");
            }
            total += indptr[i + 1] - indptr[i];
            ptr[t + 1] = Math.toIntExact(total);
        }
        int[] idx = new int[(int) total];
        double[] val = new double[(int) total];
        for (int t = 0; t < rowIndices.length; t++) {
            int i = rowIndices[t];
            System.arraycopy(indices, indptr[i], idx, ptr[t], ptr[t + 1] - ptr[t]);
            System.arraycopy(data, indptr[i], val, ptr[t], ptr[t + 1] - ptr[t]);
        }
        return new CsrMatrix(rowIndices.length, cols, ptr, idx, val);
    }

    /** The same values with {@code newCols} columns (at least the current count), as when a test file has fewer features. */
    public CsrMatrix withCols(int newCols) {
        if (newCols < cols) {
            throw new IllegalArgumentException("cannot shrink a matrix with " + cols + " columns to " + newCols);
        }
        return new CsrMatrix(rows, newCols, indptr, indices, data);
    }

    @Override
    public Matrix toDense() {
        double[] d = new double[Math.multiplyExact(rows, cols)];
        for (int i = 0; i < rows; i++) {
            for (int k = indptr[i]; k < indptr[i + 1]; k++) {
                d[i * cols + indices[k]] = data[k];
            }
        }
        return Matrix.of(rows, cols, d);
    }

    @Override
    public CsrMatrix toCsr() {
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CsrMatrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.indptr, indptr)
                && Arrays.equals(m.indices, indices) && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + Arrays.hashCode(indices) + rows * 7 + cols;
    }

    @Override
    public String toString() {
        return "CsrMatrix(" + rows + "x" + cols + ", " + data.length + " stored)";
    }
}
