/**
 * Hyperparameter tuning in the manner of Azure ML's HyperDrive: parameter expressions
 * ({@link dev.petal.tuning.ParameterExpression}), grid, random and Bayesian sampling
 * ({@link dev.petal.tuning.ParameterSampling}), early-termination policies
 * ({@link dev.petal.tuning.EarlyTerminationPolicy}) and the sweep itself.
 */
package dev.petal.tuning;
