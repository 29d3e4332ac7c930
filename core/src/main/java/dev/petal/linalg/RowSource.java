package dev.petal.linalg;

/**
 * Read access to a matrix one row at a time, as kernel methods need it: the dense {@link Matrix} and a
 * sparse (CSR) matrix both implement it, so an estimator can take either. A row is handed out as its
 * stored entries (column index ascending, value); a dense row stores every column.
 */
public interface RowSource {
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
}
