package dev.petal.api;

import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import dev.petal.metrics.RegressionMetrics;

/** A fitted regressor: immutable, built only by an estimator's {@code fit} or by loading a model file. */
public interface Regressor {
    /** The number of features seen at fit. */
    int nFeatures();

    /** The predicted target of each row of {@code x}. */
    double[] predict(Matrix x);

    /** {@link #predict(Matrix)} of dense or CSR rows; a model that takes CSR rows overrides this, the others refuse them. */
    default double[] predict(RowSource x) {
        if (x instanceof Matrix m) {
            return predict(m);
        }
        throw SparseInput.refused(getClass().getSimpleName());
    }

    /** The coefficient of determination R² of {@link #predict} on {@code x} against {@code y}, as scikit-learn's {@code score}. */
    default double score(Matrix x, double[] y) {
        return RegressionMetrics.r2Score(y, predict(x));
    }
}
