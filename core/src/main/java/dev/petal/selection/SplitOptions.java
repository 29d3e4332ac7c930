package dev.petal.selection;

/**
 * The settings of {@link Selection#trainTestSplit(dev.petal.linalg.Matrix, int[], SplitOptions)}, as
 * the keyword arguments of scikit-learn's {@code train_test_split}.
 *
 * @param testSize  the test set size, or {@code null} for scikit-learn's {@code None} (the
 *                  complement of {@code trainSize}, or 0.25 if both are null)
 * @param trainSize the train set size, or {@code null} for the complement of the test set
 * @param seed      the {@code random_state} (an integer in [0, 2**32 - 1]); unused without shuffling
 * @param shuffle   whether to shuffle before splitting ({@code shuffle=True} by default)
 * @param stratify  whether to keep the class proportions of y in both sets ({@code stratify=y})
 */
public record SplitOptions(SplitSize testSize, SplitSize trainSize, long seed, boolean shuffle, boolean stratify) {
    /** Checks the seed range and that stratifying goes with shuffling, with scikit-learn's texts. */
    public SplitOptions {
        if (seed < 0 || seed > 0xffffffffL) {
            throw new IllegalArgumentException("Seed must be between 0 and 2**32 - 1");
        }
        if (stratify && !shuffle) {
            throw new IllegalArgumentException("Stratified train/test split is not implemented for shuffle=False");
        }
    }

    /** scikit-learn's defaults with the given {@code random_state}: test size 0.25, shuffled, not stratified. */
    public static SplitOptions seeded(long seed) {
        return new SplitOptions(null, null, seed, true, false);
    }

    /** A copy with another test size ({@code null} for None). */
    public SplitOptions withTestSize(SplitSize size) {
        return new SplitOptions(size, trainSize, seed, shuffle, stratify);
    }

    /** A copy with another train size ({@code null} for None). */
    public SplitOptions withTrainSize(SplitSize size) {
        return new SplitOptions(testSize, size, seed, shuffle, stratify);
    }

    /** A copy that does or does not shuffle. */
    public SplitOptions withShuffle(boolean value) {
        return new SplitOptions(testSize, trainSize, seed, value, stratify);
    }

    /** A copy that does or does not stratify by the labels. */
    public SplitOptions withStratify(boolean value) {
        return new SplitOptions(testSize, trainSize, seed, shuffle, value);
    }
}
