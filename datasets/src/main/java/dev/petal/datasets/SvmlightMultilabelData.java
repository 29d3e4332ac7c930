package dev.petal.datasets;

import dev.petal.linalg.CsrMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code load_svmlight_file(f, multilabel=True)} returns: the samples in CSR form, each line's labels (a
 * sorted tuple, empty for a line without labels) and the query ids.
 *
 * @param x       the samples, scikit-learn's canonical CSR
 * @param labels  each line's labels, ascending
 * @param queryId the {@code qid:} values in line order (empty when the file has none)
 */
public record SvmlightMultilabelData(CsrMatrix x, List<double[]> labels, long[] queryId) {
    /** Copies the labels and query ids in. */
    public SvmlightMultilabelData {
        if (x.rows() != labels.size()) {
            throw new IllegalArgumentException("x has " + x.rows() + " rows but there are " + labels.size() + " label sets");
        }
        List<double[]> copy = new ArrayList<>(labels.size());
        for (double[] l : labels) {
            copy.add(l.clone());
        }
        labels = List.copyOf(copy);
        queryId = queryId.clone();
    }

    /** A copy of each line's labels. */
    @Override
    public List<double[]> labels() {
        List<double[]> out = new ArrayList<>(labels.size());
        for (double[] l : labels) {
            out.add(l.clone());
        }
        return out;
    }

    /** A copy of the query ids. */
    @Override
    public long[] queryId() {
        return queryId.clone();
    }
}
