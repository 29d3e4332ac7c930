/**
 * Internal: the Spark implementation of core's task SPI ({@code dev.petal.tasks}), found by {@link java.util.ServiceLoader}
 * when a program asks {@code TaskBackends.open} for a {@code spark:} target; a user names the target, not these types.
 */
package dev.petal.spark.tasks;
