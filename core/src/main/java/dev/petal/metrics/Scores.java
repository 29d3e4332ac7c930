package dev.petal.metrics;

/**
 * Averaged precision, recall and F1, as {@code precision_recall_fscore_support(..., average=...)} returns them.
 *
 * @param precision the averaged precision
 * @param recall    the averaged recall
 * @param f1        the averaged F1 score
 */
public record Scores(double precision, double recall, double f1) {
}
