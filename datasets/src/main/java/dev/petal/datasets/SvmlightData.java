package dev.petal.datasets;

import dev.petal.linalg.CsrMatrix;

/**
 * What {@code load_svmlight_file} returns: the samples in CSR form, the targets, and the query ids
 * ({@code qid:} values, one per line that has one, as scikit-learn collects them; empty when the file has none).
 *
 * @param x       the samples, scikit-learn's canonical CSR (indices sorted, no duplicates)
 * @param y       the target of each line
 * @param queryId the {@code qid:} values in line order
 */
public record SvmlightData(CsrMatrix x, double[] y, long[] queryId) {
    /** Copies the arrays in. */
    public SvmlightData {
        if (x.rows() != y.length) {
            throw new IllegalArgumentException("x has " + x.rows() + " rows but y has " + y.length + " values");
        }
        y = y.clone();
        queryId = queryId.clone();
    }

    /** A copy of the targets. */
    @Override
    public double[] y() {
        return y.clone();
    }

    /** A copy of the query ids. */
    @Override
    public long[] queryId() {
        return queryId.clone();
    }
}
