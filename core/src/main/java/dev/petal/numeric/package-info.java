/**
 * Internal: numerical routines in another library's exact rounding order (numpy's pairwise sums), shared by
 * the metrics, the model selection and the estimators so their values equal scikit-learn's bit for bit.
 */
package dev.petal.numeric;
