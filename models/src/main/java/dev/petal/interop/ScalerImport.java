package dev.petal.interop;

import dev.petal.api.Provenance;
import dev.petal.io.ModelFormatException;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.preprocessing.StandardScalerModel;

/** A pickled scikit-learn {@code StandardScaler} as a {@link StandardScalerModel}; {@code scale_} is checked against what Petal derives from {@code var_}. */
final class ScalerImport {
    private ScalerImport() {
    }

    static StandardScalerModel read(SklearnState s, Provenance provenance) throws ModelFormatException {
        StandardScaler params = new StandardScaler(s.bool("with_mean"), s.bool("with_std"));
        int d = s.intIn("n_features_in_", 1, 1 << 24);
        long seen;
        Object ns = s.raw("n_samples_seen_");
        if (ns instanceof NdArray a) {
            int[] counts = s.ints("n_samples_seen_", d);
            for (int c : counts) {
                if (c != counts[0]) {
                    throw s.fail("n_samples_seen_", "differs between features (the data had missing values), "
                            + "which Petal's StandardScaler does not model");
                }
            }
            seen = counts[0];
        } else {
            seen = s.integer("n_samples_seen_");
        }
        double[] mean = s.has("mean_") ? s.doubles("mean_", d) : null;
        double[] var = s.has("var_") ? s.doubles("var_", d) : null;
        if (!params.withStd()) {
            var = null;
        }
        StandardScalerModel m = StandardScalerModel.of(params, d, seen, mean, var, provenance);
        double[] scale = s.has("scale_") ? s.doubles("scale_", d) : null;
        double[] derived = m.scale().orElse(null);
        if ((scale == null) != (derived == null)) {
            throw s.fail("scale_", scale == null ? "is missing although with_std is True" : "is set although with_std is False");
        }
        for (int j = 0; scale != null && j < d; j++) {
            if (Double.doubleToLongBits(scale[j]) != Double.doubleToLongBits(derived[j])) {
                throw s.fail("scale_", "differs from sqrt(var_) at feature " + j + " (" + scale[j] + " vs " + derived[j]
                        + "); the file was altered");
            }
        }
        return m;
    }
}
