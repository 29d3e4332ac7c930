package dev.petal.selection;

/**
 * Told about each candidate of a search (or the one of a cross-validation) as soon as all its folds are
 * evaluated, before the search returns: what a tracked run uses to show each candidate as it finishes.
 * Calls come one at a time, in the order candidates finish, from a thread of the search; a listener that
 * throws fails the search.
 */
@FunctionalInterface
public interface CandidateListener {
    /**
     * Candidate {@code index} is done.
     *
     * @param index   the candidate's index in the search's order
     * @param results its row of {@code cv_results_}: one candidate, with its parameters and per-split scores
     *                (no rank yet: that needs every candidate)
     */
    void candidateDone(int index, CvResults results);
}
