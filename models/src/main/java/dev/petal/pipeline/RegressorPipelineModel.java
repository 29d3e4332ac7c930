package dev.petal.pipeline;

import dev.petal.api.Provenance;
import dev.petal.api.Regressor;
import dev.petal.api.Transformer;
import dev.petal.linalg.Matrix;
import java.util.List;
import java.util.Objects;

/** A fitted {@link RegressorPipeline}: rows go through each fitted transform, then the final regressor predicts. Immutable. */
public final class RegressorPipelineModel implements Regressor {
    private final List<Transformer> transforms;
    private final Regressor regressor;
    private final Provenance provenance;

    private RegressorPipelineModel(List<Transformer> transforms, Regressor regressor, Provenance provenance) {
        this.transforms = transforms;
        this.regressor = regressor;
        this.provenance = provenance;
    }

    /**
     * A fitted pipeline from fitted steps, as fit builds it or a model file stores it.
     *
     * @throws IllegalArgumentException if a step's input width differs from the previous step's output width
     */
    public static RegressorPipelineModel of(List<? extends Transformer> transforms, Regressor regressor,
                                            Provenance provenance) {
        List<Transformer> steps = List.copyOf(transforms);
        Objects.requireNonNull(regressor, "regressor");
        Objects.requireNonNull(provenance, "provenance");
        PipelineSteps.checkWidths(steps, regressor.nFeatures());
        return new RegressorPipelineModel(steps, regressor, provenance);
    }

    /** The fitted transforms, in order. */
    public List<Transformer> transforms() {
        return transforms;
    }

    /** The fitted final regressor. */
    public Regressor regressor() {
        return regressor;
    }

    /** Where this model came from: the pipeline's own training data. */
    public Provenance provenance() {
        return provenance;
    }

    /** The rows of {@code x} after every transform, as the final regressor sees them. */
    public Matrix transform(Matrix x) {
        return PipelineSteps.transform(transforms, x);
    }

    @Override
    public int nFeatures() {
        return PipelineSteps.nFeatures(transforms, regressor.nFeatures());
    }

    @Override
    public double[] predict(Matrix x) {
        return regressor.predict(transform(x));
    }

    @Override
    public String toString() {
        return "RegressorPipelineModel(" + transforms + " -> " + regressor + ")";
    }
}
