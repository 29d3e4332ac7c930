package dev.petal.api;

import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;

/** A fitted classifier: immutable, built only by an estimator's {@code fit} or by loading a model file. */
public interface Classifier {
    /** The class labels seen at fit, sorted ascending as {@code np.unique} sorts them. */
    int[] classes();

    /** The number of features seen at fit. */
    int nFeatures();

    /** The predicted class label of each row of {@code x}. */
    int[] predict(Matrix x);

    /** {@link #predict(Matrix)} of dense or CSR rows; a model that takes CSR rows overrides this, the others refuse them. */
    default int[] predict(RowSource x) {
        if (x instanceof Matrix m) {
            return predict(m);
        }
        throw SparseInput.refused(getClass().getSimpleName());
    }

    /** The mean accuracy of {@link #predict} on {@code x} against {@code y}, as scikit-learn's {@code score}. */
    default double score(Matrix x, int[] y) {
        int[] p = predict(x);
        if (p.length != y.length) {
            throw new IllegalArgumentException("Found input variables with inconsistent numbers of samples: ["
                    + y.length + ", " + p.length + "]");
        }
        int hit = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == y[i]) {
                hit++;
            }
        }
        return (double) hit / p.length;
    }
}
