package dev.petal.linear;

import dev.petal.api.DecisionClassifier;
import dev.petal.api.Provenance;
import dev.petal.check.Check;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A fitted {@link LinearSVC}: scikit-learn's {@code classes_}, {@code coef_} (one row for two classes,
 * else one per class), {@code intercept_} and {@code n_iter_} (the largest iteration count of its
 * solvers). Immutable; arrays are copied in and out.
 */
public final class LinearSVCModel implements DecisionClassifier {
    private final LinearSVC params;
    private final int[] classes;
    private final int nFeatures;
    private final double[][] coef;
    private final double[] intercept;
    private final int nIter;
    private final boolean converged;
    private final Provenance provenance;

    LinearSVCModel(LinearSVC params, int[] classes, int nFeatures, double[][] coef, double[] intercept, int nIter,
                   boolean converged, Provenance provenance) {
        this.provenance = java.util.Objects.requireNonNull(provenance, "provenance");
        this.params = params;
        this.classes = classes.clone();
        this.nFeatures = nFeatures;
        this.coef = LinearSVRModel.copy(coef);
        this.intercept = intercept.clone();
        this.nIter = nIter;
        this.converged = converged;
    }

    /** Rebuilds a fitted model from its parts (model files); checks that the shapes agree. */
    public static LinearSVCModel of(LinearSVC params, int[] classes, double[][] coef, double[] intercept, int nIter,
                                    Provenance provenance) {
        int rows = classes.length == 2 ? 1 : classes.length;
        if (classes.length < 2 || coef.length != rows || intercept.length != rows) {
            throw new IllegalArgumentException("a LinearSVC model with " + classes.length + " classes needs " + rows
                    + " coefficient rows and intercepts, got " + coef.length + " and " + intercept.length);
        }
        int d = coef[0].length;
        for (double[] row : coef) {
            if (row.length != d) {
                throw new IllegalArgumentException("coefficient rows differ in length");
            }
        }
        for (int i = 1; i < classes.length; i++) {
            if (classes[i] <= classes[i - 1]) {
                throw new IllegalArgumentException("classes must be strictly increasing");
            }
        }
        return new LinearSVCModel(params, classes, d, coef, intercept, nIter, nIter < params.maxIter(), provenance);
    }

    /** Where this model came from. */
    public Provenance provenance() {
        return provenance;
    }

    /** The settings this model was fitted with. */
    public LinearSVC params() {
        return params;
    }

    @Override
    public int[] classes() {
        return classes.clone();
    }

    @Override
    public int nFeatures() {
        return nFeatures;
    }

    /** {@code coef_}: shape (1, n_features) for two classes, else (n_classes, n_features). */
    public double[][] coef() {
        return LinearSVRModel.copy(coef);
    }

    /** {@code intercept_} (zeros when fitted without an intercept). */
    public double[] intercept() {
        return intercept.clone();
    }

    /** {@code n_iter_}: the largest iteration count over the solvers run. */
    public int nIter() {
        return nIter;
    }

    /** Whether every solver stopped before {@code max_iter}. */
    public boolean converged() {
        return converged;
    }

    /** The warnings scikit-learn issued at fit: its ConvergenceWarning when a solver hit {@code max_iter}. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (!converged) {
            w.add(Solvers.CONVERGENCE_WARNING);
        }
        return w;
    }

    @Override
    public Matrix decisionFunction(Matrix x) {
        return decisionFunction((RowSource) x);
    }

    /**
     * {@code decision_function(X)}: {@code X coef' + intercept}, one column for two classes (positive means
     * {@code classes()[1]}), else one per class; dense or CSR rows.
     */
    public Matrix decisionFunction(RowSource x) {
        Solvers.finite("LinearSVC", x);
        Check.nFeatures("LinearSVC", nFeatures, x.cols());
        int n = x.rows();
        int k = coef.length;
        double[] out = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) {
                out[i * k + c] = x.dot(i, coef[c]) + intercept[c];
            }
        }
        return Matrix.of(n, k, out);
    }

    @Override
    public int[] predict(Matrix x) {
        return predict((RowSource) x);
    }

    /** {@code predict(X)}: {@code classes[1]} where the decision value is positive (two classes), else the class of the largest value. */
    public int[] predict(RowSource x) {
        Matrix d = decisionFunction(x);
        int n = x.rows();
        int k = d.cols();
        double[] v = d.toFlatArray();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (k == 1) {
                out[i] = classes[v[i] > 0 ? 1 : 0];
            } else {
                int best = 0;
                for (int c = 1; c < k; c++) {
                    if (v[i * k + c] > v[i * k + best]) {
                        best = c;
                    }
                }
                out[i] = classes[best];
            }
        }
        return out;
    }
}
