/**
 * Independent tasks evaluated locally or on a cluster: cross-validation's (candidate, fold) fits and any other
 * work that splits into tasks sharing one read-only input. {@link dev.petal.tasks.TaskBackends#open(String)}
 * picks the backend for a compute target; the Spark backend lives in the {@code spark} module.
 */
package dev.petal.tasks;
