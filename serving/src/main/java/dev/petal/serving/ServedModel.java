package dev.petal.serving;

import dev.petal.api.DecisionClassifier;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A fitted classifier as a scoring service sees it: the classifier, the name and version it is
 * served under, the estimator's name for error messages ({@code SVC}), and optional feature names
 * (inputs may then name their columns) and class names (answers then carry names, not indices).
 *
 * @param name         the model's name in URLs and metadata, e.g. {@code sklearn-iris}
 * @param version      the model's version, e.g. {@code 3}, or "" when it has none
 * @param estimator    the estimator's name used in messages, e.g. {@code SVC}
 * @param classifier   the fitted classifier
 * @param featureNames one name per feature in column order, or empty
 * @param classNames   one name per entry of {@code classifier.classes()}, or empty
 */
public record ServedModel(String name, String version, String estimator, DecisionClassifier classifier,
                          List<String> featureNames, List<String> classNames) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** Validates the name, the version and that the optional names match the classifier's shape. */
    public ServedModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(estimator, "estimator");
        Objects.requireNonNull(classifier, "classifier");
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Model name '" + name + "' is not valid: use 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        if (!version.isEmpty() && !NAME.matcher(version).matches()) {
            throw new IllegalArgumentException("Model version '" + version + "' is not valid: use letters, digits, '.', '_' or '-'.");
        }
        if (!featureNames.isEmpty() && featureNames.size() != classifier.nFeatures()) {
            throw new IllegalArgumentException("featureNames has " + featureNames.size() + " names, but the model has "
                    + classifier.nFeatures() + " features.");
        }
        if (new HashSet<>(featureNames).size() != featureNames.size()) {
            throw new IllegalArgumentException("featureNames must be distinct; got " + featureNames + ".");
        }
        if (!classNames.isEmpty() && classNames.size() != classifier.classes().length) {
            throw new IllegalArgumentException("classNames has " + classNames.size() + " names, but the model has "
                    + classifier.classes().length + " classes.");
        }
    }

    /** A model served under {@code name} with no version and no feature or class names. */
    public static ServedModel of(String name, DecisionClassifier classifier) {
        return new ServedModel(name, "", estimatorName(classifier), classifier, List.of(), List.of());
    }

    /** This model under another version. */
    public ServedModel withVersion(String newVersion) {
        return new ServedModel(name, newVersion, estimator, classifier, featureNames, classNames);
    }

    /** This model with feature names, one per column. */
    public ServedModel withFeatureNames(List<String> names) {
        return new ServedModel(name, version, estimator, classifier, names, classNames);
    }

    /** This model answering with class names, one per entry of {@code classes()}. */
    public ServedModel withClassNames(List<String> names) {
        return new ServedModel(name, version, estimator, classifier, featureNames, names);
    }

    /** This model with another estimator name in messages. */
    public ServedModel withEstimator(String newEstimator) {
        return new ServedModel(name, version, newEstimator, classifier, featureNames, classNames);
    }

    /** What kind of model this is, for people: {@code SVC}, {@code Pipeline} (the classifier's class without "Model"). */
    public String modelType() {
        return ModelSource.typeName(classifier);
    }

    /** The estimator's name for a classifier: {@code SVCModel} gives {@code SVC}; a pipeline names its first step. */
    static String estimatorName(DecisionClassifier classifier) {
        return classifier.getClass().getSimpleName().isEmpty() ? "the model" : ModelSource.estimatorName(classifier);
    }
}
