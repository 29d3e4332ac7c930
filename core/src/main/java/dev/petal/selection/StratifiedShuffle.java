package dev.petal.selection;

import java.util.Arrays;

/**
 * scikit-learn 1.2.1's {@code StratifiedShuffleSplit} (one split) and {@code _approximate_mode}, draw
 * for draw: the same calls on the same {@link RandomState} in the same order.
 */
final class StratifiedShuffle {
    private StratifiedShuffle() {
    }

    /** One stratified split of the rows labelled {@code y} into {@code nTrain} and {@code nTest} rows. */
    static TrainTestIndices split(int[] y, int nTrain, int nTest, RandomState rng) {
        int[] classes = Arrays.stream(y).distinct().sorted().toArray();
        int nClasses = classes.length;
        int[] counts = new int[nClasses];
        int[][] members = new int[nClasses][];
        for (int label : y) {
            counts[Arrays.binarySearch(classes, label)]++;
        }
        for (int k = 0; k < nClasses; k++) {
            members[k] = new int[counts[k]];
        }
        int[] fill = new int[nClasses];
        for (int i = 0; i < y.length; i++) {
            int k = Arrays.binarySearch(classes, y[i]);
            members[k][fill[k]++] = i;
        }
        if (Arrays.stream(counts).min().orElse(0) < 2) {
            throw new IllegalArgumentException("The least populated class in y has only 1 member, which is too few. "
                    + "The minimum number of groups for any class cannot be less than 2.");
        }
        if (nTrain < nClasses) {
            throw new IllegalArgumentException("The train_size = " + nTrain
                    + " should be greater or equal to the number of classes = " + nClasses);
        }
        if (nTest < nClasses) {
            throw new IllegalArgumentException("The test_size = " + nTest
                    + " should be greater or equal to the number of classes = " + nClasses);
        }
        int[] trainPerClass = approximateMode(counts, nTrain, rng);
        int[] remaining = new int[nClasses];
        for (int k = 0; k < nClasses; k++) {
            remaining[k] = counts[k] - trainPerClass[k];
        }
        int[] testPerClass = approximateMode(remaining, nTest, rng);
        int[] train = new int[nTrain];
        int[] test = new int[nTest];
        int nt = 0;
        int ne = 0;
        for (int k = 0; k < nClasses; k++) {
            int[] perm = rng.permutation(counts[k]);
            for (int j = 0; j < trainPerClass[k]; j++) {
                train[nt++] = members[k][perm[j]];
            }
            for (int j = trainPerClass[k]; j < trainPerClass[k] + testPerClass[k]; j++) {
                test[ne++] = members[k][perm[j]];
            }
        }
        int[] trainShuffled = rng.permutation(Arrays.copyOf(train, nt));
        int[] testShuffled = rng.permutation(Arrays.copyOf(test, ne));
        return new TrainTestIndices(trainShuffled, testShuffled);
    }

    /**
     * {@code sklearn.utils._approximate_mode}: how many of {@code nDraws} to take from each class, the
     * floored proportional share plus one for the largest remainders, ties broken by {@code rng.choice}.
     */
    static int[] approximateMode(int[] classCounts, int nDraws, RandomState rng) {
        int n = classCounts.length;
        long total = 0;
        for (int c : classCounts) {
            total += c;
        }
        double[] continuous = new double[n];
        double[] floored = new double[n];
        double flooredSum = 0;
        for (int k = 0; k < n; k++) {
            continuous[k] = (double) classCounts[k] / (double) total * nDraws;
            floored[k] = Math.floor(continuous[k]);
            flooredSum += floored[k];
        }
        int needToAdd = (int) (nDraws - flooredSum);
        if (needToAdd > 0) {
            double[] remainder = new double[n];
            for (int k = 0; k < n; k++) {
                remainder[k] = continuous[k] - floored[k];
            }
            double[] values = Arrays.stream(remainder).distinct().sorted().toArray();
            for (int v = values.length - 1; v >= 0; v--) {
                int[] inds = indicesEqual(remainder, values[v]);
                int addNow = Math.min(inds.length, needToAdd);
                int[] chosen = rng.choice(inds.length, addNow);
                for (int c : chosen) {
                    floored[inds[c]] += 1;
                }
                needToAdd -= addNow;
                if (needToAdd == 0) {
                    break;
                }
            }
        }
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = (int) floored[k];
        }
        return out;
    }

    private static int[] indicesEqual(double[] values, double target) {
        int count = 0;
        for (double v : values) {
            if (v == target) {
                count++;
            }
        }
        int[] out = new int[count];
        int j = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == target) {
                out[j++] = i;
            }
        }
        return out;
    }
}
