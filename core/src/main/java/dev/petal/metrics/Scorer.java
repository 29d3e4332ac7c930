package dev.petal.metrics;

import dev.petal.linalg.RowSource;

/**
 * A scoring rule as scikit-learn's {@code scoring=} names it: a fitted model, rows and the truth in,
 * one number out, greater is better ({@code neg_...} losses are negated), as {@code get_scorer(name)(model, X, y)}.
 */
public interface Scorer {
    /** scikit-learn's name of this scorer, e.g. {@code "f1_macro"}. */
    String name();

    /**
     * The score of a fitted classifier on rows {@code x} (dense or CSR) with true labels {@code y}.
     *
     * @throws IllegalArgumentException if the model cannot be scored this way (e.g. a regressor, or
     *                                  {@code roc_auc} on more than two classes)
     */
    double score(Object model, RowSource x, int[] y);

    /** The score of a fitted regressor on rows {@code x} with true values {@code y}; classification scorers refuse. */
    default double score(Object model, RowSource x, double[] y) {
        throw new IllegalArgumentException("The scorer '" + name() + "' scores classifiers; choose a regression scorer "
                + "(r2, neg_mean_squared_error, neg_mean_absolute_error) for continuous targets.");
    }
}
