package dev.petal.api;

import dev.petal.linalg.Matrix;

/** An unfitted model configuration; {@code fit} never mutates it and returns a separate fitted model. */
public interface Estimator<M> {
    /** Fits on rows {@code x} with integer labels {@code y} and returns the fitted model. */
    M fit(Matrix x, int[] y);
}
