/**
 * scikit-learn's liblinear-backed estimators: {@link dev.petal.linear.LinearSVC} and
 * {@link dev.petal.linear.LinearSVR} and their fitted models, on dense or CSR rows. The solvers are
 * the internal package {@code dev.petal.linear.liblinear}.
 */
package dev.petal.linear;
