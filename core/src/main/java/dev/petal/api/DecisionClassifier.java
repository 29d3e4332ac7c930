package dev.petal.api;

import dev.petal.linalg.Matrix;

/**
 * A fitted classifier with scikit-learn's {@code decision_function} and, where it was fitted for it,
 * {@code predict_proba}. Scoring services and the CLI work against this contract.
 */
public interface DecisionClassifier extends Classifier {
    /**
     * scikit-learn's {@code decision_function}: one column for two classes (positive means
     * {@code classes()[1]}), otherwise the model's configured shape (one column per class for 'ovr').
     */
    Matrix decisionFunction(Matrix x);

    /** Whether {@link #predictProba} is available (for SVC: fitted with probability=true). */
    default boolean supportsProba() {
        return false;
    }

    /** Class probabilities, one column per class in {@link #classes()} order. */
    default Matrix predictProba(Matrix x) {
        throw new IllegalStateException("predict_proba is not available when probability=False");
    }
}
