package dev.petal.preprocessing;

import dev.petal.api.Estimator;
import dev.petal.api.HasParams;
import dev.petal.api.Params;
import dev.petal.api.Provenance;
import dev.petal.check.Check;
import dev.petal.linalg.Matrix;
import dev.petal.numeric.NumpySum;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * scikit-learn's {@code StandardScaler}: centres each feature on its mean and divides it by its
 * standard deviation, learned at fit.
 *
 * <p>Numerics follow scikit-learn 1.2.1 bit for bit on dense input: the mean and the population
 * variance come from {@code _incremental_mean_and_var} (the corrected two-pass algorithm of Chan,
 * Golub and LeVeque) with numpy's summation order, and a feature whose variance is within the
 * two-pass error bound of zero gets scale 1.0. Unlike scikit-learn, fit refuses NaN rather than
 * ignoring missing values.
 *
 * @param withMean whether to centre features on their mean
 * @param withStd  whether to scale features to unit variance
 */
public record StandardScaler(boolean withMean, boolean withStd) implements Estimator<StandardScalerModel>, HasParams {
    private static final List<String> PARAM_NAMES = List.of("with_mean", "with_std");

    /** scikit-learn's defaults: {@code with_mean=True, with_std=True}. */
    public static StandardScaler defaults() {
        return new StandardScaler(true, true);
    }

    /** A copy with {@code with_mean} set. */
    public StandardScaler withMean(boolean value) {
        return new StandardScaler(value, withStd);
    }

    /** A copy with {@code with_std} set. */
    public StandardScaler withStd(boolean value) {
        return new StandardScaler(withMean, value);
    }

    /** scikit-learn's {@code get_params()}: {@code with_mean} and {@code with_std}. */
    @Override
    public Map<String, Object> params() {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(Map.of("with_mean", withMean, "with_std", withStd)));
    }

    /** scikit-learn's {@code set_params} on a copy. */
    @Override
    public StandardScaler withParams(Map<String, ?> params) {
        StandardScaler out = this;
        for (Map.Entry<String, ?> e : new TreeMap<String, Object>(params).entrySet()) {
            boolean v = switch (e.getKey()) {
                case "with_mean", "with_std" -> Params.toBoolean("StandardScaler", e.getKey(), e.getValue());
                default -> throw Params.unknown("StandardScaler", e.getKey(), PARAM_NAMES);
            };
            out = e.getKey().equals("with_mean") ? out.withMean(v) : out.withStd(v);
        }
        return out;
    }

    /** {@code set_params(name=value)} on a copy. */
    @Override
    public StandardScaler withParam(String name, Object value) {
        return withParams(java.util.Collections.singletonMap(name, value));
    }

    /** Fits on {@code x}; the scaler ignores labels. */
    public StandardScalerModel fit(Matrix x) {
        return fit(x, new int[0], false);
    }

    /** Fits on {@code x}; {@code y} is not used except to fingerprint the training data in the provenance. */
    @Override
    public StandardScalerModel fit(Matrix x, int[] y) {
        return fit(x, y == null ? new int[0] : y, true);
    }

    private StandardScalerModel fit(Matrix x, int[] y, boolean checkY) {
        Check.notEmpty("StandardScaler", x);
        if (checkY && y.length != 0) {
            Check.consistentLength(x.rows(), y.length);
        }
        double[] data = x.toFlatArray();
        Check.allFinite("X", data);
        int n = x.rows();
        int f = x.cols();
        Provenance provenance = Provenance.of(x, y);
        if (!withMean && !withStd) {
            return StandardScalerModel.of(this, f, n, null, null, provenance);
        }
        double[] sum = NumpySum.columnSums(data, n, f);
        double[] mean = new double[f];
        double[] t = new double[f];
        for (int j = 0; j < f; j++) {
            mean[j] = (0.0 + sum[j]) / n;
            t[j] = sum[j] / n;
        }
        if (!withStd) {
            return StandardScalerModel.of(this, f, n, mean, null, provenance);
        }
        double[] temp = new double[data.length];
        double[] squares = new double[data.length];
        for (int i = 0; i < n; i++) {
            int off = i * f;
            for (int j = 0; j < f; j++) {
                double d = data[off + j] - t[j];
                temp[off + j] = d;
                squares[off + j] = d * d;
            }
        }
        double[] correction = NumpySum.columnSums(temp, n, f);
        double[] unnormalized = NumpySum.columnSums(squares, n, f);
        double[] var = new double[f];
        for (int j = 0; j < f; j++) {
            var[j] = (unnormalized[j] - correction[j] * correction[j] / n) / n;
        }
        return StandardScalerModel.of(this, f, n, mean, var, provenance);
    }
}
