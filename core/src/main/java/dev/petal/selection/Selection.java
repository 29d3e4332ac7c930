package dev.petal.selection;

import dev.petal.check.Check;
import dev.petal.linalg.Matrix;
import java.util.Objects;

/**
 * scikit-learn 1.2.1's {@code train_test_split}, returning the same rows in the same order for the
 * same {@code random_state}: {@code ShuffleSplit} when not stratified, {@code StratifiedShuffleSplit}
 * when stratified, the first rows for train and the next for test without shuffling.
 */
public final class Selection {
    /** scikit-learn's default test size, 0.25, used when neither size is given. */
    public static final SplitSize DEFAULT_TEST_SIZE = SplitSize.fraction(0.25);

    private Selection() {
    }

    /** {@code train_test_split(X, y, random_state=seed)}: a shuffled 75/25 split. */
    public static TrainTestSplit trainTestSplit(Matrix x, int[] y, long seed) {
        return trainTestSplit(x, y, SplitOptions.seeded(seed));
    }

    /** {@code train_test_split(X, y, test_size=testSize, random_state=seed)}. */
    public static TrainTestSplit trainTestSplit(Matrix x, int[] y, SplitSize testSize, long seed) {
        return trainTestSplit(x, y, SplitOptions.seeded(seed).withTestSize(testSize));
    }

    /** {@code train_test_split(X, y, ...)} with every option; stratifies by {@code y} if asked. */
    public static TrainTestSplit trainTestSplit(Matrix x, int[] y, SplitOptions options) {
        Check.consistentLength(x.rows(), y.length);
        TrainTestIndices idx = trainTestIndices(y, options);
        int[] train = idx.train();
        int[] test = idx.test();
        return new TrainTestSplit(x.selectRows(train), x.selectRows(test), take(y, train), take(y, test), train, test);
    }

    /** The train and test row indices {@code train_test_split} picks for labels {@code y} (used if stratifying). */
    public static TrainTestIndices trainTestIndices(int[] y, SplitOptions options) {
        Objects.requireNonNull(y, "y");
        return indices(y.length, options.stratify() ? y : null, options);
    }

    /** The train and test row indices {@code train_test_split} picks for {@code nSamples} unlabelled rows. */
    public static TrainTestIndices trainTestIndices(int nSamples, SplitOptions options) {
        if (options.stratify()) {
            throw new IllegalArgumentException("A stratified split needs the labels: call trainTestIndices(y, options).");
        }
        return indices(nSamples, null, options);
    }

    private static TrainTestIndices indices(int n, int[] stratify, SplitOptions o) {
        int[] sizes = validateShuffleSplit(n, o.testSize(), o.trainSize(), DEFAULT_TEST_SIZE);
        int nTrain = sizes[0];
        int nTest = sizes[1];
        if (!o.shuffle()) {
            return new TrainTestIndices(range(0, nTrain), range(nTrain, nTrain + nTest));
        }
        RandomState rng = new RandomState(o.seed());
        if (stratify != null) {
            return StratifiedShuffle.split(stratify, nTrain, nTest, rng);
        }
        int[] perm = rng.permutation(n);
        int[] test = java.util.Arrays.copyOfRange(perm, 0, nTest);
        int[] train = java.util.Arrays.copyOfRange(perm, nTest, nTest + nTrain);
        return new TrainTestIndices(train, test);
    }

    /**
     * scikit-learn's {@code _validate_shuffle_split}: resolves the sizes to {@code {n_train, n_test}}
     * and rejects impossible ones with scikit-learn's messages.
     */
    static int[] validateShuffleSplit(int n, SplitSize testSize, SplitSize trainSize, SplitSize defaultTestSize) {
        if (testSize == null && trainSize == null) {
            testSize = defaultTestSize;
        }
        checkSize("test_size", testSize, n);
        checkSize("train_size", trainSize, n);
        if (trainSize instanceof SplitSize.Fraction tr && testSize instanceof SplitSize.Fraction te
                && tr.value() + te.value() > 1) {
            throw new IllegalArgumentException("The sum of test_size and train_size = " + new SplitSize.Fraction(tr.value() + te.value())
                    + ", should be in the (0, 1) range. Reduce test_size and/or train_size.");
        }
        long nTest = resolve(testSize, n, true);
        long nTrain = resolve(trainSize, n, false);
        if (trainSize == null) {
            nTrain = n - nTest;
        } else if (testSize == null) {
            nTest = n - nTrain;
        }
        if (nTrain + nTest > n) {
            throw new IllegalArgumentException("The sum of train_size and test_size = " + (nTrain + nTest)
                    + ", should be smaller than the number of samples " + n + ". Reduce test_size and/or train_size.");
        }
        if (nTrain == 0) {
            throw new IllegalArgumentException("With n_samples=" + n + ", test_size=" + str(testSize) + " and train_size="
                    + str(trainSize) + ", the resulting train set will be empty. Adjust any of the aforementioned parameters.");
        }
        return new int[] {(int) nTrain, (int) nTest};
    }

    private static void checkSize(String name, SplitSize size, int n) {
        boolean bad = size instanceof SplitSize.Count c && (c.value() >= n || c.value() <= 0)
                || size instanceof SplitSize.Fraction f && (f.value() <= 0 || f.value() >= 1);
        if (bad) {
            throw new IllegalArgumentException(name + "=" + size + " should be either positive and smaller than the number of samples "
                    + n + " or a float in the (0, 1) range");
        }
    }

    private static long resolve(SplitSize size, int n, boolean ceil) {
        if (size instanceof SplitSize.Fraction f) {
            return (long) (ceil ? Math.ceil(f.value() * n) : Math.floor(f.value() * n));
        }
        if (size instanceof SplitSize.Count c) {
            return c.value();
        }
        return 0;
    }

    private static String str(SplitSize size) {
        return size == null ? "None" : size.toString();
    }

    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    private static int[] take(int[] values, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = values[idx[i]];
        }
        return out;
    }
}
