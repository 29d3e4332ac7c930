package dev.petal.metrics;

/**
 * How precision, recall and F1 combine the per-class scores: scikit-learn's {@code average}
 * parameter ({@code 'binary'} with a {@code pos_label}, {@code 'micro'}, {@code 'macro'}, {@code 'weighted'}).
 */
public sealed interface Average permits Average.Binary, Average.Multi {
    /** {@code average='binary'} with {@code pos_label=1}, scikit-learn's default. */
    Average BINARY = new Binary(1);
    /** {@code average='micro'}: global counts of true positives, false negatives and false positives. */
    Average MICRO = Multi.MICRO;
    /** {@code average='macro'}: the unweighted mean of the per-class scores. */
    Average MACRO = Multi.MACRO;
    /** {@code average='weighted'}: the per-class scores weighted by support. */
    Average WEIGHTED = Multi.WEIGHTED;

    /** {@code average='binary'} scoring the class {@code posLabel} only. */
    static Average binary(int posLabel) {
        return new Binary(posLabel);
    }

    /** Binary averaging: the score of the positive class alone; labels must be binary. */
    record Binary(int posLabel) implements Average {
    }

    /** The averages over several classes. */
    enum Multi implements Average {
        /** Global counts. */
        MICRO,
        /** Unweighted mean. */
        MACRO,
        /** Support-weighted mean. */
        WEIGHTED
    }
}
