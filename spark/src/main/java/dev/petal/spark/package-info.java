/**
 * Petal on Apache Spark: submitted runs and sweep trials as Spark jobs (one job per run, its script in a child JVM
 * on an executor), independent tasks such as cross-validation fits (the {@code spark:} targets of
 * {@code TaskBackends.open}, internal in {@code dev.petal.spark.tasks}) and
 * batch scoring over a {@code Dataset<Row>} ({@link dev.petal.spark.SparkScoring}). Spark is a provided dependency:
 * the {@code petal} command runs this module in its own driver JVM, and a Spark application can call it directly.
 */
package dev.petal.spark;
