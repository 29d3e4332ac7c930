/**
 * The local scoring web service: a fitted {@link dev.petal.api.DecisionClassifier} behind HTTP,
 * speaking Azure ML's no-code {@code /score}, MLflow's {@code /invocations} and the Open
 * Inference Protocol v2, with {@link dev.petal.serving.WebService} as the Java handle.
 */
package dev.petal.serving;
