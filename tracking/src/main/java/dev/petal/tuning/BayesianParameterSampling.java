package dev.petal.tuning;

import java.util.Objects;

/**
 * Bayesian optimization over {@code choice}, {@code uniform} and {@code quniform} expressions
 * (the ones Azure allows): a Gaussian-process surrogate with expected improvement, after a few
 * random draws. It cannot be combined with early termination, as in Azure. Azure recommends a
 * budget of at least 20 runs per hyperparameter and low concurrency.
 */
public record BayesianParameterSampling(SearchSpace space, long seed) implements ParameterSampling {

    /** Refuses any expression other than choice, uniform or quniform, naming it. */
    public BayesianParameterSampling {
        Objects.requireNonNull(space, "space");
        space.parameters().forEach((name, expr) -> {
            if (!(expr instanceof ParameterExpression.Choice || expr instanceof ParameterExpression.Uniform
                    || expr instanceof ParameterExpression.QUniform)) {
                throw new IllegalArgumentException("Bayesian sampling supports only choice, uniform and quniform expressions;"
                        + " hyperparameter '" + name + "' is " + expr.expression() + ".");
            }
        });
    }

    @Override
    public Sampler sampler(PrimaryMetricGoal goal) {
        return new BayesianSampler(space, seed, goal);
    }

    @Override
    public boolean supportsEarlyTermination() {
        return false;
    }

    @Override
    public String name() {
        return "bayesian";
    }
}
