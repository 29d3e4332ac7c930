package dev.petal.svm;

import dev.petal.check.Check;
import dev.petal.linalg.Matrix;

/** Input checks of SVC's fit and predict, in scikit-learn's order and with its texts. */
final class Inputs {
    /** scikit-learn 1.2.1's text for NaN in X given to an estimator that does not accept missing values. */
    static final String NAN_X = "Input X contains NaN.\nSVC does not accept missing values encoded as NaN natively. "
            + "For supervised learning, you might want to consider sklearn.ensemble.HistGradientBoostingClassifier and "
            + "Regressor which accept missing values encoded as NaNs natively. Alternatively, it is possible to preprocess "
            + "the data, for instance by using an imputer transformer in a pipeline or drop samples with missing values. "
            + "See https://scikit-learn.org/stable/modules/impute.html You can find a list of all estimators that handle "
            + "NaN values at the following page: https://scikit-learn.org/stable/modules/impute.html#estimators-that-handle-nan-values";

    private Inputs() {
    }

    /** check_array's checks on X: finite values, at least one sample and one feature. Returns the flat copy. */
    static double[] checkX(Matrix x) {
        double[] flat = x.toFlatArray();
        boolean inf = false;
        for (double v : flat) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException(NAN_X);
            }
            inf |= Double.isInfinite(v);
        }
        if (inf) {
            throw new IllegalArgumentException("Input X contains infinity or a value too large for dtype('float64').");
        }
        Check.notEmpty("SVC", x);
        return flat;
    }
}
