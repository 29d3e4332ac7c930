package dev.petal.api;

import dev.petal.linalg.Matrix;
import dev.petal.metrics.RegressionMetrics;

/** A fitted regressor: immutable, built only by an estimator's {@code fit} or by loading a model file. */
public interface Regressor {
    /** The number of features seen at fit. */
    int nFeatures();

    /** The predicted target of each row of {@code x}. */
    double[] predict(Matrix x);

    /** The coefficient of determination R² of {@link #predict} on {@code x} against {@code y}, as scikit-learn's {@code score}. */
    default double score(Matrix x, double[] y) {
        return RegressionMetrics.r2Score(y, predict(x));
    }
}
