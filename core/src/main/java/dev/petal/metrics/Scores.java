package dev.petal.metrics;

/** Averaged precision, recall and F1, as {@code precision_recall_fscore_support(..., average=...)} returns them. */
public record Scores(double precision, double recall, double f1) {
}
