package dev.petal.tuning;

/**
 * How configurations are drawn from a {@link SearchSpace}: {@link GridParameterSampling},
 * {@link RandomParameterSampling} or {@link BayesianParameterSampling}, as in Azure's HyperDrive.
 */
public sealed interface ParameterSampling
        permits GridParameterSampling, RandomParameterSampling, BayesianParameterSampling {

    /** The hyperparameters and their distributions. */
    SearchSpace space();

    /** A fresh sampler for one sweep whose primary metric has the given goal. */
    Sampler sampler(PrimaryMetricGoal goal);

    /** Whether an early-termination policy may be combined with this sampling (Bayesian: no). */
    boolean supportsEarlyTermination();

    /** The sampling's name as the CLI spells it: grid, random or bayesian. */
    String name();
}
