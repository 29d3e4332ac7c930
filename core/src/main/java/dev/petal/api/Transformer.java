package dev.petal.api;

import dev.petal.linalg.Matrix;

/** A fitted transformation of feature rows, such as a fitted StandardScaler. */
public interface Transformer {
    /** The number of features seen at fit. */
    int nFeatures();

    /** The number of features {@link #transform} returns; by default the same as {@link #nFeatures()}. */
    default int nFeaturesOut() {
        return nFeatures();
    }

    /** The transformed rows of {@code x}. */
    Matrix transform(Matrix x);
}
