package dev.petal.svm;

import java.util.List;

/** The warnings scikit-learn's libsvm estimators issue after a fit ({@code BaseLibSVM._warn_from_fit_status}). */
final class LibSvmWarnings {
    private LibSvmWarnings() {
    }

    /** The ConvergenceWarning for fit status 1 (the solver reached {@code max_iter}), else nothing. */
    static List<String> of(int fitStatus, int maxIter) {
        if (fitStatus != 1) {
            return List.of();
        }
        return List.of("Solver terminated early (max_iter=" + maxIter + ").  Consider pre-processing your data with"
                + " StandardScaler or MinMaxScaler.");
    }
}
