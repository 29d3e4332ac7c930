package dev.petal.svm;

import dev.petal.api.Provenance;
import dev.petal.check.Check;
import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import dev.petal.numeric.NumpySum;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** scikit-learn's {@code BaseLibSVM.fit} for SVC: validation, class weights, gamma, seed, then libsvm. */
final class SvcTrainer {
    private SvcTrainer() {
    }

    static SVCModel fit(SVC params, RowSource x, int[] y, double[] sampleWeight) {
        return fit(params, x, y, sampleWeight, LibSvm.C_SVC, 0.0, "SVC");
    }

    /**
     * The fit of a libsvm classifier: {@code svmType} C_SVC (SVC) or NU_SVC (NuSVC, with {@code nu}). A
     * {@link CsrMatrix} goes through libsvm's sparse path, as scikit-learn's {@code _sparse_fit} does.
     */
    static SVCModel fit(SVC params, RowSource x, int[] y, double[] sampleWeight, int svmType, double nu, String owner) {
        SparseRows sparse = null;
        double[] flat = null;
        if (x instanceof CsrMatrix c) {
            if (params.kernel() instanceof Kernel.Precomputed) {
                throw new IllegalArgumentException("Sparse precomputed kernels are not supported.");
            }
            sparse = Inputs.checkX(owner, c);
        } else {
            flat = Inputs.checkX(owner, (Matrix) x);
        }
        Check.consistentLength(x.rows(), y.length);

        int n = x.rows();
        int d = x.cols();
        int[] classes = Arrays.stream(y).distinct().sorted().toArray();
        int k = classes.length;
        double[] classWeight = classWeight(params.classWeight(), classes, y);
        if (k < 2) {
            throw new IllegalArgumentException("The number of classes has to be greater than one; got " + k + " class");
        }
        if (params.kernel() instanceof Kernel.Precomputed && n != d) {
            throw new IllegalArgumentException("Precomputed matrix must be a square matrix. Input is a " + n + "x" + d + " matrix.");
        }
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
        int[] yCopy = y.clone();
        try (Team team = Team.of(owner + ".fit", params.parallelism(), params.timeLimit())) {
            // the model's digest of its input: a helper computes it while the caller sets the problem up
            Team.Aside<Provenance> pending = team.aside(() -> Provenance.of(x, yCopy));
            double gamma = sparse != null ? resolveGamma(params.gamma(), sparse) : resolveGamma(params.kernel(), params.gamma(), flat, d);

            double[] yIndex = new double[n];
            for (int i = 0; i < n; i++) {
                yIndex[i] = Arrays.binarySearch(classes, y[i]);
            }
            checkWeights(yIndex, w, classes);
            if (svmType == LibSvm.NU_SVC && !LibSvm.nuFeasible(yIndex, w, nu)) {
                throw new IllegalArgumentException("specified nu is infeasible");
            }

            long seed = params.randomState() != null
                    ? new Mt19937(params.randomState()).numpyRandint(Integer.MAX_VALUE)
                    : new SecureRandom().nextInt(Integer.MAX_VALUE);

            KernelFunction kf = KernelFunction.of(params.kernel(), params.degree(), gamma, params.coef0());
            double[] xsq = params.kernel() instanceof Kernel.Rbf ? squaredNorms(flat, sparse, n, d) : null;
            int[] rows = new int[n];
            for (int i = 0; i < n; i++) {
                rows[i] = i;
            }
            int[] weightLabel = new int[k];
            for (int c = 0; c < k; c++) {
                weightLabel[c] = c;
            }
            LibSvm.Params lp = new LibSvm.Params(svmType, nu, 0.0, kf, params.C(), params.tol(), params.shrinking(), params.probability(),
                    params.cacheSize(), params.maxIter(), weightLabel, classWeight, seed);
            LibSvm.Problem problem = sparse != null ? new LibSvm.Problem(sparse, rows, yIndex, w)
                    : new LibSvm.Problem(flat, d, rows, yIndex, w);
            LibSvm.Context ctx = new LibSvm.Context(xsq, team);
            LibSvm.Model m = LibSvm.train(problem, lp, ctx);
            Provenance provenance = pending.get();

            boolean binary = k == 2;
            double[][] dualCoef = new double[k - 1][];
            for (int r = 0; r < k - 1; r++) {
                dualCoef[r] = m.svCoef[r].clone();
                if (binary) {
                    for (int s = 0; s < dualCoef[r].length; s++) {
                        dualCoef[r][s] = -dualCoef[r][s];
                    }
                }
            }
            double[] intercept = new double[m.rho.length];
            for (int p = 0; p < intercept.length; p++) {
                double t = m.rho[p];
                intercept[p] = t != 0 ? -t : 0;
                if (binary) {
                    intercept[p] *= -1;
                }
            }
            checkFinite(m);
            // the rows as they came: CSR for a sparse fit (scikit-learn's support_vectors_, stored zeros kept), else dense
            RowSource sv = params.kernel() instanceof Kernel.Precomputed ? Matrix.zeros(0, 0) : x.selectRows(m.svRows);
            SVCState state = new SVCState(params, gamma, classes, d, m.svInd, sv, m.nSV, dualCoef, intercept, m.probA,
                    m.probB, m.nIter, ctx.status, provenance, sparse != null);
            return SVCModel.fromState(state).named(owner);
        }
    }

    /** scikit-learn's {@code compute_class_weight}. */
    static double[] classWeight(ClassWeight cw, int[] classes, int[] y) {
        int k = classes.length;
        double[] weight = new double[k];
        Arrays.fill(weight, 1.0);
        if (cw instanceof ClassWeight.Balanced) {
            int[] count = new int[k];
            for (int v : y) {
                count[Arrays.binarySearch(classes, v)]++;
            }
            for (int c = 0; c < k; c++) {
                weight[c] = (double) y.length / ((double) k * (double) count[c]);
            }
        } else if (cw instanceof ClassWeight.PerClass pc && !pc.weights().isEmpty()) {
            Map<Integer, Double> map = pc.weights();
            List<Integer> unweighted = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                Double v = map.get(classes[c]);
                if (v != null) {
                    weight[c] = v;
                } else {
                    unweighted.add(classes[c]);
                }
            }
            if (!unweighted.isEmpty() && k - unweighted.size() != map.size()) {
                throw new IllegalArgumentException("The classes, " + unweighted + ", are not in class_weight");
            }
        }
        return weight;
    }

    /** Each row's squared norm, as libsvm's {@code x_square}: BLAS's dot for dense rows, the sparse dot for sparse ones. */
    static double[] squaredNorms(double[] flat, SparseRows sparse, int n, int d) {
        double[] xsq = new double[n];
        for (int r = 0; r < n; r++) {
            xsq[r] = sparse != null ? sparse.dot(r, sparse, r) : Blas.dot(flat, r * d, flat, r * d, d);
        }
        return xsq;
    }

    /** gamma on sparse X: 'scale' from {@link SparseRows#scaleVariance}, 'auto' 1 / n_features. */
    static double resolveGamma(Gamma g, SparseRows x) {
        if (g instanceof Gamma.Scale) {
            double var = SparseRows.scaleVariance(x);
            return var != 0 ? 1.0 / ((double) x.cols() * var) : 1.0;
        }
        if (g instanceof Gamma.Auto) {
            return 1.0 / x.cols();
        }
        return ((Gamma.Value) g).value();
    }

    /** gamma='scale' uses numpy's {@code X.var()} (pairwise sums in 8192-element chunks, see {@link NumpySum}). */
    static double resolveGamma(Kernel kernel, Gamma g, double[] flat, int d) {
        if (kernel instanceof Kernel.Precomputed) {
            return 0.0;
        }
        if (g instanceof Gamma.Scale) {
            double var = NumpySum.var(flat);
            return var != 0 ? 1.0 / ((double) d * var) : 1.0;
        }
        if (g instanceof Gamma.Auto) {
            return 1.0 / d;
        }
        return ((Gamma.Value) g).value();
    }

    /** libsvm's weight checks, and refusal of a class whose every sample has weight &lt;= 0. */
    private static void checkWeights(double[] yIndex, double[] w, int[] classes) {
        int kept = 0;
        boolean[] present = new boolean[classes.length];
        for (int i = 0; i < w.length; i++) {
            if (w[i] > 0) {
                kept++;
                present[(int) yIndex[i]] = true;
            }
        }
        if (kept == 0) {
            throw new IllegalArgumentException("Invalid input - all samples have zero or negative weights.");
        }
        int nPresent = 0;
        for (boolean b : present) {
            nPresent += b ? 1 : 0;
        }
        if (kept != w.length && nPresent == 1) {
            throw new IllegalArgumentException("Invalid input - all samples with positive weights belong to the same class.");
        }
        for (int c = 0; c < classes.length; c++) {
            if (!present[c]) {
                throw new IllegalArgumentException("class " + classes[c] + " has no sample with a positive sample_weight; "
                        + "give some of its samples a positive weight or remove the class from y.");
            }
        }
    }

    static void checkFinite(LibSvm.Model m) {
        boolean ok = true;
        for (double r : m.rho) {
            ok &= Double.isFinite(r);
        }
        for (double[] row : m.svCoef) {
            for (double v : row) {
                ok &= Double.isFinite(v);
            }
        }
        if (!ok) {
            throw new IllegalArgumentException("The dual coefficients or intercepts are not finite. The input data may "
                    + "contain large values and need to be preprocessed.");
        }
    }
}
