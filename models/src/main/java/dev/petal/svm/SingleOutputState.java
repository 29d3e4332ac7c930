package dev.petal.svm;

import dev.petal.api.Provenance;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a fitted {@link SVR}, {@link NuSVR} or {@link OneClassSVM} consists of besides its settings, with
 * scikit-learn's names (libsvm's one-output models: one row of dual coefficients, one intercept). Arrays are
 * copied in and out; consistency is checked by the models' {@code fromState}.
 *
 * @param gamma          the gamma actually used ({@code _gamma})
 * @param nFeatures      features seen at fit ({@code n_features_in_}; n_train for a precomputed kernel)
 * @param support        support vector indices ({@code support_})
 * @param supportVectorRows support vectors ({@code support_vectors_}) as held: CSR for a model fitted on sparse rows
 *                       (scikit-learn's scipy CSR matrix, stored zeros kept), a dense {@link Matrix} otherwise; 0x0
 *                       for a precomputed kernel. Either form is taken and converted to the one {@code sparse} says.
 * @param dualCoef       {@code dual_coef_[0]}, one per support vector
 * @param intercept      {@code intercept_[0]}
 * @param nIter          solver iterations ({@code n_iter_})
 * @param fitStatus      0, or 1 if the solver stopped at max_iter ({@code fit_status_})
 * @param provenance     versions, time and training-data fingerprints
 * @param sparse         whether it was fitted on sparse (CSR) rows through libsvm's sparse path (scikit-learn's
 *                       {@code _sparse}); such a model predicts through that path too.
 */
public record SingleOutputState(double gamma, int nFeatures, int[] support, RowSource supportVectorRows, double[] dualCoef,
                                double intercept, int nIter, int fitStatus, Provenance provenance, boolean sparse) {
    /** Copies every array; refuses nulls. */
    public SingleOutputState {
        support = Objects.requireNonNull(support, "support").clone();
        Objects.requireNonNull(supportVectorRows, "supportVectorRows");
        supportVectorRows = sparse ? supportVectorRows.toCsr() : supportVectorRows.toDense();
        dualCoef = Objects.requireNonNull(dualCoef, "dualCoef").clone();
        Objects.requireNonNull(provenance, "provenance");
    }

    /** The state of a model fitted on dense rows. */
    public SingleOutputState(double gamma, int nFeatures, int[] support, Matrix supportVectors, double[] dualCoef,
                             double intercept, int nIter, int fitStatus, Provenance provenance) {
        this(gamma, nFeatures, support, supportVectors, dualCoef, intercept, nIter, fitStatus, provenance, false);
    }

    /**
     * The support vectors as a dense matrix ({@code support_vectors_}, or {@code support_vectors_.toarray()} for a
     * model fitted on sparse rows: then a new n_SV x n_features matrix on each call; {@link #supportVectorRows} is
     * what the model holds).
     */
    public Matrix supportVectors() {
        return supportVectorRows.toDense();
    }

    /** A copy of the support indices. */
    @Override
    public int[] support() {
        return support.clone();
    }

    /** A copy of the dual coefficients. */
    @Override
    public double[] dualCoef() {
        return dualCoef.clone();
    }

    /** Equal when every field and array element are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SingleOutputState s && Double.compare(gamma, s.gamma) == 0 && nFeatures == s.nFeatures
                && Arrays.equals(support, s.support) && supportVectorRows.equals(s.supportVectorRows)
                && Arrays.equals(dualCoef, s.dualCoef) && Double.compare(intercept, s.intercept) == 0 && nIter == s.nIter
                && fitStatus == s.fitStatus && provenance.equals(s.provenance) && sparse == s.sparse;
    }

    /** A hash over every field and array element. */
    @Override
    public int hashCode() {
        return Objects.hash(gamma, nFeatures, Arrays.hashCode(support), supportVectorRows, Arrays.hashCode(dualCoef), intercept,
                nIter, fitStatus, provenance, sparse);
    }

    /** A short summary. */
    @Override
    public String toString() {
        return "SingleOutputState[nFeatures=" + nFeatures + ", nSV=" + support.length + ", gamma=" + gamma + ", intercept="
                + intercept + ", fitStatus=" + fitStatus + (sparse ? ", sparse" : "") + "]";
    }
}
