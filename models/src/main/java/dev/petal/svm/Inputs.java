package dev.petal.svm;

import dev.petal.check.Check;
import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.numeric.SharedRows;

/** Input checks of the libsvm family's fit and predict, in scikit-learn's order and with its texts. */
final class Inputs {
    private Inputs() {
    }

    /**
     * scikit-learn 1.2.1's text for NaN in X given to {@code owner} (SVC, NuSVC, SVR, NuSVR, OneClassSVM),
     * an estimator that does not accept missing values.
     */
    static String nanX(String owner) {
        return "Input X contains NaN.\n" + owner + " does not accept missing values encoded as NaN natively. "
                + "For supervised learning, you might want to consider sklearn.ensemble.HistGradientBoostingClassifier and "
                + "Regressor which accept missing values encoded as NaNs natively. Alternatively, it is possible to preprocess "
                + "the data, for instance by using an imputer transformer in a pipeline or drop samples with missing values. "
                + "See https://scikit-learn.org/stable/modules/impute.html You can find a list of all estimators that handle "
                + "NaN values at the following page: https://scikit-learn.org/stable/modules/impute.html#estimators-that-handle-nan-values";
    }

    /**
     * check_array's checks on X for {@code owner}: finite values, at least one sample and one feature. Returns X's
     * own row-major array, not a copy (a {@code Matrix} is immutable): callers only read it and never keep it in
     * what they return.
     */
    static double[] checkX(String owner, Matrix x) {
        double[] flat = SharedRows.of(x);
        finite(owner, flat);
        Check.notEmpty(owner, x);
        return flat;
    }

    /** The same checks on sparse X (its stored values); returns the rows in libsvm's sparse form. */
    static SparseRows checkX(String owner, CsrMatrix x) {
        SparseRows rows = SparseRows.of(x);
        finite(owner, rows.values());
        if (x.rows() < 1) {
            throw new IllegalArgumentException(String.format(
                    "Found array with 0 sample(s) (shape=(0, %d)) while a minimum of 1 is required by %s.", x.cols(), owner));
        }
        if (x.cols() < 1) {
            throw new IllegalArgumentException(String.format(
                    "Found array with 0 feature(s) (shape=(%d, 0)) while a minimum of 1 is required by %s.", x.rows(), owner));
        }
        return rows;
    }

    private static void finite(String owner, double[] values) {
        boolean inf = false;
        for (double v : values) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException(nanX(owner));
            }
            inf |= Double.isInfinite(v);
        }
        if (inf) {
            throw new IllegalArgumentException("Input X contains infinity or a value too large for dtype('float64').");
        }
    }
}
