package dev.petal.pipeline;

import dev.petal.api.DecisionClassifier;
import dev.petal.api.Estimator;
import dev.petal.api.Provenance;
import dev.petal.api.Transformer;
import dev.petal.check.Check;
import dev.petal.linalg.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * scikit-learn's {@code Pipeline}: fits each transform on the output of the one before, then the
 * final classifier on the last output, as {@code Pipeline.fit} does.
 *
 * @param transforms the transform steps, applied in order (may be empty)
 * @param classifier the final step
 */
public record Pipeline(List<Estimator<? extends Transformer>> transforms, Estimator<? extends DecisionClassifier> classifier)
        implements Estimator<PipelineModel> {
    /** Copies the steps and refuses null ones. */
    public Pipeline {
        transforms = List.copyOf(transforms);
        Objects.requireNonNull(classifier, "classifier");
    }

    /** One transform then a classifier, e.g. {@code Pipeline.of(StandardScaler.defaults(), SVC.defaults())}. */
    public static Pipeline of(Estimator<? extends Transformer> transform, Estimator<? extends DecisionClassifier> classifier) {
        return new Pipeline(List.of(transform), classifier);
    }

    /** Fits every step in turn and returns the fitted pipeline, whose provenance fingerprints {@code x} and {@code y}. */
    @Override
    public PipelineModel fit(Matrix x, int[] y) {
        Check.consistentLength(x.rows(), y.length);
        Provenance provenance = Provenance.of(x, y);
        List<Transformer> fitted = new ArrayList<>();
        Matrix xt = x;
        for (Estimator<? extends Transformer> t : transforms) {
            Transformer m = t.fit(xt, y);
            xt = m.transform(xt);
            fitted.add(m);
        }
        return PipelineModel.of(fitted, classifier.fit(xt, y), provenance);
    }
}
