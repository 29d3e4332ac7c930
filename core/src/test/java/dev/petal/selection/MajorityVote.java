package dev.petal.selection;

import dev.petal.api.Classifier;
import dev.petal.api.Estimator;
import dev.petal.api.HasParams;
import dev.petal.linalg.Matrix;
import java.util.Arrays;
import java.util.Map;
import java.util.function.DoubleConsumer;

/**
 * A test estimator: predicts the training rows' most frequent label; its one parameter {@code C} is passed
 * to a hook before each fit (so a test can hold a fit back or look around while it runs).
 *
 * @param C      the parameter searched over
 * @param onFit  called with C at the start of every fit
 */
record MajorityVote(double C, DoubleConsumer onFit) implements Estimator<MajorityVote.Model>, HasParams {
    @Override
    public Model fit(Matrix x, int[] y) {
        onFit.accept(C);
        int[] counts = new int[Arrays.stream(y).max().orElse(0) + 1];
        for (int v : y) {
            counts[v]++;
        }
        int best = 0;
        for (int k = 1; k < counts.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return new Model(best, x.cols(), Arrays.stream(y).distinct().sorted().toArray());
    }

    @Override
    public Map<String, Object> params() {
        return Map.of("C", C);
    }

    @Override
    public MajorityVote withParams(Map<String, ?> params) {
        Object c = params.get("C");
        return new MajorityVote(c == null ? C : ((Number) c).doubleValue(), onFit);
    }

    /** The fitted model: one label for every row. */
    record Model(int label, int nFeatures, int[] classes) implements Classifier {
        @Override
        public int[] predict(Matrix x) {
            int[] out = new int[x.rows()];
            Arrays.fill(out, label);
            return out;
        }
    }
}
