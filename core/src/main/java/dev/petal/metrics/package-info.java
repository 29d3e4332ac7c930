/**
 * Classification metrics with scikit-learn 1.2.1's numbers and texts: {@link dev.petal.metrics.Metrics}
 * (accuracy, balanced accuracy, confusion matrix, precision, recall, F1, ROC AUC, classification report),
 * {@link dev.petal.metrics.Scorers} (scikit-learn's {@code scoring=} names) and
 * {@link dev.petal.metrics.NumpyFormat} (arrays printed as NumPy prints them).
 */
package dev.petal.metrics;
