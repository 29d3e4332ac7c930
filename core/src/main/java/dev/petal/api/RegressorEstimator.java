package dev.petal.api;

import dev.petal.linalg.Matrix;

/**
 * An unfitted regression model configuration: {@code fit} takes real targets, never mutates this and
 * returns a separate fitted model (a {@link Regressor}). The regression twin of {@link Estimator}, which
 * takes class labels; cross-validation and grid search take either.
 */
public interface RegressorEstimator<M> {
    /** Fits on rows {@code x} with real targets {@code y} and returns the fitted model. */
    M fit(Matrix x, double[] y);
}
