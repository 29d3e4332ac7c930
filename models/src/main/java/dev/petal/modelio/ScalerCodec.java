package dev.petal.modelio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.api.Provenance;
import dev.petal.io.JsonSection;
import dev.petal.io.ModelArchive;
import dev.petal.io.ModelFormatException;
import dev.petal.io.NpyArray;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.preprocessing.StandardScalerModel;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code standard_scaler}: {@code model} holds {@code params} ({@code with_mean}, {@code with_std})
 * and {@code n_samples_seen}; arrays {@code mean}, {@code var} and {@code scale} (float64, one value
 * per feature) are present exactly when scikit-learn's {@code mean_}, {@code var_}, {@code scale_} are.
 */
final class ScalerCodec {
    private ScalerCodec() {
    }

    static void write(StandardScalerModel m, ObjectNode model, Map<String, NpyArray> arrays, String prefix) {
        ObjectNode params = model.putObject("params");
        params.put("with_mean", m.params().withMean());
        params.put("with_std", m.params().withStd());
        model.put("n_samples_seen", m.nSamplesSeen());
        m.mean().ifPresent(v -> arrays.put(prefix + "mean", NpyArray.ofDoubles(v)));
        m.var().ifPresent(v -> arrays.put(prefix + "var", NpyArray.ofDoubles(v)));
        m.scale().ifPresent(v -> arrays.put(prefix + "scale", NpyArray.ofDoubles(v)));
    }

    static StandardScalerModel read(JsonSection model, ModelArchive a, String prefix, int nFeatures, Provenance p)
            throws ModelFormatException {
        JsonSection params = model.section("params");
        StandardScaler settings = new StandardScaler(params.bool("with_mean"), params.bool("with_std"));
        params.finish();
        long n = model.longInteger("n_samples_seen", 1, Long.MAX_VALUE);
        double[] mean = settings.withMean() || settings.withStd() ? a.doubles(prefix + "mean", nFeatures) : null;
        double[] var = settings.withStd() ? a.doubles(prefix + "var", nFeatures) : null;
        double[] scale = settings.withStd() ? a.doubles(prefix + "scale", nFeatures) : null;
        StandardScalerModel m = StandardScalerModel.of(settings, nFeatures, n, mean, var, p);
        if (scale != null && !Arrays.equals(scale, m.scale().orElseThrow())) {
            throw a.fail("array " + prefix + "scale does not match the scale its var gives; the file was altered.");
        }
        return m;
    }
}
