package dev.petal.selection;

import java.util.List;

/**
 * {@code cv=k} as scikit-learn's {@code check_cv} resolves an int: {@code StratifiedKFold(k)} for a
 * classifier's labels, {@code KFold(k)} for a continuous target; neither shuffles.
 *
 * @param nSplits the number of folds, at least 2
 */
public record Folds(int nSplits) implements CvSplitter {
    /** scikit-learn's default, {@code cv=5}. */
    public static final Folds DEFAULT = new Folds(5);

    /** Checks the number of folds with scikit-learn's message. */
    public Folds {
        KFold.checkSplits(nSplits);
    }

    @Override
    public List<TrainTestIndices> split(int nSamples, int[] labels) {
        return labels != null ? StratifiedKFold.of(nSplits).split(nSamples, labels) : KFold.of(nSplits).split(nSamples);
    }
}
