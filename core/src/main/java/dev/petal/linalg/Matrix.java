package dev.petal.linalg;

import dev.petal.numeric.SharedRows;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * An immutable dense matrix of doubles stored row-major in one flat array.
 *
 * <p>Products and decompositions are delegated to EJML; no EJML type appears in this API.
 * Arrays are copied in and out, so a {@code Matrix} can be shared freely between threads.
 */
public final class Matrix implements RowSource {
    static {
        SharedRows.install(m -> m.data);   // the internal read-only view for fits; nothing public
    }

    private final int rows;
    private final int cols;
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** A matrix over a copy of {@code data}, which holds {@code rows * cols} values row by row. */
    public static Matrix of(int rows, int cols, double[] data) {
        checkShape(rows, cols);
        if (data.length != (long) rows * cols) {
            throw new IllegalArgumentException("data has " + data.length + " values, but a " + rows + "x" + cols
                    + " matrix needs " + ((long) rows * cols) + ".");
        }
        return new Matrix(rows, cols, data.clone());
    }

    /**
     * A matrix over {@code data} itself, not a copy: for readers that fill a fresh array and hand it over,
     * so a large X is not held twice. The caller must not keep or change {@code data} afterwards.
     */
    public static Matrix adopt(int rows, int cols, double[] data) {
        checkShape(rows, cols);
        if (data.length != (long) rows * cols) {
            throw new IllegalArgumentException("data has " + data.length + " values, but a " + rows + "x" + cols
                    + " matrix needs " + ((long) rows * cols) + ".");
        }
        return new Matrix(rows, cols, data);
    }

    /** A matrix copied from rows of equal length; an empty array gives a 0x0 matrix. */
    public static Matrix of(double[][] rowsData) {
        int r = rowsData.length;
        int c = r == 0 ? 0 : rowsData[0].length;
        double[] d = new double[Math.multiplyExact(r, c)];
        for (int i = 0; i < r; i++) {
            if (rowsData[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + rowsData[i].length
                        + " values, but row 0 has " + c + "; all rows must have the same length.");
            }
            System.arraycopy(rowsData[i], 0, d, i * c, c);
        }
        return new Matrix(r, c, d);
    }

    /** A rows x cols matrix of zeros. */
    public static Matrix zeros(int rows, int cols) {
        checkShape(rows, cols);
        return new Matrix(rows, cols, new double[Math.multiplyExact(rows, cols)]);
    }

    /** The n x n identity matrix. */
    public static Matrix identity(int n) {
        double[] d = new double[Math.multiplyExact(n, n)];
        for (int i = 0; i < n; i++) {
            d[i * n + i] = 1.0;
        }
        return new Matrix(n, n, d);
    }

    /** The number of rows. */
    @Override
    public int rows() {
        return rows;
    }

    /** The number of columns. */
    @Override
    public int cols() {
        return cols;
    }

    /** The value at row {@code i}, column {@code j}. */
    public double get(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") is outside a " + rows + "x" + cols + " matrix.");
        }
        return data[i * cols + j];
    }

    /** Every column: a dense row stores all of them. */
    @Override
    public int rowNonZeros(int i) {
        return cols();
    }

    /** Writes columns 0 .. cols-1 of row {@code i} and their values; returns cols. */
    @Override
    public int copyRowEntries(int i, int[] indices, double[] values) {
        int d = cols();
        for (int j = 0; j < d; j++) {
            indices[j] = j;
            values[j] = get(i, j);
        }
        return d;
    }

    /** Always true. */
    @Override
    public boolean isDense() {
        return true;
    }

    /** A copy of row {@code i}. */
    public double[] row(int i) {
        if (i < 0 || i >= rows) {
            throw new IndexOutOfBoundsException("row " + i + " is outside a matrix with " + rows + " rows.");
        }
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    /** A copy of column {@code j}. */
    public double[] column(int j) {
        if (j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException("column " + j + " is outside a matrix with " + cols + " columns.");
        }
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = data[i * cols + j];
        }
        return out;
    }

    /** A copy of all values, row by row. */
    public double[] toFlatArray() {
        return data.clone();
    }

    /** A copy of all values as an array of rows. */
    public double[][] toArray() {
        double[][] out = new double[rows][];
        for (int i = 0; i < rows; i++) {
            out[i] = Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
        }
        return out;
    }

    /** Copies row {@code i} into {@code dest} at {@code offset}, without allocating. */
    @Override
    public void copyRow(int i, double[] dest, int offset) {
        System.arraycopy(data, i * cols, dest, offset, cols);
    }

    /** The rows at {@code indices}, in that order (repeats allowed). */
    @Override
    public Matrix selectRows(int[] indices) {
        double[] d = new double[Math.multiplyExact(indices.length, cols)];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= rows) {
                throw new IndexOutOfBoundsException("row " + i + " is outside a matrix with " + rows + " rows.");
            }
            System.arraycopy(data, i * cols, d, k * cols, cols);
        }
        return new Matrix(indices.length, cols, d);
    }

    /** {@code sum_j x[i][j] * w[j]}, one product after another in column order. */
    @Override
    public double dot(int i, double[] w) {
        int off = i * cols;
        double s = 0.0;
        for (int j = 0; j < cols; j++) {
            s += data[off + j] * w[j];
        }
        return s;
    }

    /** {@code w[j] += a * x[i][j]} for every column. */
    @Override
    public void addRowTo(int i, double a, double[] w) {
        int off = i * cols;
        for (int j = 0; j < cols; j++) {
            w[j] += a * data[off + j];
        }
    }

    /** This matrix itself (it is immutable). */
    @Override
    public Matrix toDense() {
        return this;
    }

    /** The non-zero values in CSR form, scipy's {@code csr_matrix(X)}. */
    @Override
    public CsrMatrix toCsr() {
        return CsrMatrix.fromDense(this);
    }

    /** The columns at {@code indices}, in that order. */
    public Matrix selectColumns(int[] indices) {
        double[] d = new double[Math.multiplyExact(rows, indices.length)];
        for (int k = 0; k < indices.length; k++) {
            if (indices[k] < 0 || indices[k] >= cols) {
                throw new IndexOutOfBoundsException("column " + indices[k] + " is outside a matrix with " + cols + " columns.");
            }
        }
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < indices.length; k++) {
                d[i * indices.length + k] = data[i * cols + indices[k]];
            }
        }
        return new Matrix(rows, indices.length, d);
    }

    /** The transpose. */
    public Matrix transpose() {
        double[] d = new double[data.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                d[j * rows + i] = data[i * cols + j];
            }
        }
        return new Matrix(cols, rows, d);
    }

    /** The matrix product {@code this * other}. */
    public Matrix multiply(Matrix other) {
        if (cols != other.rows) {
            throw new IllegalArgumentException("cannot multiply a " + rows + "x" + cols + " matrix by a "
                    + other.rows + "x" + other.cols + " matrix: inner dimensions differ.");
        }
        DMatrixRMaj c = new DMatrixRMaj(rows, other.cols);
        CommonOps_DDRM.mult(ejml(), other.ejml(), c);
        return new Matrix(rows, other.cols, c.data);
    }

    /** The product {@code this * other^T}, e.g. a block of dot products between two row sets. */
    public Matrix multiplyTransposed(Matrix other) {
        if (cols != other.cols) {
            throw new IllegalArgumentException("cannot multiply a " + rows + "x" + cols + " matrix by the transpose of a "
                    + other.rows + "x" + other.cols + " matrix: column counts differ.");
        }
        DMatrixRMaj c = new DMatrixRMaj(rows, other.rows);
        CommonOps_DDRM.multTransB(ejml(), other.ejml(), c);
        return new Matrix(rows, other.rows, c.data);
    }

    /** The lower-triangular Cholesky factor L with {@code this = L L^T}; the matrix must be symmetric positive definite. */
    public Matrix cholesky() {
        if (rows != cols) {
            throw new IllegalArgumentException("Cholesky needs a square matrix, got " + rows + "x" + cols + ".");
        }
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(rows, true);
        DMatrixRMaj a = ejml();
        if (!chol.decompose(a)) {
            throw new IllegalArgumentException("matrix is not positive definite; Cholesky failed.");
        }
        DMatrixRMaj l = chol.getT(null);
        return new Matrix(rows, cols, l.data);
    }

    /** The solution X of {@code this * X = b} for a square, non-singular matrix. */
    public Matrix solve(Matrix b) {
        if (rows != cols || b.rows != rows) {
            throw new IllegalArgumentException("cannot solve a " + rows + "x" + cols + " system with a " + b.rows + "x"
                    + b.cols + " right-hand side.");
        }
        DMatrixRMaj x = new DMatrixRMaj(cols, b.cols);
        if (!CommonOps_DDRM.solve(ejml(), b.ejml(), x)) {
            throw new IllegalArgumentException("matrix is singular; cannot solve.");
        }
        return new Matrix(cols, b.cols, x.data);
    }

    private DMatrixRMaj ejml() {
        return DMatrixRMaj.wrap(rows, cols, data.clone());
    }

    private static void checkShape(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("matrix shape must be non-negative, got " + rows + "x" + cols + ".");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Matrix(" + rows + "x" + cols + ")";
    }
}
