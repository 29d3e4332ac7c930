package dev.petal.svm;

import dev.petal.api.Provenance;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import java.util.Arrays;
import java.util.Objects;

/**
 * Everything a fitted {@link SVCModel} consists of, with scikit-learn's names and signs, for model
 * files: {@code SVCModel.fromState(model.state())} predicts bit-identically. Arrays are copied in and
 * out. Consistency is checked by {@link SVCModel#fromState}, not here.
 *
 * @param params         the configuration it was fitted with
 * @param gamma          the gamma actually used ({@code _gamma}; 0 for linear and precomputed kernels is possible)
 * @param classes        sorted class labels ({@code classes_})
 * @param nFeatures      features seen at fit ({@code n_features_in_}; n_train for a precomputed kernel)
 * @param support        support vector indices ({@code support_})
 * @param supportVectorRows support vectors ({@code support_vectors_}) as held: CSR for a model fitted on sparse rows
 *                       (scikit-learn's scipy CSR matrix, stored zeros kept), a dense {@link Matrix} otherwise; 0x0
 *                       for a precomputed kernel. Either form is taken and converted to the one {@code sparse} says.
 * @param nSupport       support vectors per class ({@code n_support_})
 * @param dualCoef       {@code dual_coef_}, (n_classes - 1) x n_SV, binary sign flip included
 * @param intercept      {@code intercept_}, one per pair, binary sign flip included
 * @param probA          Platt A per pair ({@code probA_}); empty unless probability=true
 * @param probB          Platt B per pair ({@code probB_}); empty unless probability=true
 * @param nIter          solver iterations per pair ({@code n_iter_})
 * @param fitStatus      0, or 1 if the solver stopped at max_iter ({@code fit_status_})
 * @param provenance     versions, time and training-data fingerprints
 * @param sparse         whether it was fitted on sparse (CSR) rows, through libsvm's sparse path (scikit-learn's
 *                       {@code _sparse}); such a model predicts through that path too.
 */
public record SVCState(SVC params, double gamma, int[] classes, int nFeatures, int[] support, RowSource supportVectorRows,
                       int[] nSupport, double[][] dualCoef, double[] intercept, double[] probA, double[] probB,
                       int[] nIter, int fitStatus, Provenance provenance, boolean sparse) {

    /** Copies every array; refuses nulls. */
    public SVCState {
        Objects.requireNonNull(params, "params");
        classes = Objects.requireNonNull(classes, "classes").clone();
        support = Objects.requireNonNull(support, "support").clone();
        Objects.requireNonNull(supportVectorRows, "supportVectorRows");
        supportVectorRows = sparse ? supportVectorRows.toCsr() : supportVectorRows.toDense();
        nSupport = Objects.requireNonNull(nSupport, "nSupport").clone();
        dualCoef = deepCopy(Objects.requireNonNull(dualCoef, "dualCoef"));
        intercept = Objects.requireNonNull(intercept, "intercept").clone();
        probA = Objects.requireNonNull(probA, "probA").clone();
        probB = Objects.requireNonNull(probB, "probB").clone();
        nIter = Objects.requireNonNull(nIter, "nIter").clone();
        Objects.requireNonNull(provenance, "provenance");
    }

    /** The state of a model fitted on dense rows. */
    public SVCState(SVC params, double gamma, int[] classes, int nFeatures, int[] support, Matrix supportVectors,
                    int[] nSupport, double[][] dualCoef, double[] intercept, double[] probA, double[] probB, int[] nIter,
                    int fitStatus, Provenance provenance) {
        this(params, gamma, classes, nFeatures, support, supportVectors, nSupport, dualCoef, intercept, probA, probB, nIter,
                fitStatus, provenance, false);
    }

    /**
     * The support vectors as a dense matrix ({@code support_vectors_}, or {@code support_vectors_.toarray()} for a
     * model fitted on sparse rows: then a new n_SV x n_features matrix on each call; {@link #supportVectorRows} is
     * what the model holds).
     */
    public Matrix supportVectors() {
        return supportVectorRows.toDense();
    }

    /** A copy of the class labels. */
    @Override
    public int[] classes() {
        return classes.clone();
    }

    /** A copy of the support indices. */
    @Override
    public int[] support() {
        return support.clone();
    }

    /** A copy of the per-class support counts. */
    @Override
    public int[] nSupport() {
        return nSupport.clone();
    }

    /** A copy of the dual coefficients. */
    @Override
    public double[][] dualCoef() {
        return deepCopy(dualCoef);
    }

    /** A copy of the intercepts. */
    @Override
    public double[] intercept() {
        return intercept.clone();
    }

    /** A copy of Platt's A per pair. */
    @Override
    public double[] probA() {
        return probA.clone();
    }

    /** A copy of Platt's B per pair. */
    @Override
    public double[] probB() {
        return probB.clone();
    }

    /** A copy of the iteration counts. */
    @Override
    public int[] nIter() {
        return nIter.clone();
    }

    /** Equal when every field and every array element are equal ({@code double}s compared as {@code Double.equals} does). */
    @Override
    public boolean equals(Object o) {
        return o instanceof SVCState s && params.equals(s.params) && Double.compare(gamma, s.gamma) == 0
                && Arrays.equals(classes, s.classes) && nFeatures == s.nFeatures && Arrays.equals(support, s.support)
                && supportVectorRows.equals(s.supportVectorRows) && Arrays.equals(nSupport, s.nSupport)
                && Arrays.deepEquals(dualCoef, s.dualCoef) && Arrays.equals(intercept, s.intercept)
                && Arrays.equals(probA, s.probA) && Arrays.equals(probB, s.probB) && Arrays.equals(nIter, s.nIter)
                && fitStatus == s.fitStatus && provenance.equals(s.provenance) && sparse == s.sparse;
    }

    /** A hash over every field and array element. */
    @Override
    public int hashCode() {
        return Objects.hash(params, gamma, Arrays.hashCode(classes), nFeatures, Arrays.hashCode(support), supportVectorRows,
                Arrays.hashCode(nSupport), Arrays.deepHashCode(dualCoef), Arrays.hashCode(intercept),
                Arrays.hashCode(probA), Arrays.hashCode(probB), Arrays.hashCode(nIter), fitStatus, provenance, sparse);
    }

    /** A short summary: classes, feature count, support vector count, kernel. */
    @Override
    public String toString() {
        return "SVCState[kernel=" + params.kernel().pyName() + ", classes=" + Arrays.toString(classes) + ", nFeatures="
                + nFeatures + ", nSV=" + support.length + ", gamma=" + gamma + ", fitStatus=" + fitStatus + (sparse ? ", sparse" : "") + "]";
    }

    static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = Objects.requireNonNull(a[i], "dualCoef row").clone();
        }
        return out;
    }
}
