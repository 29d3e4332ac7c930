package dev.petal.selection;

/** The row indices of a train/test split or of one cross-validation fold, in the order scikit-learn returns them. */
public record TrainTestIndices(int[] train, int[] test) {
    /** Copies both arrays in. */
    public TrainTestIndices {
        train = train.clone();
        test = test.clone();
    }

    /** A copy of the train indices. */
    @Override
    public int[] train() {
        return train.clone();
    }

    /** A copy of the test indices. */
    @Override
    public int[] test() {
        return test.clone();
    }
}
