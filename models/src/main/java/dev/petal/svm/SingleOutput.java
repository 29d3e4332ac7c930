package dev.petal.svm;

import dev.petal.api.Parallelism;
import dev.petal.api.Provenance;
import dev.petal.check.Check;
import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import dev.petal.numeric.SharedRows;
import java.time.Duration;
import java.util.Arrays;

/**
 * The libsvm one-output formulations (ε-SVR, ν-SVR, one-class) behind {@link SVR}, {@link NuSVR} and
 * {@link OneClassSVM}: scikit-learn's {@code BaseLibSVM.fit} checks, then libsvm's training; and the
 * prediction, {@code sum_s coef_s K(x, sv_s) - rho} with libsvm's summation order.
 */
final class SingleOutput {
    private final String owner;
    private final KernelFunction kf;
    private final int d;
    private final double[] sv;
    private final FeatureMajor svT;
    /** The support vectors in libsvm's sparse form for a model fitted on sparse rows; null otherwise. */
    private final SparseRows svSparse;
    private final int[] svOff;
    private final int[] svIdx;
    private final int[] nSV;
    private final double[][] coef;
    private final double[] rho;

    /** The settings a one-output fit needs. */
    record Settings(String owner, int svmType, Kernel kernel, int degree, Gamma gamma, double coef0, double c, double nu,
                    double epsilon, double tol, boolean shrinking, double cacheSize, int maxIter, Parallelism parallelism,
                    Duration timeLimit) {
    }

    /** Fits on rows {@code x} with targets {@code y} (one-class: all ones) and optional sample weights. */
    static SingleOutputState fit(Settings s, RowSource x, double[] y, double[] sampleWeight) {
        SparseRows sparse = null;
        double[] flat = null;
        if (x instanceof CsrMatrix c) {
            if (s.kernel() instanceof Kernel.Precomputed) {
                throw new IllegalArgumentException("Sparse precomputed kernels are not supported.");
            }
            sparse = Inputs.checkX(s.owner(), c);
        } else {
            flat = Inputs.checkX(s.owner(), (Matrix) x);
        }
        Check.consistentLength(x.rows(), y.length);
        int n = x.rows();
        int d = x.cols();
        if (s.kernel() instanceof Kernel.Precomputed && n != d) {
            throw new IllegalArgumentException("Precomputed matrix must be a square matrix. Input is a " + n + "x" + d + " matrix.");
        }
        Check.allFinite("y", y);
        double[] w;
        if (sampleWeight == null) {
            w = new double[n];
            Arrays.fill(w, 1.0);
        } else {
            if (sampleWeight.length != n) {
                throw new IllegalArgumentException("sample_weight and X have incompatible shapes: (" + sampleWeight.length
                        + ",) vs (" + n + ", " + d + ")\nNote: Sparse matrices cannot be indexed w/boolean masks (use `indices=True` in CV).");
            }
            Check.allFinite("sample_weight", sampleWeight);
            w = sampleWeight.clone();
        }
        boolean anyPositive = false;
        for (double v : w) {
            anyPositive |= v > 0;
        }
        if (!anyPositive) {
            throw new IllegalArgumentException("Invalid input - all samples have zero or negative weights.");
        }
        double gamma = sparse != null ? SvcTrainer.resolveGamma(s.gamma(), sparse)
                : SvcTrainer.resolveGamma(s.kernel(), s.gamma(), flat, d);
        KernelFunction kf = KernelFunction.of(s.kernel(), s.degree(), gamma, s.coef0());
        double[] xsq = kf.needsSquaredNorms() ? SvcTrainer.squaredNorms(flat, sparse, n, d) : null;
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        LibSvm.Params lp = new LibSvm.Params(s.svmType(), s.nu(), s.epsilon(), kf, s.c(), s.tol(), s.shrinking(), false,
                s.cacheSize(), s.maxIter(), new int[0], new double[0], -1);
        LibSvm.Model m;
        int status;
        try (Team team = Team.of(s.owner() + ".fit", s.parallelism(), s.timeLimit())) {
            LibSvm.Context ctx = new LibSvm.Context(xsq, team);
            LibSvm.Problem problem = sparse != null ? new LibSvm.Problem(sparse, rows, y.clone(), w)
                    : new LibSvm.Problem(flat, d, rows, y.clone(), w);
            m = LibSvm.train(problem, lp, ctx);
            status = ctx.status;
        }
        SvcTrainer.checkFinite(m);
        double t = m.rho[0];
        double intercept = t != 0 ? -t : 0;
        // the rows as they came: CSR for a sparse fit (scikit-learn's support_vectors_, stored zeros kept), else dense
        RowSource svs = s.kernel() instanceof Kernel.Precomputed ? Matrix.zeros(0, 0) : x.selectRows(m.svRows);
        return new SingleOutputState(gamma, d, m.svInd, svs, m.svCoef[0], intercept, m.nIter[0], status,
                Provenance.of(x, y), sparse != null);
    }

    /** A predictor for {@code state}, after checking its shapes and values. */
    SingleOutput(String owner, Kernel kernel, int degree, double coef0, SingleOutputState state) {
        this.owner = owner;
        int l = state.support().length;
        this.d = state.nFeatures();
        boolean precomputed = kernel instanceof Kernel.Precomputed;
        RowSource svm = state.supportVectorRows();
        if (d < 1) {
            throw new IllegalArgumentException("nFeatures must be at least 1, got " + d);
        }
        if (precomputed ? svm.rows() != 0 || svm.cols() != 0 : svm.rows() != l || svm.cols() != d) {
            throw new IllegalArgumentException("supportVectors must be " + (precomputed ? "0x0" : l + "x" + d) + ", got "
                    + svm.rows() + "x" + svm.cols());
        }
        if (state.dualCoef().length != l) {
            throw new IllegalArgumentException("dualCoef must hold " + l + " values, got " + state.dualCoef().length);
        }
        for (int i : state.support()) {
            if (i < 0 || (precomputed && i >= d)) {
                throw new IllegalArgumentException("support index " + i + " is out of range");
            }
        }
        boolean finite = Double.isFinite(state.intercept()) && Double.isFinite(state.gamma()) && state.gamma() >= 0;
        for (double v : state.dualCoef()) {
            finite &= Double.isFinite(v);
        }
        if (!finite) {
            throw new IllegalArgumentException("dualCoef, intercept and gamma must be finite (gamma >= 0)");
        }
        if (state.fitStatus() != 0 && state.fitStatus() != 1) {
            throw new IllegalArgumentException("fitStatus must be 0 or 1, got " + state.fitStatus());
        }
        this.kf = KernelFunction.of(kernel, degree, state.gamma(), coef0);
        // dense: the state's own array, read only; sparse rows are held only as CSR
        this.sv = state.sparse() ? null : SharedRows.of((Matrix) svm);
        this.svOff = new int[l];
        for (int i = 0; i < l; i++) {
            svOff[i] = i * svm.cols();
        }
        this.svIdx = state.support();
        this.nSV = new int[] {l, 0};
        this.coef = new double[][] {state.dualCoef()};
        this.rho = new double[] {-state.intercept()};
        this.svT = precomputed || state.sparse() ? null : FeatureMajor.ofRows(sv, l, d);
        this.svSparse = state.sparse() ? SparseRows.of(svm) : null;
    }

    /** libsvm's decision value per row: {@code sum_s coef_s K(x, sv_s) - rho}. */
    double[] decision(RowSource x, Parallelism parallelism) {
        double[][] out;
        if (x instanceof CsrMatrix c) {
            if (svSparse == null) {
                throw new IllegalArgumentException("cannot use sparse input in '" + owner + "' trained on dense data");
            }
            SparseRows rows = Inputs.checkX(owner, c);
            Check.nFeatures(owner, d, c.cols());
            out = Predict.sparseDecisionValues(owner + ".predict", parallelism, kf, rows, svSparse, 2, nSV, coef, rho);
        } else {
            Matrix m = (Matrix) x;
            double[] flat = Inputs.checkX(owner, m);
            Check.nFeatures(owner, d, m.cols());
            out = svSparse != null
                    ? Predict.sparseDecisionValues(owner + ".predict", parallelism, kf, SparseRows.of(m), svSparse, 2, nSV, coef, rho)
                    : denseDecision(flat, m.rows(), parallelism);
        }
        double[] dec = new double[out.length];
        for (int r = 0; r < out.length; r++) {
            dec[r] = out[r][0];
        }
        return dec;
    }


    private double[][] denseDecision(double[] flat, int n, Parallelism parallelism) {
        double[][] out = new double[n][1];
        if (svT != null) {
            try (Team team = Team.of(owner + ".predict", parallelism, null)) {
                Predict.decisionValuesBulk(kf, 2, nSV, coef, rho, flat, n, d, svT, out, team);
            }
        } else {
            double[] kvalue = new double[svOff.length];
            double[] scratch = new double[d];
            Stop stop = Stop.of(owner + ".predict", null);
            for (int r = 0; r < n; r++) {
                if ((r & 63) == 0) {
                    stop.check();
                }
                Predict.decisionValues(kf, 2, nSV, coef, rho, flat, r * d, sv, svOff, svIdx, d, kvalue, scratch, out[r]);
            }
        }
        return out;
    }

    /** {@code coef_} = {@code dual_coef_ @ support_vectors_} for a linear kernel (one row). */
    double[] coef(Kernel kernel) {
        if (!(kernel instanceof Kernel.Linear)) {
            throw new IllegalStateException("coef_ is only available when using a linear kernel");
        }
        return LinearCoef.weights(coef[0], 0, coef[0].length,
                svSparse != null ? svSparse::addRowTo : LinearCoef.Rows.dense(sv, d), d, null);
    }
}
