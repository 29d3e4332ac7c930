package dev.petal.pipeline;

import dev.petal.api.OutlierDetector;
import dev.petal.api.Provenance;
import dev.petal.api.Transformer;
import dev.petal.linalg.Matrix;
import dev.petal.svm.OneClassSVMModel;
import java.util.List;
import java.util.Objects;

/**
 * A fitted {@link OneClassPipeline}: rows go through each fitted transform, then the one-class SVM predicts +1 / -1,
 * its decision function or its score samples. Immutable.
 */
public final class OneClassPipelineModel implements OutlierDetector {
    private final List<Transformer> transforms;
    private final OneClassSVMModel oneClass;
    private final Provenance provenance;

    private OneClassPipelineModel(List<Transformer> transforms, OneClassSVMModel oneClass, Provenance provenance) {
        this.transforms = transforms;
        this.oneClass = oneClass;
        this.provenance = provenance;
    }

    /**
     * A fitted pipeline from fitted steps, as fit builds it or a model file stores it.
     *
     * @throws IllegalArgumentException if a step's input width differs from the previous step's output width
     */
    public static OneClassPipelineModel of(List<? extends Transformer> transforms, OneClassSVMModel oneClass,
                                           Provenance provenance) {
        List<Transformer> steps = List.copyOf(transforms);
        Objects.requireNonNull(oneClass, "oneClass");
        Objects.requireNonNull(provenance, "provenance");
        PipelineSteps.checkWidths(steps, oneClass.nFeatures());
        return new OneClassPipelineModel(steps, oneClass, provenance);
    }

    /** The fitted transforms, in order. */
    public List<Transformer> transforms() {
        return transforms;
    }

    /** The fitted one-class SVM. */
    public OneClassSVMModel oneClass() {
        return oneClass;
    }

    /** Where this model came from: the pipeline's own training data. */
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public int nFeatures() {
        return PipelineSteps.nFeatures(transforms, oneClass.nFeatures());
    }

    /** The rows of {@code x} after every transform, as the one-class SVM sees them. */
    public Matrix transform(Matrix x) {
        return PipelineSteps.transform(transforms, x);
    }

    /** +1 for an inlier, -1 for an outlier. */
    @Override
    public int[] predict(Matrix x) {
        return oneClass.predict(transform(x));
    }

    /** The one-class SVM's decision function on the transformed rows. */
    @Override
    public double[] decisionFunction(Matrix x) {
        return oneClass.decisionFunction(transform(x));
    }

    /** The one-class SVM's score samples on the transformed rows. */
    @Override
    public double[] scoreSamples(Matrix x) {
        return oneClass.scoreSamples(transform(x));
    }

    @Override
    public String toString() {
        return "OneClassPipelineModel(" + transforms + " -> " + oneClass + ")";
    }
}
