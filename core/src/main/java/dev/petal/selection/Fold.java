package dev.petal.selection;

/** One cross-validation split: train and test row indices, both ascending as scikit-learn yields them. */
public record Fold(int[] train, int[] test) {
    /** Copies both arrays in. */
    public Fold {
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
