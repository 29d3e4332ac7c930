package dev.petal.datasets;

import dev.petal.linalg.Matrix;
import java.util.List;
import java.util.Objects;

/**
 * A labelled dataset, as scikit-learn's {@code Bunch}: features {@code x} (one row per sample), labels
 * {@code y}, the names of the features and of the classes, and a short description.
 *
 * <p>For the bundled datasets the labels are 0..k-1 and {@code targetNames().get(y[i])} names sample i's class.
 */
public record Dataset(Matrix x, int[] y, List<String> featureNames, List<String> targetNames, String description) {
    /** Checks that the parts agree in size and copies the labels in. */
    public Dataset {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(description, "description");
        if (x.rows() != y.length) {
            throw new IllegalArgumentException("x has " + x.rows() + " rows but y has " + y.length + " labels");
        }
        if (featureNames.size() != x.cols()) {
            throw new IllegalArgumentException("x has " + x.cols() + " columns but there are " + featureNames.size() + " feature names");
        }
        y = y.clone();
        featureNames = List.copyOf(featureNames);
        targetNames = List.copyOf(targetNames);
    }

    /** A copy of the labels. */
    @Override
    public int[] y() {
        return y.clone();
    }

    /** The number of samples (rows). */
    public int nSamples() {
        return x.rows();
    }

    /** The number of features (columns of x). */
    public int nFeatures() {
        return x.cols();
    }
}
