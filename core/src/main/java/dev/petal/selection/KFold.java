package dev.petal.selection;

import java.util.ArrayList;
import java.util.List;

/**
 * scikit-learn 1.2.1's {@code KFold}: consecutive folds (the first {@code n % k} one row larger),
 * over rows shuffled once by {@code RandomState(seed).shuffle} when {@code shuffle} is set.
 *
 * @param nSplits the number of folds, at least 2
 * @param shuffle whether to shuffle the rows before cutting them into folds
 * @param seed    the {@code random_state} used when shuffling, in [0, 2**32 - 1]
 */
public record KFold(int nSplits, boolean shuffle, long seed) implements CvSplitter {
    /** Checks the parameters with scikit-learn's messages. */
    public KFold {
        checkSplits(nSplits);
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("Seed must be between 0 and 2**32 - 1");
        }
    }

    /** {@code KFold(n_splits=k)}: folds in row order, no shuffling. */
    public static KFold of(int nSplits) {
        return new KFold(nSplits, false, 0);
    }

    /** {@code KFold(n_splits=k, shuffle=True, random_state=seed)}. */
    public static KFold shuffled(int nSplits, long seed) {
        return new KFold(nSplits, true, seed);
    }

    /** The folds over {@code nSamples} rows, in scikit-learn's order. */
    public List<TrainTestIndices> split(int nSamples) {
        checkEnoughSamples(nSplits, nSamples);
        int[] indices = Selection.range(0, nSamples);
        if (shuffle) {
            new RandomState(seed).shuffle(indices);
        }
        int[] foldOf = new int[nSamples];
        int current = 0;
        for (int f = 0; f < nSplits; f++) {
            int size = nSamples / nSplits + (f < nSamples % nSplits ? 1 : 0);
            for (int i = current; i < current + size; i++) {
                foldOf[indices[i]] = f;
            }
            current += size;
        }
        return folds(foldOf, nSplits);
    }

    /** The folds over {@code nSamples} rows; the labels are not used. */
    @Override
    public List<TrainTestIndices> split(int nSamples, int[] labels) {
        return split(nSamples);
    }

    static void checkSplits(int nSplits) {
        if (nSplits <= 1) {
            throw new IllegalArgumentException("k-fold cross-validation requires at least one train/test split by setting "
                    + "n_splits=2 or more, got n_splits=" + nSplits + ".");
        }
    }

    static void checkEnoughSamples(int nSplits, int nSamples) {
        if (nSplits > nSamples) {
            throw new IllegalArgumentException("Cannot have number of splits n_splits=" + nSplits
                    + " greater than the number of samples: n_samples=" + nSamples + ".");
        }
    }

    /** Turns a fold number per row into folds whose train and test indices ascend, as scikit-learn's masks give. */
    static List<TrainTestIndices> folds(int[] foldOf, int nSplits) {
        int n = foldOf.length;
        int[] sizes = new int[nSplits];
        for (int f : foldOf) {
            sizes[f]++;
        }
        List<TrainTestIndices> out = new ArrayList<>(nSplits);
        for (int f = 0; f < nSplits; f++) {
            int[] test = new int[sizes[f]];
            int[] train = new int[n - sizes[f]];
            int a = 0;
            int b = 0;
            for (int i = 0; i < n; i++) {
                if (foldOf[i] == f) {
                    test[a++] = i;
                } else {
                    train[b++] = i;
                }
            }
            out.add(new TrainTestIndices(train, test));
        }
        return List.copyOf(out);
    }
}
