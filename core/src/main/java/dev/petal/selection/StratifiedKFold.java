package dev.petal.selection;

import java.util.Arrays;
import java.util.List;

/**
 * scikit-learn 1.2.1's {@code StratifiedKFold}: each fold keeps the class proportions of y.
 *
 * <p>Classes are numbered by first appearance in y; the per-fold count of each class is the round
 * robin over the sorted labels ({@code bincount(y_order[i::k])}); each class's rows get their fold
 * numbers in blocks, shuffled per class by one {@code RandomState(seed)} when {@code shuffle} is set.
 *
 * @param nSplits the number of folds, at least 2
 * @param shuffle whether to shuffle each class's fold assignment
 * @param seed    the {@code random_state} used when shuffling, in [0, 2**32 - 1]
 */
public record StratifiedKFold(int nSplits, boolean shuffle, long seed) implements CvSplitter {
    /** Checks the parameters with scikit-learn's messages. */
    public StratifiedKFold {
        KFold.checkSplits(nSplits);
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("Seed must be between 0 and 2**32 - 1");
        }
    }

    /** {@code StratifiedKFold(n_splits=k)}: no shuffling. */
    public static StratifiedKFold of(int nSplits) {
        return new StratifiedKFold(nSplits, false, 0);
    }

    /** {@code StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)}. */
    public static StratifiedKFold shuffled(int nSplits, long seed) {
        return new StratifiedKFold(nSplits, true, seed);
    }

    /** The folds for labels {@code labels} (required) of {@code nSamples} rows. */
    @Override
    public List<TrainTestIndices> split(int nSamples, int[] labels) {
        if (labels == null) {
            throw new IllegalArgumentException("StratifiedKFold needs class labels; use KFold for a continuous target.");
        }
        if (labels.length != nSamples) {
            throw new IllegalArgumentException("Found input variables with inconsistent numbers of samples: ["
                    + nSamples + ", " + labels.length + "]");
        }
        return split(labels);
    }

    /**
     * scikit-learn's warning when some class (not all) has fewer members than folds, or null:
     * {@code The least populated class in y has only 3 members, which is less than n_splits=5.}
     */
    public String leastPopulatedWarning(int[] y) {
        int[] sorted = y.clone();
        Arrays.sort(sorted);
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < sorted.length;) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            min = Math.min(min, j - i);
            i = j;
        }
        return sorted.length > 0 && nSplits > min
                ? "The least populated class in y has only " + min + " members, which is less than n_splits=" + nSplits + "."
                : null;
    }

    /** The folds for labels {@code y}, in scikit-learn's order. */
    public List<TrainTestIndices> split(int[] y) {
        int n = y.length;
        KFold.checkEnoughSamples(nSplits, n);
        RandomState rng = new RandomState(seed);
        int[] sorted = Arrays.stream(y).distinct().sorted().toArray();
        int[] firstSeen = new int[sorted.length];
        Arrays.fill(firstSeen, -1);
        for (int i = 0; i < n; i++) {
            int k = Arrays.binarySearch(sorted, y[i]);
            if (firstSeen[k] < 0) {
                firstSeen[k] = i;
            }
        }
        // encode classes by order of first appearance, as scikit-learn does
        Integer[] order = new Integer[sorted.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(firstSeen[a], firstSeen[b]));
        int nClasses = sorted.length;
        int[] codeOfSorted = new int[nClasses];
        for (int c = 0; c < nClasses; c++) {
            codeOfSorted[order[c]] = c;
        }
        int[] encoded = new int[n];
        int[] counts = new int[nClasses];
        for (int i = 0; i < n; i++) {
            encoded[i] = codeOfSorted[Arrays.binarySearch(sorted, y[i])];
            counts[encoded[i]]++;
        }
        boolean allTooSmall = true;
        for (int c : counts) {
            allTooSmall &= nSplits > c;
        }
        if (allTooSmall) {
            throw new IllegalArgumentException("n_splits=" + nSplits + " cannot be greater than the number of members in each class.");
        }
        // allocation[f][c]: rows of class c in fold f, the round robin over the sorted codes
        int[][] allocation = new int[nSplits][nClasses];
        int pos = 0;
        for (int c = 0; c < nClasses; c++) {
            for (int j = 0; j < counts[c]; j++, pos++) {
                allocation[pos % nSplits][c]++;
            }
        }
        int[] foldOf = new int[n];
        for (int c = 0; c < nClasses; c++) {
            int[] foldsForClass = new int[counts[c]];
            int p = 0;
            for (int f = 0; f < nSplits; f++) {
                for (int j = 0; j < allocation[f][c]; j++) {
                    foldsForClass[p++] = f;
                }
            }
            if (shuffle) {
                rng.shuffle(foldsForClass);
            }
            int q = 0;
            for (int i = 0; i < n; i++) {
                if (encoded[i] == c) {
                    foldOf[i] = foldsForClass[q++];
                }
            }
        }
        return KFold.folds(foldOf, nSplits);
    }
}
