package dev.petal.api;

import java.util.List;

/**
 * A fitted model that records the warnings scikit-learn would have issued while fitting it (its
 * {@code ConvergenceWarning}s, for example), with scikit-learn's text, instead of printing them: the caller
 * decides where they go ({@code petal train} prints each as one {@code warning:} line).
 */
public interface HasWarnings {
    /** The warnings of the fit, one line each, in the order scikit-learn issues them; empty when there were none. */
    List<String> warnings();
}
