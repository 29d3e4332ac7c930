package dev.petal.api;

import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;

/** An unfitted model configuration; {@code fit} never mutates it and returns a separate fitted model. */
public interface Estimator<M> {
    /** Fits on rows {@code x} with integer labels {@code y} and returns the fitted model. */
    M fit(Matrix x, int[] y);

    /**
     * Fits on dense or CSR rows. Dense rows go to {@link #fit(Matrix, int[])}; an estimator that takes CSR
     * rows (scikit-learn's sparse path) overrides this, the others refuse them.
     */
    default M fit(RowSource x, int[] y) {
        if (x instanceof Matrix m) {
            return fit(m, y);
        }
        throw SparseInput.refused(getClass().getSimpleName());
    }
}
