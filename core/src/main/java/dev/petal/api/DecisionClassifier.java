package dev.petal.api;

import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;

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

    /** {@link #decisionFunction(Matrix)} of dense or CSR rows; a model that takes CSR rows overrides this, the others refuse them. */
    default Matrix decisionFunction(RowSource x) {
        if (x instanceof Matrix m) {
            return decisionFunction(m);
        }
        throw SparseInput.refused(getClass().getSimpleName());
    }

    /** Whether {@link #predictProba} is available (for SVC: fitted with probability=true). */
    default boolean supportsProba() {
        return false;
    }

    /** Class probabilities, one column per class in {@link #classes()} order. */
    default Matrix predictProba(Matrix x) {
        throw new IllegalStateException("predict_proba is not available when probability=False");
    }
}
