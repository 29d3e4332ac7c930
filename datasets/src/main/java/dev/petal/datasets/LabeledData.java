package dev.petal.datasets;

import dev.petal.linalg.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A labelled table read from a CSV file: the numeric features, the labels, and what is needed to
 * write rows back unchanged (the header, where the label column sits, each label's text as read).
 *
 * <p>Integer labels keep their values ({@code y[i]} is the label, {@code classNames} the sorted
 * distinct values as text); string labels become indices into {@code classNames}, sorted as
 * {@code numpy.unique} sorts them.
 *
 * @param source       the file read, as given by the caller (used in messages)
 * @param header       every column name, in file order
 * @param labelColumn  the index of the label column in {@code header}
 * @param x            the feature columns (all columns but the label), in file order
 * @param y            the labels: integer values, or indices into {@code classNames} for string labels
 * @param classNames   the distinct labels, sorted
 * @param stringLabels whether the labels were strings (so {@code y} holds indices)
 * @param labelTexts   each row's label exactly as read
 */
public record LabeledData(String source, List<String> header, int labelColumn, Matrix x, int[] y,
                          List<String> classNames, boolean stringLabels, List<String> labelTexts) {
    /** Checks that the parts agree and copies them in. */
    public LabeledData {
        Objects.requireNonNull(source, "source");
        header = List.copyOf(header);
        classNames = List.copyOf(classNames);
        labelTexts = List.copyOf(labelTexts);
        if (labelColumn < 0 || labelColumn >= header.size()) {
            throw new IllegalArgumentException("labelColumn " + labelColumn + " is outside the header");
        }
        if (x.cols() != header.size() - 1 || x.rows() != y.length || y.length != labelTexts.size()) {
            throw new IllegalArgumentException("features, labels and header disagree in size");
        }
        y = y.clone();
    }

    /** A copy of the labels. */
    @Override
    public int[] y() {
        return y.clone();
    }

    /** The name of the label column. */
    public String labelName() {
        return header.get(labelColumn);
    }

    /** The names of the feature columns, in file order. */
    public List<String> featureNames() {
        List<String> names = new ArrayList<>(header);
        names.remove(labelColumn);
        return List.copyOf(names);
    }

    /** The number of data rows. */
    public int nSamples() {
        return x.rows();
    }

    /** This table as a {@link Dataset}, the class names as target names. */
    public Dataset toDataset() {
        return new Dataset(x, y, featureNames(), classNames, "Read from " + source + " (label column '" + labelName() + "').");
    }
}
