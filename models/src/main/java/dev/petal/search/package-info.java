/**
 * Model selection glue that needs Petal's concrete estimators: an estimator described as plain JSON
 * ({@link dev.petal.search.EstimatorSpec}) and cross-validation units run on any
 * {@link dev.petal.tasks.TaskBackend} ({@link dev.petal.search.TaskCvBackend}), such as a Spark cluster.
 */
package dev.petal.search;
