package dev.petal.pipeline;

import dev.petal.api.DecisionClassifier;
import dev.petal.api.Provenance;
import dev.petal.api.Transformer;
import dev.petal.linalg.Matrix;
import java.util.List;
import java.util.Objects;

/**
 * A fitted {@link Pipeline}: rows go through each fitted transform, then the final classifier
 * predicts, scores or gives probabilities on the result. Immutable.
 */
public final class PipelineModel implements DecisionClassifier {
    private final List<Transformer> transforms;
    private final DecisionClassifier classifier;
    private final Provenance provenance;

    private PipelineModel(List<Transformer> transforms, DecisionClassifier classifier, Provenance provenance) {
        this.transforms = transforms;
        this.classifier = classifier;
        this.provenance = provenance;
    }

    /**
     * A fitted pipeline from fitted steps, as fit builds it or a model file stores it.
     *
     * @throws IllegalArgumentException if a step's input width differs from the previous step's output width
     */
    public static PipelineModel of(List<? extends Transformer> transforms, DecisionClassifier classifier,
                                   Provenance provenance) {
        List<Transformer> steps = List.copyOf(transforms);
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(provenance, "provenance");
        PipelineSteps.checkWidths(steps, classifier.nFeatures());
        return new PipelineModel(steps, classifier, provenance);
    }

    /** The fitted transforms, in order. */
    public List<Transformer> transforms() {
        return transforms;
    }

    /** The fitted final classifier. */
    public DecisionClassifier classifier() {
        return classifier;
    }

    /** Where this model came from: the pipeline's own training data. */
    public Provenance provenance() {
        return provenance;
    }

    /** The rows of {@code x} after every transform, as the final classifier sees them. */
    public Matrix transform(Matrix x) {
        return PipelineSteps.transform(transforms, x);
    }

    @Override
    public int[] classes() {
        return classifier.classes();
    }

    @Override
    public int nFeatures() {
        return PipelineSteps.nFeatures(transforms, classifier.nFeatures());
    }

    @Override
    public int[] predict(Matrix x) {
        return classifier.predict(transform(x));
    }

    @Override
    public Matrix decisionFunction(Matrix x) {
        return classifier.decisionFunction(transform(x));
    }

    @Override
    public boolean supportsProba() {
        return classifier.supportsProba();
    }

    @Override
    public Matrix predictProba(Matrix x) {
        return classifier.predictProba(transform(x));
    }

    @Override
    public String toString() {
        return "PipelineModel(" + transforms + " -> " + classifier + ")";
    }
}
