package dev.petal.check;

import java.util.ArrayList;
import java.util.List;

/**
 * Internal: the text a scorer prints for a predicted label, shared by the CLI's predictions and the Spark scoring
 * (neither depends on the other): the model's class names, else its integer classes as text.
 */
public final class ClassLabels {
    private ClassLabels() {
    }

    /** The class names saved with the model, or its integer {@code classes} as text when none were saved. */
    public static List<String> names(List<String> saved, int[] classes) {
        if (!saved.isEmpty()) {
            return saved;
        }
        List<String> names = new ArrayList<>();
        for (int c : classes) {
            names.add(Integer.toString(c));
        }
        return names;
    }

    /** The position of the predicted {@code label} among the model's {@code classes}. */
    public static int indexOf(int[] classes, int label) {
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] == label) {
                return i;
            }
        }
        throw new IllegalStateException("predicted label " + label + " is not among the model's classes");
    }
}
