package dev.petal.selection;

import dev.petal.linalg.Matrix;

/**
 * The four arrays {@code X_train, X_test, y_train, y_test} that scikit-learn's {@code train_test_split}
 * returns, plus the row indices that produced them.
 */
public record TrainTestSplit(Matrix xTrain, Matrix xTest, int[] yTrain, int[] yTest,
                             int[] trainIndices, int[] testIndices) {
    /** Checks the shapes agree and copies the arrays in. */
    public TrainTestSplit {
        if (xTrain.rows() != yTrain.length || xTrain.rows() != trainIndices.length
                || xTest.rows() != yTest.length || xTest.rows() != testIndices.length) {
            throw new IllegalArgumentException("train/test parts disagree in length");
        }
        yTrain = yTrain.clone();
        yTest = yTest.clone();
        trainIndices = trainIndices.clone();
        testIndices = testIndices.clone();
    }

    /** A copy of the training labels. */
    @Override
    public int[] yTrain() {
        return yTrain.clone();
    }

    /** A copy of the test labels. */
    @Override
    public int[] yTest() {
        return yTest.clone();
    }

    /** A copy of the rows (of the original data) that form the training set, in order. */
    @Override
    public int[] trainIndices() {
        return trainIndices.clone();
    }

    /** A copy of the rows (of the original data) that form the test set, in order. */
    @Override
    public int[] testIndices() {
        return testIndices.clone();
    }
}
