package dev.petal.svm;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Per-class multipliers of C, scikit-learn's {@code class_weight}: {@link #none()} (all 1),
 * {@link #balanced()} ({@code n_samples / (n_classes * count(class))}) or an explicit map from class
 * label to weight (classes left out get 1).
 */
public sealed interface ClassWeight permits ClassWeight.None, ClassWeight.Balanced, ClassWeight.PerClass {
    /** {@code class_weight=None}. */
    record None() implements ClassWeight {
        @Override
        public String toString() {
            return "None";
        }
    }

    /** {@code class_weight='balanced'}. */
    record Balanced() implements ClassWeight {
        @Override
        public String toString() {
            return "balanced";
        }
    }

    /** {@code class_weight={label: weight, ...}}; the map is copied and sorted by label. */
    record PerClass(Map<Integer, Double> weights) implements ClassWeight {
        /** Copies the map; refuses null keys or values. */
        public PerClass {
            Objects.requireNonNull(weights, "weights");
            TreeMap<Integer, Double> copy = new TreeMap<>();
            weights.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "class label"), Objects.requireNonNull(v, "class weight")));
            weights = java.util.Collections.unmodifiableMap(copy);
        }
    }

    /** No class weighting. */
    static ClassWeight none() {
        return new None();
    }

    /** Weights inversely proportional to class frequencies. */
    static ClassWeight balanced() {
        return new Balanced();
    }

    /** Explicit weights by class label. */
    static ClassWeight of(Map<Integer, Double> weights) {
        return new PerClass(weights);
    }
}
