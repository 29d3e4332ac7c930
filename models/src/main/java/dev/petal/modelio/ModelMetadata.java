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
    /** The longest feature or class name a model file holds, in characters (what loading accepts). */
    public static final int MAX_NAME_CHARS = 4096;
    /** No names recorded. */
    public static final ModelMetadata NONE = new ModelMetadata(List.of(), List.of());

    /** Copies the lists and refuses null, over-long or repeated names. */
    public ModelMetadata {
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
        requireShort("feature", featureNames);
        requireShort("class", classNames);
        requireUnique("feature", featureNames);
        requireUnique("class", classNames);
    }

    /** Metadata with feature names only. */
    public static ModelMetadata ofFeatureNames(List<String> featureNames) {
        return new ModelMetadata(featureNames, List.of());
    }

    private static void requireShort(String what, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n.length() > MAX_NAME_CHARS) {
                throw new IllegalArgumentException("the " + what + " name '" + abbreviate(n) + "' (number " + (i + 1)
                        + ") has " + n.length() + " characters; a model file holds names of at most " + MAX_NAME_CHARS
                        + ".");
            }
        }
    }

    /** At most the first 60 characters of {@code s}, then "...". */
    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 60) + "...";
    }

    private static void requireUnique(String what, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException("the " + what + " name '" + abbreviate(n)
                        + "' appears twice; names must be unique.");
            }
        }
    }
}
