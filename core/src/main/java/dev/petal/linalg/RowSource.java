package dev.petal.linalg;

/**
 * Read access to a sample matrix one row at a time, as kernel methods and linear solvers need it: the
 * dense {@link Matrix} and the sparse {@link CsrMatrix} both implement it, so an estimator can take
 * either. A row is handed out as its stored entries (column index ascending, value); a dense row stores
 * every column. Sums run over the stored entries in column order; the zeros a sparse row does not store
 * add nothing, so both forms give the same bits.
 */
public sealed interface RowSource permits Matrix, CsrMatrix {
    /** The number of rows (samples). */
    int rows();

    /** The number of columns (features). */
    int cols();

    /** The number of stored entries of row {@code i} (every column for a dense row). */
    int rowNonZeros(int i);

    /**
     * Copies row {@code i}'s stored entries into {@code indices} and {@code values} (each at least
     * {@link #rowNonZeros} long), column indices ascending; returns how many were written.
     */
    int copyRowEntries(int i, int[] indices, double[] values);

    /** Whether every row stores every column (then {@link #copyRowEntries} writes columns 0, 1, ... in order). */
    default boolean isDense() {
        return false;
    }

    /** {@code sum_j x[i][j] * w[j]} over row {@code i}'s stored values, in column order; {@code w} has {@link #cols()} values. */
    double dot(int i, double[] w);

    /** {@code w[j] += a * x[i][j]} for row {@code i}'s stored values. */
    void addRowTo(int i, double a, double[] w);

    /** Copies row {@code i} densely (zeros included) into {@code dest} at {@code offset}. */
    void copyRow(int i, double[] dest, int offset);

    /** The rows at {@code indices}, in that order, in the same storage. */
    RowSource selectRows(int[] indices);

    /** These rows as a dense matrix. */
    Matrix toDense();

    /** These rows in CSR form (a dense matrix drops its zeros). */
    CsrMatrix toCsr();
}
