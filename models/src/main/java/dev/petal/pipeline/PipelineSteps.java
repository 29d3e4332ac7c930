package dev.petal.pipeline;

import dev.petal.api.Estimator;
import dev.petal.api.HasParallelism;
import dev.petal.api.Parallelism;
import dev.petal.api.Transformer;
import dev.petal.linalg.Matrix;
import java.util.ArrayList;
import java.util.List;

/**
 * The transform steps every pipeline shares, whatever its final step: building them from a step list, fitting them
 * in turn, checking their widths and passing rows through them. {@link Pipeline}, {@link RegressorPipeline},
 * {@link OneClassPipeline} and their fitted models differ only in the final step.
 */
final class PipelineSteps {
    private PipelineSteps() {
    }

    /** The transforms fitted in turn, and the training rows after the last of them. */
    record Fitted(List<Transformer> transforms, Matrix xt) {
    }

    /** Fits each transform on the output of the one before; {@code y} goes to every transform (null: unsupervised). */
    static Fitted fit(List<Estimator<? extends Transformer>> transforms, Matrix x, int[] y) {
        List<Transformer> fitted = new ArrayList<>();
        Matrix xt = x;
        for (Estimator<? extends Transformer> t : transforms) {
            Transformer m = t.fit(xt, y);
            xt = m.transform(xt);
            fitted.add(m);
        }
        return new Fitted(fitted, xt);
    }

    /** The rows of {@code x} after every fitted transform, in order. */
    static Matrix transform(List<Transformer> transforms, Matrix x) {
        Matrix xt = x;
        for (Transformer t : transforms) {
            xt = t.transform(xt);
        }
        return xt;
    }

    /** The width a fitted pipeline takes: its first transform's, or the final step's when there is none. */
    static int nFeatures(List<Transformer> transforms, int last) {
        return transforms.isEmpty() ? last : transforms.get(0).nFeatures();
    }

    /** Refuses steps whose input width differs from the previous step's output width ({@code last}: the final step's). */
    static void checkWidths(List<Transformer> steps, int last) {
        for (int i = 1; i <= steps.size(); i++) {
            int out = steps.get(i - 1).nFeaturesOut();
            int in = i < steps.size() ? steps.get(i).nFeatures() : last;
            if (out != in) {
                throw new IllegalArgumentException("pipeline step " + (i - 1) + " outputs " + out
                        + " features, but step " + i + " expects " + in + ".");
            }
        }
    }

    /** The transforms of a step list whose last step is the final {@code kind} ("classifier", "regressor"). */
    @SuppressWarnings("unchecked")
    static List<Estimator<? extends Transformer>> transformsOf(List<?> steps, String kind) {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("A Pipeline needs at least one step, its final " + kind + ".");
        }
        List<Estimator<? extends Transformer>> transforms = new ArrayList<>();
        for (Object s : steps.subList(0, steps.size() - 1)) {
            transforms.add((Estimator<? extends Transformer>) s);
        }
        return transforms;
    }

    /** A copy of the transforms, those that take a thread count given {@code parallelism}. */
    @SuppressWarnings("unchecked")
    static List<Estimator<? extends Transformer>> withParallelism(List<Estimator<? extends Transformer>> transforms,
                                                                Parallelism parallelism) {
        List<Estimator<? extends Transformer>> ts = new ArrayList<>();
        for (Estimator<? extends Transformer> t : transforms) {
            ts.add(t instanceof HasParallelism h ? (Estimator<? extends Transformer>) h.withParallelism(parallelism) : t);
        }
        return ts;
    }
}
