package dev.petal.preprocessing;

import dev.petal.api.Provenance;
import dev.petal.api.Transformer;
import dev.petal.check.Check;
import dev.petal.linalg.Matrix;
import java.util.Objects;
import java.util.Optional;

/**
 * A fitted {@link StandardScaler}: scikit-learn's {@code mean_}, {@code var_}, {@code scale_} and
 * {@code n_samples_seen_}. Immutable; arrays are copied in and out.
 */
public final class StandardScalerModel implements Transformer {
    private static final double EPS = Math.ulp(1.0);

    private final StandardScaler params;
    private final int nFeatures;
    private final long nSamplesSeen;
    private final double[] mean;
    private final double[] var;
    private final double[] scale;
    private final Provenance provenance;

    private StandardScalerModel(StandardScaler params, int nFeatures, long nSamplesSeen, double[] mean, double[] var,
                                double[] scale, Provenance provenance) {
        this.params = params;
        this.nFeatures = nFeatures;
        this.nSamplesSeen = nSamplesSeen;
        this.mean = mean;
        this.var = var;
        this.scale = scale;
        this.provenance = provenance;
    }

    /**
     * A fitted scaler from its learned state, as fit computes it or a model file stores it; {@code scale}
     * is derived from {@code var} exactly as scikit-learn derives it.
     *
     * @param mean null unless {@code with_mean} or {@code with_std} is set (scikit-learn keeps the mean
     *             whenever it computes the variance)
     * @param var  null unless {@code with_std} is set
     * @throws IllegalArgumentException if the state is inconsistent with {@code params}
     */
    public static StandardScalerModel of(StandardScaler params, int nFeatures, long nSamplesSeen, double[] mean,
                                         double[] var, Provenance provenance) {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(provenance, "provenance");
        if (nFeatures < 1 || nSamplesSeen < 1) {
            throw new IllegalArgumentException("a fitted StandardScaler needs at least one feature and one sample, got "
                    + nFeatures + " features and " + nSamplesSeen + " samples.");
        }
        boolean needMean = params.withMean() || params.withStd();
        requireVector("mean", mean, needMean, nFeatures);
        requireVector("var", var, params.withStd(), nFeatures);
        double[] scale = null;
        if (var != null) {
            scale = new double[nFeatures];
            for (int j = 0; j < nFeatures; j++) {
                double bound = nSamplesSeen * EPS * var[j] + square(nSamplesSeen * mean[j] * EPS);
                scale[j] = var[j] <= bound ? 1.0 : Math.sqrt(var[j]);
            }
        }
        return new StandardScalerModel(params, nFeatures, nSamplesSeen, mean == null ? null : mean.clone(),
                var == null ? null : var.clone(), scale, provenance);
    }

    private static void requireVector(String name, double[] v, boolean needed, int n) {
        if (needed != (v != null)) {
            throw new IllegalArgumentException(name + (needed ? " is required" : " must be absent")
                    + " for this StandardScaler's with_mean and with_std.");
        }
        if (v != null) {
            if (v.length != n) {
                throw new IllegalArgumentException(name + " has " + v.length + " values, but the scaler has " + n
                        + " features.");
            }
            Check.allFinite(name, v);
        }
    }

    private static double square(double v) {
        return v * v;
    }

    /** The settings this model was fitted with. */
    public StandardScaler params() {
        return params;
    }

    @Override
    public int nFeatures() {
        return nFeatures;
    }

    /** scikit-learn's {@code n_samples_seen_}. */
    public long nSamplesSeen() {
        return nSamplesSeen;
    }

    /** scikit-learn's {@code mean_}; empty when fitted with neither with_mean nor with_std. */
    public Optional<double[]> mean() {
        return Optional.ofNullable(mean).map(double[]::clone);
    }

    /** scikit-learn's {@code var_}; empty unless fitted with with_std. */
    public Optional<double[]> var() {
        return Optional.ofNullable(var).map(double[]::clone);
    }

    /** scikit-learn's {@code scale_}: the standard deviation, 1.0 for constant features; empty unless with_std. */
    public Optional<double[]> scale() {
        return Optional.ofNullable(scale).map(double[]::clone);
    }

    /** Where this model came from. */
    public Provenance provenance() {
        return provenance;
    }

    /** {@code (x - mean) / scale}, each part applied only where configured; NaN passes through as in scikit-learn. */
    @Override
    public Matrix transform(Matrix x) {
        Check.notEmpty("StandardScaler", x);
        double[] d = x.toFlatArray();
        for (double v : d) {
            if (Double.isInfinite(v)) {
                throw new IllegalArgumentException("Input X contains infinity or a value too large for dtype('float64').");
            }
        }
        Check.nFeatures("StandardScaler", nFeatures, x.cols());
        int f = nFeatures;
        for (int i = 0; i < x.rows(); i++) {
            int off = i * f;
            if (params.withMean()) {
                for (int j = 0; j < f; j++) {
                    d[off + j] -= mean[j];
                }
            }
            if (scale != null) {
                for (int j = 0; j < f; j++) {
                    d[off + j] /= scale[j];
                }
            }
        }
        return Matrix.of(x.rows(), f, d);
    }

    @Override
    public String toString() {
        return "StandardScalerModel(with_mean=" + params.withMean() + ", with_std=" + params.withStd() + ", n_features="
                + nFeatures + ")";
    }
}
