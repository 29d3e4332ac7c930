package dev.petal.metrics;

import dev.petal.check.Check;
import dev.petal.numeric.NumpySum;

/**
 * Regression metrics computed as scikit-learn 1.2.1 computes them for one output: {@code r2_score},
 * {@code mean_squared_error} (and its root) and {@code mean_absolute_error}, with optional sample
 * weights. Sums and means follow numpy's pairwise summation ({@link NumpySum}), so the values equal
 * scikit-learn's to the last bit.
 */
public final class RegressionMetrics {
    private RegressionMetrics() {
    }

    /** {@code r2_score(y_true, y_pred)}: 1 - residual sum of squares / total sum of squares. */
    public static double r2Score(double[] yTrue, double[] yPred) {
        return r2Score(yTrue, yPred, null);
    }

    /**
     * {@code r2_score(y_true, y_pred, sample_weight=w)}; {@code w} may be null. A constant {@code y_true}
     * scores 1.0 when predicted exactly and 0.0 otherwise (scikit-learn's {@code force_finite=True});
     * fewer than two samples give NaN, where scikit-learn warns "R^2 score is not well-defined with less
     * than two samples.".
     */
    public static double r2Score(double[] yTrue, double[] yPred, double[] sampleWeight) {
        check(yTrue, yPred, sampleWeight);
        int n = yTrue.length;
        if (n < 2) {
            return Double.NaN;
        }
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double d = yTrue[i] - yPred[i];
            t[i] = weight(sampleWeight, i) * (d * d);
        }
        double numerator = NumpySum.sum(t);
        double mean = average(yTrue, sampleWeight);
        for (int i = 0; i < n; i++) {
            double d = yTrue[i] - mean;
            t[i] = weight(sampleWeight, i) * (d * d);
        }
        double denominator = NumpySum.sum(t);
        if (denominator != 0.0) {
            return numerator != 0.0 ? 1.0 - numerator / denominator : 1.0;
        }
        return numerator != 0.0 ? 0.0 : 1.0;
    }

    /** {@code mean_squared_error(y_true, y_pred)}. */
    public static double meanSquaredError(double[] yTrue, double[] yPred) {
        return meanSquaredError(yTrue, yPred, null, true);
    }

    /**
     * {@code mean_squared_error(y_true, y_pred, sample_weight=w, squared=squared)}; {@code w} may be null;
     * {@code squared=false} is the root mean squared error.
     */
    public static double meanSquaredError(double[] yTrue, double[] yPred, double[] sampleWeight, boolean squared) {
        check(yTrue, yPred, sampleWeight);
        double[] e = new double[yTrue.length];
        for (int i = 0; i < e.length; i++) {
            double d = yTrue[i] - yPred[i];
            e[i] = d * d;
        }
        double mse = average(e, sampleWeight);
        return squared ? mse : Math.sqrt(mse);
    }

    /** {@code mean_absolute_error(y_true, y_pred)}. */
    public static double meanAbsoluteError(double[] yTrue, double[] yPred) {
        return meanAbsoluteError(yTrue, yPred, null);
    }

    /** {@code mean_absolute_error(y_true, y_pred, sample_weight=w)}; {@code w} may be null. */
    public static double meanAbsoluteError(double[] yTrue, double[] yPred, double[] sampleWeight) {
        check(yTrue, yPred, sampleWeight);
        double[] e = new double[yTrue.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = Math.abs(yPred[i] - yTrue[i]);
        }
        return average(e, sampleWeight);
    }

    /** {@code np.average(a, weights=w)}: the pairwise mean, or sum(a * w) / sum(w). */
    private static double average(double[] a, double[] w) {
        if (w == null) {
            return NumpySum.sum(a) / a.length;
        }
        double scale = NumpySum.sum(w);
        if (scale == 0.0) {
            throw new IllegalArgumentException("Weights sum to zero, can't be normalized");
        }
        double[] aw = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            aw[i] = a[i] * w[i];
        }
        return NumpySum.sum(aw) / scale;
    }

    private static double weight(double[] w, int i) {
        return w == null ? 1.0 : w[i];
    }

    private static void check(double[] yTrue, double[] yPred, double[] sampleWeight) {
        if (sampleWeight == null) {
            Check.consistentLength(yTrue.length, yPred.length);
        } else {
            Check.consistentLength(yTrue.length, yPred.length, sampleWeight.length);
        }
        if (yTrue.length == 0) {
            throw new IllegalArgumentException("Found array with 0 sample(s) (shape=(0,)) while a minimum of 1 is required.");
        }
        finite(yTrue);
        finite(yPred);
        if (sampleWeight != null) {
            finite(sampleWeight);
        }
    }

    /** scikit-learn's {@code check_array} wording for targets, which names no input. */
    private static void finite(double[] values) {
        boolean inf = false;
        for (double v : values) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("Input contains NaN.");
            }
            inf |= Double.isInfinite(v);
        }
        if (inf) {
            throw new IllegalArgumentException("Input contains infinity or a value too large for dtype('float64').");
        }
    }
}
