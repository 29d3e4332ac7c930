package dev.petal.svm;

import dev.petal.api.DecisionClassifier;
import dev.petal.api.HasWarnings;
import dev.petal.api.Parallelism;
import dev.petal.api.Provenance;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import java.util.List;
import java.util.Objects;

/**
 * A fitted {@link NuSVC}: immutable, with scikit-learn's fitted attributes and its {@code predict},
 * {@code decision_function}, {@code predict_proba} and {@code predict_log_proba}. A ν-SVC model is laid out
 * and predicts exactly like a C-SVC model (libsvm's one-vs-one layout), so the prediction is {@link SVCModel}'s.
 * Built only by {@link NuSVC#fit} or {@link #fromState}.
 */
public final class NuSVCModel implements DecisionClassifier, HasWarnings {
    private final NuSVC params;
    private final SVCModel model;

    NuSVCModel(NuSVC params, SVCModel model) {
        this.params = params;
        this.model = model;
    }

    /**
     * A model from persisted parts: the NuSVC settings and the fitted state (whose {@code params} are
     * {@code params}' SVC equivalent); checks every shape and value.
     */
    public static NuSVCModel fromState(NuSVC params, SVCState state) {
        Objects.requireNonNull(params, "params");
        if (!params.asSvc().equals(state.params())) {
            throw new IllegalArgumentException("the state's parameters do not match the NuSVC's");
        }
        return new NuSVCModel(params, SVCModel.fromState(state).named("NuSVC"));
    }

    /** The fitted state (its {@code params} hold C=1, unused by ν-SVC); immutable, its accessors copy. */
    public SVCState state() {
        return model.state();
    }

    /** The configuration this model was fitted with. */
    public NuSVC params() {
        return params;
    }

    /** This model predicting with {@code parallelism}; results never depend on it. */
    public NuSVCModel withParallelism(Parallelism parallelism) {
        return new NuSVCModel(params, model.withParallelism(parallelism));
    }

    @Override
    public int[] classes() {
        return model.classes();
    }

    @Override
    public int nFeatures() {
        return model.nFeatures();
    }

    /** The gamma actually used (scikit-learn's {@code _gamma}). */
    public double gamma() {
        return model.gamma();
    }

    /** Indices of the support vectors ({@code support_}). */
    public int[] support() {
        return model.support();
    }

    /**
     * The support vectors as a dense matrix ({@code support_vectors_}; 0x0 for a precomputed kernel). For a model
     * fitted on sparse rows this is {@code support_vectors_.toarray()}, built on each call (n_SV x n_features
     * doubles): {@link #supportVectorRows} gives them as the model holds them.
     */
    public Matrix supportVectors() {
        return model.supportVectors();
    }

    /**
     * The support vectors as held: a {@code CsrMatrix} for a model fitted on sparse rows (scikit-learn's scipy CSR
     * {@code support_vectors_}), the dense {@link Matrix} otherwise. Immutable, not a copy.
     */
    public RowSource supportVectorRows() {
        return model.supportVectorRows();
    }

    /** Support vectors per class ({@code n_support_}). */
    public int[] nSupport() {
        return model.nSupport();
    }

    /** {@code dual_coef_}: (n_classes - 1) rows, one column per support vector. */
    public double[][] dualCoef() {
        return model.dualCoef();
    }

    /** {@code intercept_}, one per pair of classes. */
    public double[] intercept() {
        return model.intercept();
    }

    /** {@code coef_} for a linear kernel: one row per pair of classes (scikit-learn's {@code _one_vs_one_coef}). */
    public double[][] coef() {
        return model.coef();
    }

    /** Solver iterations per pair ({@code n_iter_}). */
    public int[] nIter() {
        return model.nIter();
    }

    /** 0, or 1 if the solver stopped at max_iter ({@code fit_status_}). */
    public int fitStatus() {
        return model.fitStatus();
    }

    @Override
    public List<String> warnings() {
        return model.warnings();
    }

    /** Platt's A per pair ({@code probA_}); empty unless fitted with probability=true. */
    public double[] probA() {
        return model.probA();
    }

    /** Platt's B per pair ({@code probB_}); empty unless fitted with probability=true. */
    public double[] probB() {
        return model.probB();
    }

    /** Where and on what this model was fitted. */
    public Provenance provenance() {
        return model.provenance();
    }

    @Override
    public int[] predict(Matrix x) {
        return model.predict(x);
    }

    @Override
    public Matrix decisionFunction(Matrix x) {
        return model.decisionFunction(x);
    }

    @Override
    public boolean supportsProba() {
        return model.supportsProba();
    }

    @Override
    public Matrix predictProba(Matrix x) {
        return model.predictProba(x);
    }

    /** Whether this model was fitted on sparse rows and predicts through libsvm's sparse path. */
    public boolean fittedOnSparse() {
        return model.fittedOnSparse();
    }

    /** {@link #predict(Matrix)} of dense or CSR rows (see {@link SVCModel#predict(RowSource)}). */
    public int[] predict(RowSource x) {
        return model.predict(x);
    }

    /** {@link #decisionFunction(Matrix)} of dense or CSR rows. */
    public Matrix decisionFunction(RowSource x) {
        return model.decisionFunction(x);
    }

    /** {@link #predictProba(Matrix)} of dense or CSR rows. */
    public Matrix predictProba(RowSource x) {
        return model.predictProba(x);
    }

    /** The log of {@link #predictProba}, with libm's log as NumPy computes it. */
    public Matrix predictLogProba(Matrix x) {
        return model.predictLogProba(x);
    }
}
