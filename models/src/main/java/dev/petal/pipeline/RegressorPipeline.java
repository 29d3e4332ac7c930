package dev.petal.pipeline;

import dev.petal.api.Estimator;
import dev.petal.api.HasParallelism;
import dev.petal.api.HasParams;
import dev.petal.api.Parallelism;
import dev.petal.api.Provenance;
import dev.petal.api.Regressor;
import dev.petal.api.RegressorEstimator;
import dev.petal.api.Transformer;
import dev.petal.check.Check;
import dev.petal.linalg.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * scikit-learn's {@code Pipeline} ending in a regressor ({@code make_pipeline(StandardScaler(), SVR())}): fits each
 * transform on the output of the one before (the transforms ignore the targets), then the regressor on the last
 * output.
 *
 * @param transforms the transform steps, applied in order (may be empty)
 * @param regressor  the final step
 */
public record RegressorPipeline(List<Estimator<? extends Transformer>> transforms,
                                RegressorEstimator<? extends Regressor> regressor)
        implements RegressorEstimator<RegressorPipelineModel>, HasParams, HasParallelism {
    /** Copies the steps and refuses null ones. */
    public RegressorPipeline {
        transforms = List.copyOf(transforms);
        Objects.requireNonNull(regressor, "regressor");
    }

    /** One transform then a regressor, e.g. {@code RegressorPipeline.of(StandardScaler.defaults(), SVR.defaults())}. */
    public static RegressorPipeline of(Estimator<? extends Transformer> transform,
                                       RegressorEstimator<? extends Regressor> regressor) {
        return new RegressorPipeline(List.of(transform), regressor);
    }

    /** Every step in order, the regressor last. */
    public List<Object> steps() {
        List<Object> steps = new ArrayList<>(transforms);
        steps.add(regressor);
        return List.copyOf(steps);
    }

    /** {@code make_pipeline}'s step names, e.g. {@code ["standardscaler", "svr"]}: the prefixes of nested parameter names. */
    public List<String> stepNames() {
        return PipelineParams.stepNames(steps());
    }

    /** A pipeline from its steps, the last being the regressor (each step's type is checked). */
    @SuppressWarnings("unchecked")
    public static RegressorPipeline ofSteps(List<?> steps) {
        List<Estimator<? extends Transformer>> transforms = PipelineSteps.transformsOf(steps, "regressor");
        return new RegressorPipeline(transforms, (RegressorEstimator<? extends Regressor>) steps.get(steps.size() - 1));
    }

    /** scikit-learn's {@code get_params(deep=True)} less the step objects: {@code step__param} for every step's parameter. */
    @Override
    public Map<String, Object> params() {
        return PipelineParams.of(steps());
    }

    /** scikit-learn's {@code set_params(svr__C=10, ...)} on a copy; each step gets its own parameters. */
    @Override
    public RegressorPipeline withParams(Map<String, ?> params) {
        return ofSteps(PipelineParams.with(steps(), params));
    }

    /** {@code set_params(name=value)} on a copy. */
    @Override
    public RegressorPipeline withParam(String name, Object value) {
        return withParams(java.util.Collections.singletonMap(name, value));
    }

    /** A copy whose steps that take a thread count get {@code parallelism}. */
    @Override
    @SuppressWarnings("unchecked")
    public RegressorPipeline withParallelism(Parallelism parallelism) {
        List<Estimator<? extends Transformer>> ts = PipelineSteps.withParallelism(transforms, parallelism);
        RegressorEstimator<? extends Regressor> r = regressor instanceof HasParallelism h
                ? (RegressorEstimator<? extends Regressor>) h.withParallelism(parallelism) : regressor;
        return new RegressorPipeline(ts, r);
    }

    /** Fits every step in turn; the fitted pipeline's provenance fingerprints {@code x} and {@code y}. */
    @Override
    public RegressorPipelineModel fit(Matrix x, double[] y) {
        Check.consistentLength(x.rows(), y.length);
        Provenance provenance = Provenance.of(x, y);
        PipelineSteps.Fitted fitted = PipelineSteps.fit(transforms, x, null);
        return RegressorPipelineModel.of(fitted.transforms(), regressor.fit(fitted.xt(), y), provenance);
    }
}
