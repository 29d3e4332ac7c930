package dev.petal.api;

import dev.petal.linalg.Matrix;

/**
 * A fitted novelty (outlier) detector, scikit-learn's {@code OutlierMixin}: {@code predict} gives +1 for an inlier
 * and -1 for an outlier, from the sign of {@code decision_function}; {@code score_samples} is the raw score.
 */
public interface OutlierDetector {
    /** The number of features seen at fit. */
    int nFeatures();

    /** +1 (inlier) or -1 (outlier) per row. */
    int[] predict(Matrix x);

    /** The signed decision value per row, positive for an inlier. */
    double[] decisionFunction(Matrix x);

    /** The raw score per row ({@code decision_function + offset_}). */
    double[] scoreSamples(Matrix x);
}
