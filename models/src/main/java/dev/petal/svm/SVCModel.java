package dev.petal.svm;

import dev.petal.api.DecisionClassifier;
import dev.petal.api.HasWarnings;
import dev.petal.api.Parallelism;
import dev.petal.api.Provenance;
import dev.petal.check.Check;
import dev.petal.libm.GlibcLog;
import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import dev.petal.numeric.SharedRows;

/**
 * A fitted {@link SVC}: immutable, with scikit-learn's fitted attributes (copied out) and its
 * {@code predict}, {@code decision_function}, {@code predict_proba} and {@code predict_log_proba}.
 * Built only by {@link SVC#fit} or {@link #fromState}.
 */
public final class SVCModel implements DecisionClassifier, HasWarnings {
    private final SVCState state;
    /** The estimator's name in messages: SVC, or NuSVC for the ν-SVC model this one predicts for. */
    private final String owner;
    /** The support vectors in libsvm's sparse form for a model fitted on sparse rows; null otherwise. */
    private final SparseRows svSparse;
    private final int k;
    private final int d;
    private final KernelFunction kf;
    /**
     * The dense support vectors, row-major: the state's own array (read only), so the model holds them once more at
     * most; null for a model fitted on sparse rows, which holds them only as CSR ({@link #svSparse}).
     */
    private final double[] sv;
    private final int[] svOff;
    private final int[] svIdx;
    private final int[] nSV;
    private final double[][] coefLib;
    private final double[] rho;
    private final double[] probA;
    private final double[] probB;
    private final int[] classes;
    /** What predictions use beyond the state, built at the first one (a fitted model that is only saved never needs it). */
    private volatile Prepared prepared;
    private final Object prepareLock = new Object();

    /** Threads a bulk prediction may use. */
    private final Parallelism parallelism;

    /**
     * @param svT         the support vectors feature-major, in blocks (null for a precomputed kernel or sparse rows)
     * @param linearVotes for the linear kernel on dense rows: votes from x . w where their sign is provably libsvm's; null otherwise
     */
    private record Prepared(FeatureMajor svT, LinearVotes linearVotes) {
    }

    private SVCModel(SVCState s, Parallelism parallelism, String owner, Prepared prepared) {
        this.prepared = prepared;
        this.state = s;
        this.owner = owner;
        this.svSparse = s.sparse() ? SparseRows.of(s.supportVectorRows()) : null;
        this.parallelism = parallelism;
        this.classes = s.classes();
        this.k = classes.length;
        this.d = s.nFeatures();
        SVC p = s.params();
        this.kf = KernelFunction.of(p.kernel(), p.degree(), s.gamma(), p.coef0());
        this.sv = s.sparse() ? null : SharedRows.of((Matrix) s.supportVectorRows());
        int[] support = s.support();
        int l = support.length;
        this.svOff = new int[l];
        int svCols = s.supportVectorRows().cols();
        for (int i = 0; i < l; i++) {
            svOff[i] = i * svCols;
        }
        this.svIdx = support;
        this.nSV = s.nSupport();
        boolean binary = k == 2;
        double[][] dual = s.dualCoef();
        this.coefLib = new double[dual.length][];
        for (int r = 0; r < dual.length; r++) {
            coefLib[r] = dual[r].clone();
            if (binary) {
                for (int i = 0; i < l; i++) {
                    coefLib[r][i] = -coefLib[r][i];
                }
            }
        }
        double[] intercept = s.intercept();
        this.rho = new double[intercept.length];
        for (int q = 0; q < rho.length; q++) {
            double libIntercept = binary ? -intercept[q] : intercept[q];
            rho[q] = -libIntercept;
        }
        this.probA = s.probA();
        this.probB = s.probB();
    }

    /** The feature-major support vectors and the linear votes, built once, by the first prediction that needs them. */
    private Prepared prepared() {
        Prepared p = prepared;
        if (p == null) {
            synchronized (prepareLock) {
                p = prepared;
                if (p == null) {
                    Kernel kernel = state.params().kernel();
                    boolean sparse = state.sparse();
                    int l = svOff.length;
                    p = new Prepared(kernel instanceof Kernel.Precomputed || sparse ? null : FeatureMajor.ofRows(sv, l, d),
                            kernel instanceof Kernel.Linear && !sparse ? new LinearVotes(k, d, nSV, coefLib, rho, sv) : null);
                    prepared = p;
                }
            }
        }
        return p;
    }

    /** A model from a persisted state, after checking every shape and value; predicts bit-identically to the original. */
    public static SVCModel fromState(SVCState s) {
        StateCheck.validate(s);
        return new SVCModel(s, s.params().parallelism(), "SVC", null);
    }

    /** This model naming {@code owner} in its messages (NuSVC's model is an SVC model). */
    SVCModel named(String owner) {
        return new SVCModel(state, parallelism, owner, prepared);
    }

    /** This model predicting with {@code parallelism} (by default its SVC's); results never depend on it. */
    public SVCModel withParallelism(Parallelism parallelism) {
        return new SVCModel(state, java.util.Objects.requireNonNull(parallelism, "parallelism"), owner, prepared);
    }

    /** The state to persist (immutable; its accessors copy). */
    public SVCState state() {
        return state;
    }

    /** The configuration this model was fitted with. */
    public SVC params() {
        return state.params();
    }

    @Override
    public int[] classes() {
        return classes.clone();
    }

    @Override
    public int nFeatures() {
        return d;
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
     * The support vectors as held: a {@link CsrMatrix} for a model fitted on sparse rows (scikit-learn's scipy CSR
     * {@code support_vectors_}), the dense {@link Matrix} otherwise. Immutable, not a copy.
     */
    public RowSource supportVectorRows() {
        return state.supportVectorRows();
    }

    /** Support vectors per class ({@code n_support_}). */
    public int[] nSupport() {
        return state.nSupport();
    }

    /** {@code dual_coef_}: (n_classes - 1) rows, one column per support vector. */
    public double[][] dualCoef() {
        return state.dualCoef();
    }

    /** {@code intercept_}: one per pair of classes. */
    public double[] intercept() {
        return state.intercept();
    }

    /**
     * {@code coef_} for a linear kernel: one row of weights per pair of classes (one row for two classes),
     * scikit-learn's {@code _one_vs_one_coef} from the public dual coefficients. Each weight is summed over
     * the support vectors in order; scikit-learn's BLAS may sum in another order (within 1e-12 relative).
     *
     * @throws IllegalStateException for another kernel
     */
    public double[][] coef() {
        if (!(state.params().kernel() instanceof Kernel.Linear)) {
            throw new IllegalStateException("coef_ is only available when using a linear kernel");
        }
        return LinearCoef.oneVsOne(state.dualCoef(), state.nSupport(),
                svSparse != null ? svSparse::addRowTo : LinearCoef.Rows.dense(sv, d), d);
    }

    /** Solver iterations per pair ({@code n_iter_}). */
    public int[] nIter() {
        return state.nIter();
    }

    /** 0, or 1 when the solver stopped at max_iter ({@code fit_status_}). */
    public int fitStatus() {
        return state.fitStatus();
    }

    /**
     * scikit-learn's {@code ConvergenceWarning} when the solver stopped at {@code max_iter} (fit status 1):
     * "Solver terminated early (max_iter=N).  Consider pre-processing your data with StandardScaler or
     * MinMaxScaler."; empty otherwise.
     */
    @Override
    public java.util.List<String> warnings() {
        return LibSvmWarnings.of(state.fitStatus(), state.params().maxIter());
    }

    /** Platt's A per pair ({@code probA_}); empty unless fitted with probability=true. */
    public double[] probA() {
        return state.probA();
    }

    /** Platt's B per pair ({@code probB_}); empty unless fitted with probability=true. */
    public double[] probB() {
        return state.probB();
    }

    /** Where and on what this model was fitted. */
    public Provenance provenance() {
        return state.provenance();
    }

    /** Whether this model was fitted on sparse rows (scikit-learn's {@code _sparse}) and predicts through libsvm's sparse path. */
    public boolean fittedOnSparse() {
        return state.sparse();
    }

    private double[] checkPredictX(Matrix x) {
        double[] flat = Inputs.checkX(owner, x);
        Check.nFeatures(owner, d, x.cols());
        return flat;
    }

    /**
     * libsvm's pairwise decision values of any rows, as {@code _validate_for_predict} routes them: a model fitted
     * on sparse rows takes dense rows as CSR (zeros dropped); a model fitted on dense rows refuses CSR input.
     */
    private double[][] libsvmDecision(RowSource x) {
        if (x instanceof CsrMatrix c) {
            if (svSparse == null) {
                throw new IllegalArgumentException("cannot use sparse input in '" + owner + "' trained on dense data");
            }
            SparseRows rows = Inputs.checkX(owner, c);
            Check.nFeatures(owner, d, c.cols());
            return Predict.sparseDecisionValues(owner + ".predict", parallelism, kf, rows, svSparse, k, nSV, coefLib, rho);
        }
        Matrix m = (Matrix) x;
        double[] flat = checkPredictX(m);
        return svSparse != null
                ? Predict.sparseDecisionValues(owner + ".predict", parallelism, kf, SparseRows.of(m), svSparse, k, nSV, coefLib, rho)
                : libsvmDecision(flat, m.rows());
    }


    /** libsvm's pairwise decision values (libsvm's signs: positive means the first class of the pair), n x pairs. */
    private double[][] libsvmDecision(double[] flat, int n) {
        int pairs = k * (k - 1) / 2;
        double[][] out = new double[n][pairs];
        FeatureMajor svT = prepared().svT();
        if (svT != null) {
            try (Team team = Team.of(owner + ".predict", parallelism, null)) {
                Predict.decisionValuesBulk(kf, k, nSV, coefLib, rho, flat, n, d, svT, out, team);
            }
            return out;
        }
        double[] kvalue = new double[svOff.length];
        double[] scratch = new double[d];
        Stop stop = Stop.of(owner + ".predict", null);
        for (int r = 0; r < n; r++) {
            if ((r & 63) == 0) {
                stop.check();
            }
            Predict.decisionValues(kf, k, nSV, coefLib, rho, flat, r * d, sv, svOff, svIdx, d, kvalue, scratch, out[r]);
        }
        return out;
    }

    @Override
    public int[] predict(Matrix x) {
        return predict((RowSource) x);
    }

    /**
     * The predicted class of each row, dense or CSR. A model fitted on sparse rows predicts through libsvm's
     * sparse path (dense rows taken as CSR); a model fitted on dense rows refuses CSR input, as scikit-learn does.
     */
    public int[] predict(RowSource x) {
        if (svSparse != null || x instanceof CsrMatrix) {
            return predictFrom(libsvmDecision(x));
        }
        Matrix xm = (Matrix) x;
        double[] flat = checkPredictX(xm);
        int n = xm.rows();
        int[] out = new int[n];
        if (breaksTies()) {
            return predictFrom(libsvmDecision(flat, n));
        }
        int[] votes = new int[k];
        LinearVotes linearVotes = prepared().linearVotes();
        if (linearVotes == null) {
            double[][] dec = libsvmDecision(flat, n);
            for (int r = 0; r < n; r++) {
                out[r] = classes[Predict.vote(k, dec[r], votes)];
            }
            return out;
        }
        // linear kernel: certified votes from x . w; the rows it cannot certify go through libsvm's sums
        int pairs = linearVotes.pairs();
        double[] signs = new double[pairs];
        double[] v = new double[pairs];
        double[] s = new double[pairs];
        int[] uncertain = new int[n];
        int m = 0;
        for (int r = 0; r < n; r++) {
            if (linearVotes.signs(flat, r * d, signs, v, s)) {
                out[r] = classes[Predict.vote(k, signs, votes)];
            } else {
                uncertain[m++] = r;
            }
        }
        if (m > 0) {
            double[] rows = new double[m * d];
            for (int q = 0; q < m; q++) {
                System.arraycopy(flat, uncertain[q] * d, rows, q * d, d);
            }
            double[][] dec = libsvmDecision(rows, m);
            for (int q = 0; q < m; q++) {
                out[uncertain[q]] = classes[Predict.vote(k, dec[q], votes)];
            }
        }
        return out;
    }

    private boolean breaksTies() {
        return state.params().breakTies() && state.params().decisionFunctionShape() == DecisionShape.OVR && k > 2;
    }

    /** Classes from libsvm's pairwise decision values: argmax of the 'ovr' values with break_ties, else the vote. */
    private int[] predictFrom(double[][] pairwise) {
        int n = pairwise.length;
        int[] out = new int[n];
        if (breaksTies()) {
            double[][] dec = ovr(pairwise);
            for (int r = 0; r < n; r++) {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (dec[r][c] > dec[r][best]) {
                        best = c;
                    }
                }
                out[r] = classes[best];
            }
            return out;
        }
        int[] votes = new int[k];
        for (int r = 0; r < n; r++) {
            out[r] = classes[Predict.vote(k, pairwise[r], votes)];
        }
        return out;
    }

    /**
     * scikit-learn's {@code decision_function}: for two classes one column, positive for
     * {@code classes()[1]}; otherwise one column per pair ('ovo') or per class ('ovr').
     */
    @Override
    public Matrix decisionFunction(Matrix x) {
        return decisionFunction((RowSource) x);
    }

    /** {@link #decisionFunction(Matrix)} of dense or CSR rows (routed as {@link #predict(RowSource)} routes them). */
    public Matrix decisionFunction(RowSource x) {
        double[][] dec = libsvmDecision(x);
        int n = dec.length;
        if (k == 2) {
            double[] col = new double[n];
            for (int r = 0; r < n; r++) {
                col[r] = -dec[r][0];
            }
            return Matrix.of(n, 1, col);
        }
        if (state.params().decisionFunctionShape() == DecisionShape.OVR) {
            return Matrix.of(ovr(dec));
        }
        return n == 0 ? Matrix.zeros(0, k * (k - 1) / 2) : Matrix.of(dec);
    }

    /** scikit-learn's {@code _ovr_decision_function(dec < 0, -dec, k)}. */
    private double[][] ovr(double[][] dec) {
        int n = dec.length;
        double[][] out = new double[n][k];
        for (int r = 0; r < n; r++) {
            double[] votes = new double[k];
            double[] conf = new double[k];
            int p = 0;
            for (int i = 0; i < k; i++) {
                for (int j = i + 1; j < k; j++) {
                    double c = -dec[r][p];
                    conf[i] -= c;
                    conf[j] += c;
                    if (dec[r][p] < 0) {
                        votes[j] += 1;
                    } else {
                        votes[i] += 1;
                    }
                    p++;
                }
            }
            for (int c = 0; c < k; c++) {
                out[r][c] = votes[c] + conf[c] / (3 * (Math.abs(conf[c]) + 1));
            }
        }
        return out;
    }

    @Override
    public boolean supportsProba() {
        return probA.length > 0;
    }

    /** Class probabilities by Platt scaling and pairwise coupling, columns in {@link #classes()} order. */
    @Override
    public Matrix predictProba(Matrix x) {
        return predictProba((RowSource) x);
    }

    /** {@link #predictProba(Matrix)} of dense or CSR rows (routed as {@link #predict(RowSource)} routes them). */
    public Matrix predictProba(RowSource x) {
        if (!state.params().probability()) {
            throw new IllegalStateException("predict_proba is not available when  probability=False");
        }
        double[][] dec = libsvmDecision(x);
        int n = dec.length;
        double[][] out = new double[n][k];
        double[][] pairwise = new double[k][k];
        for (int r = 0; r < n; r++) {
            Predict.probability(k, dec[r], probA, probB, pairwise, out[r]);
        }
        return n == 0 ? Matrix.zeros(0, k) : Matrix.of(out);
    }

    /** The natural log of {@link #predictProba} (glibc's log, which NumPy's {@code np.log} calls here). */
    public Matrix predictLogProba(Matrix x) {
        Matrix p = predictProba(x);
        double[] v = p.toFlatArray();
        for (int i = 0; i < v.length; i++) {
            v[i] = GlibcLog.log(v[i]);
        }
        return Matrix.of(p.rows(), p.cols(), v);
    }
}
