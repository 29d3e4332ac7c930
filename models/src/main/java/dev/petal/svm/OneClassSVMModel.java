package dev.petal.svm;

import dev.petal.api.HasWarnings;
import dev.petal.api.OutlierDetector;
import dev.petal.api.Parallelism;
import dev.petal.api.Provenance;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import java.util.List;
import java.util.Objects;

/**
 * A fitted {@link OneClassSVM}: immutable, with scikit-learn's fitted attributes ({@code offset_} included)
 * and its {@code predict} (+1 inlier, -1 outlier), {@code decision_function} and {@code score_samples}. Built only by {@link OneClassSVM#fit} or {@link #fromState}.
 */
public final class OneClassSVMModel implements OutlierDetector, HasWarnings {
    private final OneClassSVM params;
    private final SingleOutputState state;
    private final SingleOutput predictor;
    private final Parallelism parallelism;

    OneClassSVMModel(OneClassSVM params, SingleOutputState state) {
        this(params, state, params.parallelism());
    }

    private OneClassSVMModel(OneClassSVM params, SingleOutputState state, Parallelism parallelism) {
        this.params = Objects.requireNonNull(params, "params");
        this.state = Objects.requireNonNull(state, "state");
        this.predictor = new SingleOutput("OneClassSVM", params.kernel(), params.degree(), params.coef0(), state);
        this.parallelism = parallelism;
    }

    /** A model from persisted parts, after checking every shape and value; predicts bit-identically to the original. */
    public static OneClassSVMModel fromState(OneClassSVM params, SingleOutputState state) {
        return new OneClassSVMModel(params, state);
    }

    /** This model predicting with {@code parallelism}; results never depend on it. */
    public OneClassSVMModel withParallelism(Parallelism parallelism) {
        return new OneClassSVMModel(params, state, Objects.requireNonNull(parallelism, "parallelism"));
    }

    /** The configuration this model was fitted with. */
    public OneClassSVM params() {
        return params;
    }

    /** The fitted state (immutable; its accessors copy). */
    public SingleOutputState state() {
        return state;
    }

    /** The number of features each row must have. */
    public int nFeatures() {
        return state.nFeatures();
    }

    /** The gamma actually used (scikit-learn's {@code _gamma}). */
    public double gamma() {
        return state.gamma();
    }

    /** Indices of the support vectors ({@code support_}). */
    public int[] support() {
        return state.support();
    }

    /**
     * The support vectors as a dense matrix ({@code support_vectors_}; 0x0 for a precomputed kernel). For a model
     * fitted on sparse rows this is {@code support_vectors_.toarray()}, built on each call (n_SV x n_features
     * doubles): {@link #supportVectorRows} gives them as the model holds them.
     */
    public Matrix supportVectors() {
        return state.supportVectors();
    }

    /**
     * The support vectors as held: a {@code CsrMatrix} for a model fitted on sparse rows (scikit-learn's scipy CSR
     * {@code support_vectors_}), the dense {@link Matrix} otherwise. Immutable, not a copy.
     */
    public RowSource supportVectorRows() {
        return state.supportVectorRows();
    }

    /**
     * {@code n_support_}: the number of support vectors, as a one-element array, as scikit-learn 1.2.1 gives it for
     * a dense fit (its property returns {@code [_n_support[0]]}; {@code fixtures/gen_svm_family.py} checks it).
     * After a sparse fit scikit-learn's is uninitialized memory (libsvm_sparse never fills {@code _n_support});
     * Petal gives the same {@code [n_SV]} then.
     */
    public int[] nSupport() {
        return new int[] {state.support().length};
    }

    /** {@code dual_coef_}: one row, one coefficient per support vector. */
    public double[][] dualCoef() {
        return new double[][] {state.dualCoef()};
    }

    /** {@code intercept_}: one value. */
    public double[] intercept() {
        return new double[] {state.intercept()};
    }

    /** {@code coef_} for a linear kernel: one row of feature weights. */
    public double[][] coef() {
        return new double[][] {predictor.coef(params.kernel())};
    }

    /** Solver iterations ({@code n_iter_}). */
    public int nIter() {
        return state.nIter();
    }

    /** 0, or 1 if the solver stopped at max_iter ({@code fit_status_}). */
    public int fitStatus() {
        return state.fitStatus();
    }

    /** scikit-learn's ConvergenceWarning when the solver stopped at max_iter; empty otherwise. */
    @Override
    public List<String> warnings() {
        return LibSvmWarnings.of(state.fitStatus(), params.maxIter());
    }

    /** Where and on what this model was fitted. */
    public Provenance provenance() {
        return state.provenance();
    }

    /** {@code offset_}: {@code decision_function = score_samples - offset}; the opposite of the intercept. */
    public double offset() {
        return -state.intercept();
    }

    /** Whether this model was fitted on sparse rows and predicts through libsvm's sparse path. */
    public boolean fittedOnSparse() {
        return state.sparse();
    }

    /**
     * Signed distance to the separating hyperplane, positive for an inlier: libsvm's decision value per row. Rows
     * are dense or CSR: a model fitted on sparse rows predicts through libsvm's sparse path (dense rows taken as
     * CSR); a model fitted on dense rows refuses CSR input, as scikit-learn does.
     */
    public double[] decisionFunction(RowSource x) {
        return predictor.decision(x, parallelism);
    }

    /** The raw score of each row, {@code decision_function + offset_}. */
    public double[] scoreSamples(RowSource x) {
        double[] dec = decisionFunction(x);
        double offset = offset();
        for (int i = 0; i < dec.length; i++) {
            dec[i] = dec[i] + offset;
        }
        return dec;
    }

    @Override
    public double[] decisionFunction(Matrix x) {
        return decisionFunction((RowSource) x);
    }

    @Override
    public double[] scoreSamples(Matrix x) {
        return scoreSamples((RowSource) x);
    }

    @Override
    public int[] predict(Matrix x) {
        return predict((RowSource) x);
    }

    /** +1 for an inlier, -1 for an outlier: libsvm's {@code decision > 0 ? 1 : -1}. */
    public int[] predict(RowSource x) {
        double[] dec = decisionFunction(x);
        int[] out = new int[dec.length];
        for (int i = 0; i < dec.length; i++) {
            out[i] = dec[i] > 0 ? 1 : -1;
        }
        return out;
    }
}
