package dev.petal.pipeline;

import dev.petal.api.Estimator;
import dev.petal.api.HasParallelism;
import dev.petal.api.Parallelism;
import dev.petal.api.Provenance;
import dev.petal.api.Transformer;
import dev.petal.linalg.Matrix;
import dev.petal.svm.OneClassSVM;
import java.util.List;
import java.util.Objects;

/**
 * scikit-learn's {@code Pipeline} ending in a one-class SVM ({@code make_pipeline(StandardScaler(), OneClassSVM())}):
 * fits each transform on the output of the one before, then the novelty detector on the last output.
 *
 * @param transforms the transform steps, applied in order (may be empty)
 * @param oneClass   the final step
 */
public record OneClassPipeline(List<Estimator<? extends Transformer>> transforms, OneClassSVM oneClass)
        implements HasParallelism {
    /** Copies the steps and refuses null ones. */
    public OneClassPipeline {
        transforms = List.copyOf(transforms);
        Objects.requireNonNull(oneClass, "oneClass");
    }

    /** One transform then the one-class SVM. */
    public static OneClassPipeline of(Estimator<? extends Transformer> transform, OneClassSVM oneClass) {
        return new OneClassPipeline(List.of(transform), oneClass);
    }

    /** A copy whose steps that take a thread count get {@code parallelism}. */
    @Override
    public OneClassPipeline withParallelism(Parallelism parallelism) {
        List<Estimator<? extends Transformer>> ts = PipelineSteps.withParallelism(transforms, parallelism);
        return new OneClassPipeline(ts, oneClass.withParallelism(parallelism));
    }

    /** Fits every step in turn (scikit-learn's {@code fit(X)}); the provenance fingerprints {@code x} (y: ones). */
    public OneClassPipelineModel fit(Matrix x) {
        double[] ones = new double[x.rows()];
        java.util.Arrays.fill(ones, 1.0);
        Provenance provenance = Provenance.of(x, ones);
        PipelineSteps.Fitted fitted = PipelineSteps.fit(transforms, x, null);
        return OneClassPipelineModel.of(fitted.transforms(), oneClass.fit(fitted.xt()), provenance);
    }
}
