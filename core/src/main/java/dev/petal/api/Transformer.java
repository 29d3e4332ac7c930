package dev.petal.api;

import dev.petal.linalg.Matrix;

/** A fitted transformation of feature rows, such as a fitted StandardScaler. */
public interface Transformer {
    /** The number of features seen at fit. */
    int nFeatures();

    /** The transformed rows of {@code x}. */
    Matrix transform(Matrix x);
}
