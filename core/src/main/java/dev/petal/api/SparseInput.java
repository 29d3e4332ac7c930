package dev.petal.api;

/** The one refusal of CSR rows by an estimator or model that takes dense rows only. */
final class SparseInput {
    private SparseInput() {
    }

    static IllegalArgumentException refused(String owner) {
        return new IllegalArgumentException(owner + " takes dense rows only, got a sparse (CSR) matrix: "
                + "use toDense() or an estimator that takes sparse input (the SVM family, LinearSVC, LinearSVR).");
    }
}
