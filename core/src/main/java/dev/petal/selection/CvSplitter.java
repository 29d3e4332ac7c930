package dev.petal.selection;

import java.util.List;

/** A cross-validation splitter, scikit-learn's {@code cv=} object: the folds for {@code nSamples} rows and their labels. */
public interface CvSplitter {
    /** The number of folds. */
    int nSplits();

    /**
     * The folds, in scikit-learn's order.
     *
     * @param nSamples the number of rows
     * @param labels   the class labels of the rows (a classifier's {@code y}), or null for a continuous target
     */
    List<TrainTestIndices> split(int nSamples, int[] labels);
}
