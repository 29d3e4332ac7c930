package dev.petal.pipeline;

import dev.petal.api.DecisionClassifier;
import dev.petal.api.Estimator;
import dev.petal.api.HasParallelism;
import dev.petal.api.HasParams;
import dev.petal.api.Parallelism;
import dev.petal.api.Provenance;
import dev.petal.api.Transformer;
import dev.petal.check.Check;
import dev.petal.linalg.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * scikit-learn's {@code Pipeline}: fits each transform on the output of the one before, then the
 * final classifier on the last output, as {@code Pipeline.fit} does.
 *
 * @param transforms the transform steps, applied in order (may be empty)
 * @param classifier the final step
 */
public record Pipeline(List<Estimator<? extends Transformer>> transforms, Estimator<? extends DecisionClassifier> classifier)
        implements Estimator<PipelineModel>, HasParams, HasParallelism {
    /** Copies the steps and refuses null ones. */
    public Pipeline {
        transforms = List.copyOf(transforms);
        Objects.requireNonNull(classifier, "classifier");
    }

    /** One transform then a classifier, e.g. {@code Pipeline.of(StandardScaler.defaults(), SVC.defaults())}. */
    public static Pipeline of(Estimator<? extends Transformer> transform, Estimator<? extends DecisionClassifier> classifier) {
        return new Pipeline(List.of(transform), classifier);
    }

    /** Every step in order, the classifier last. */
    public List<Estimator<?>> steps() {
        List<Estimator<?>> steps = new ArrayList<>(transforms);
        steps.add(classifier);
        return List.copyOf(steps);
    }

    /** {@code make_pipeline}'s step names, e.g. {@code ["standardscaler", "svc"]}: the prefixes of nested parameter names. */
    public List<String> stepNames() {
        return PipelineParams.stepNames(steps());
    }

    /** A pipeline from its steps, the last being the classifier (each step's type is checked). */
    @SuppressWarnings("unchecked")
    public static Pipeline ofSteps(List<? extends Estimator<?>> steps) {
        List<Estimator<? extends Transformer>> transforms = PipelineSteps.transformsOf(steps, "classifier");
        return new Pipeline(transforms, (Estimator<? extends DecisionClassifier>) steps.get(steps.size() - 1));
    }

    /** scikit-learn's {@code get_params(deep=True)} less the step objects: {@code step__param} for every step's parameter. */
    @Override
    public Map<String, Object> params() {
        return PipelineParams.of(steps());
    }

    /** scikit-learn's {@code set_params(svc__C=10, ...)} on a copy; each step gets its own parameters. */
    @Override
    public Pipeline withParams(Map<String, ?> params) {
        @SuppressWarnings("unchecked")
        List<Estimator<?>> steps = (List<Estimator<?>>) (List<?>) PipelineParams.with(steps(), params);
        return ofSteps(steps);
    }

    /** {@code set_params(name=value)} on a copy. */
    @Override
    public Pipeline withParam(String name, Object value) {
        return withParams(java.util.Collections.singletonMap(name, value));
    }

    /** A copy whose steps that take a thread count get {@code parallelism}. */
    @Override
    public Pipeline withParallelism(Parallelism parallelism) {
        List<Estimator<?>> steps = new ArrayList<>();
        for (Estimator<?> s : steps()) {
            steps.add(s instanceof HasParallelism h ? (Estimator<?>) h.withParallelism(parallelism) : s);
        }
        return ofSteps(steps);
    }

    /** Fits every step in turn and returns the fitted pipeline, whose provenance fingerprints {@code x} and {@code y}. */
    @Override
    public PipelineModel fit(Matrix x, int[] y) {
        Check.consistentLength(x.rows(), y.length);
        Provenance provenance = Provenance.of(x, y);
        PipelineSteps.Fitted fitted = PipelineSteps.fit(transforms, x, y);
        return PipelineModel.of(fitted.transforms(), classifier.fit(fitted.xt(), y), provenance);
    }
}
