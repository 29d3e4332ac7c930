package dev.petal.check;

import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import java.util.Arrays;
import java.util.Collection;
import java.util.StringJoiner;

/**
 * Input and parameter validation with scikit-learn's message texts.
 *
 * <p>Every method throws {@link IllegalArgumentException} for the caller's fault, with a message
 * that names the owner, the parameter, what is allowed and what was received, exactly as
 * scikit-learn words it (for example
 * {@code The 'C' parameter of SVC must be a float in the range (0.0, inf). Got -1.0 instead.}).
 */
public final class Check {
    private Check() {
    }

    /** Requires {@code value} in (0, inf), as scikit-learn's {@code Interval(Real, 0, None, closed="neither")}. */
    public static double positive(String owner, String param, double value) {
        return inRange(owner, param, value, 0.0, Double.POSITIVE_INFINITY, false, false);
    }

    /** Requires {@code value} in [0, inf). */
    public static double nonNegative(String owner, String param, double value) {
        return inRange(owner, param, value, 0.0, Double.POSITIVE_INFINITY, true, false);
    }

    /**
     * Requires a real {@code value} inside an interval; NaN is always refused.
     * Message: {@code The 'tol' parameter of SVC must be a float in the range (0.0, inf). Got 0.0 instead.}
     */
    public static double inRange(String owner, String param, double value, double lo, double hi,
                                 boolean loClosed, boolean hiClosed) {
        boolean ok = !Double.isNaN(value)
                && (loClosed ? value >= lo : value > lo)
                && (hiClosed ? value <= hi : value < hi);
        if (!ok) {
            throw new IllegalArgumentException(String.format("The '%s' parameter of %s must be a float in the range %s. Got %s instead.",
                    param, owner, interval(lo, hi, loClosed, hiClosed), PyRepr.of(value)));
        }
        return value;
    }

    /**
     * Requires an integer {@code value} of at least {@code lo} (scikit-learn's {@code Interval(Integral, lo, None, closed="left")}).
     * Message: {@code The 'max_iter' parameter of SVC must be an int in the range [-1, inf). Got -2 instead.}
     */
    public static long atLeast(String owner, String param, long value, long lo) {
        if (value < lo) {
            throw new IllegalArgumentException(String.format("The '%s' parameter of %s must be an int in the range [%d, inf). Got %d instead.",
                    param, owner, lo, value));
        }
        return value;
    }

    /**
     * Requires {@code value} to be one of {@code allowed}.
     * Message: {@code The 'kernel' parameter of SVC must be a str among {'linear', 'rbf'}. Got 'foo' instead.}
     */
    public static String oneOf(String owner, String param, String value, Collection<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            StringJoiner j = new StringJoiner(", ", "{", "}");
            allowed.forEach(a -> j.add("'" + a + "'"));
            throw new IllegalArgumentException(String.format("The '%s' parameter of %s must be a str among %s. Got %s instead.",
                    param, owner, j, value == null ? "None" : "'" + value + "'"));
        }
        return value;
    }

    /** Requires every value of {@code x} to be finite: "Input X contains NaN." or "Input X contains infinity or a value too large for dtype('float64')." */
    public static void allFinite(String inputName, Matrix x) {
        allFinite(inputName, x.toFlatArray());
    }

    /** Requires every value to be finite, naming the input as scikit-learn does ("Input X contains NaN."). */
    public static void allFinite(String inputName, double[] values) {
        boolean inf = false;
        for (double v : values) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("Input " + inputName + " contains NaN.");
            }
            inf |= Double.isInfinite(v);
        }
        if (inf) {
            throw new IllegalArgumentException("Input " + inputName
                    + " contains infinity or a value too large for dtype('float64').");
        }
    }

    /**
     * scikit-learn 1.2.1's text for NaN in X given to {@code owner}, an estimator that does not accept missing values:
     * "Input X contains NaN.\nSVR does not accept missing values encoded as NaN natively. ...".
     */
    public static String nanInX(String owner) {
        return "Input X contains NaN.\n" + owner + " does not accept missing values encoded as NaN natively. "
                + "For supervised learning, you might want to consider sklearn.ensemble.HistGradientBoostingClassifier and "
                + "Regressor which accept missing values encoded as NaNs natively. Alternatively, it is possible to preprocess "
                + "the data, for instance by using an imputer transformer in a pipeline or drop samples with missing values. "
                + "See https://scikit-learn.org/stable/modules/impute.html You can find a list of all estimators that handle "
                + "NaN values at the following page: https://scikit-learn.org/stable/modules/impute.html#estimators-that-handle-nan-values";
    }

    /** Requires all lengths equal: "Found input variables with inconsistent numbers of samples: [3, 4]". */
    public static void consistentLength(int... lengths) {
        for (int n : lengths) {
            if (n != lengths[0]) {
                throw new IllegalArgumentException("Found input variables with inconsistent numbers of samples: "
                        + Arrays.toString(lengths));
            }
        }
    }

    /** Requires at least one sample and one feature, worded as scikit-learn's {@code check_array}. */
    public static void notEmpty(String owner, RowSource x) {
        if (x.rows() < 1) {
            throw new IllegalArgumentException(String.format("Found array with 0 sample(s) (shape=(0, %d)) while a minimum of 1 is required by %s.",
                    x.cols(), owner));
        }
        if (x.cols() < 1) {
            throw new IllegalArgumentException(String.format("Found array with 0 feature(s) (shape=(%d, 0)) while a minimum of 1 is required by %s.",
                    x.rows(), owner));
        }
    }

    /** Requires the feature count seen at fit: "X has 3 features, but SVC is expecting 4 features as input." */
    public static void nFeatures(String owner, int expected, int got) {
        if (expected != got) {
            throw new IllegalArgumentException(String.format("X has %d features, but %s is expecting %d features as input.",
                    got, owner, expected));
        }
    }

    private static String interval(double lo, double hi, boolean loClosed, boolean hiClosed) {
        String l = Double.isInfinite(lo) ? "-inf" : PyRepr.of(lo);
        String h = Double.isInfinite(hi) ? "inf" : PyRepr.of(hi);
        return (loClosed && !Double.isInfinite(lo) ? "[" : "(") + l + ", " + h + (hiClosed && !Double.isInfinite(hi) ? "]" : ")");
    }
}
