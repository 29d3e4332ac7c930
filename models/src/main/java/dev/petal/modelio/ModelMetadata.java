package dev.petal.modelio;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Optional names a user's CSV gives a model: the feature columns in training order and the string
 * class labels, where {@code classNames().get(i)} names {@code classes()[i]}. An empty list means
 * the names were not recorded.
 *
 * @param featureNames the training feature columns, or empty
 * @param classNames   the class labels as strings, or empty
 */
public record ModelMetadata(List<String> featureNames, List<String> classNames) {
    /** No names recorded. */
    public static final ModelMetadata NONE = new ModelMetadata(List.of(), List.of());

    /** Copies the lists and refuses null or repeated names. */
    public ModelMetadata {
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
        requireUnique("feature", featureNames);
        requireUnique("class", classNames);
    }

    /** Metadata with feature names only. */
    public static ModelMetadata ofFeatureNames(List<String> featureNames) {
        return new ModelMetadata(featureNames, List.of());
    }

    private static void requireUnique(String what, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException("the " + what + " name '" + n + "' appears twice; names must be unique.");
            }
        }
    }
}
