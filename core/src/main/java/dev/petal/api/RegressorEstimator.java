package dev.petal.api;

import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;

/**
 * An unfitted regression model configuration: {@code fit} takes real targets, never mutates this and
 * returns a separate fitted model (a {@link Regressor}). The regression twin of {@link Estimator}, which
 * takes class labels; cross-validation and grid search take either.
 */
public interface RegressorEstimator<M> {
    /** Fits on rows {@code x} with real targets {@code y} and returns the fitted model. */
    M fit(Matrix x, double[] y);

    /**
     * Fits on dense or CSR rows. Dense rows go to {@link #fit(Matrix, double[])}; an estimator that takes CSR
     * rows (scikit-learn's sparse path) overrides this, the others refuse them.
     */
    default M fit(RowSource x, double[] y) {
        if (x instanceof Matrix m) {
            return fit(m, y);
        }
        throw SparseInput.refused(getClass().getSimpleName());
    }
}
