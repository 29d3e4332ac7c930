package dev.petal.metrics;

/**
 * Per-class precision, recall, F1 and support, scikit-learn's
 * {@code precision_recall_fscore_support(..., average=None)}; entry {@code i} belongs to {@code labels[i]}.
 */
public record ClassScores(int[] labels, double[] precision, double[] recall, double[] f1, int[] support) {
    /** Checks the lengths agree and copies the arrays in. */
    public ClassScores {
        int n = labels.length;
        if (precision.length != n || recall.length != n || f1.length != n || support.length != n) {
            throw new IllegalArgumentException("per-class arrays must all have one entry per label");
        }
        labels = labels.clone();
        precision = precision.clone();
        recall = recall.clone();
        f1 = f1.clone();
        support = support.clone();
    }

    /** A copy of the labels, in the order of the scores. */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** A copy of the precision per label. */
    @Override
    public double[] precision() {
        return precision.clone();
    }

    /** A copy of the recall per label. */
    @Override
    public double[] recall() {
        return recall.clone();
    }

    /** A copy of the F1 score per label. */
    @Override
    public double[] f1() {
        return f1.clone();
    }

    /** A copy of the number of true samples per label. */
    @Override
    public int[] support() {
        return support.clone();
    }
}
