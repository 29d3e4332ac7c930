package dev.petal.linear;

import dev.petal.check.Check;
import dev.petal.linalg.RowSource;
import dev.petal.metrics.RegressionMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * A fitted {@link LinearSVR}: scikit-learn's {@code coef_} (one value per feature), {@code intercept_}
 * and {@code n_iter_}. Immutable; arrays are copied in and out.
 */
public final class LinearSVRModel {
    private final LinearSVR params;
    private final double[] coef;
    private final double intercept;
    private final int nIter;
    private final boolean converged;

    LinearSVRModel(LinearSVR params, double[] coef, double intercept, int nIter, boolean converged) {
        this.params = params;
        this.coef = coef.clone();
        this.intercept = intercept;
        this.nIter = nIter;
        this.converged = converged;
    }

    /** Rebuilds a fitted model from its parts (model files). */
    public static LinearSVRModel of(LinearSVR params, double[] coef, double intercept, int nIter) {
        if (coef.length < 1) {
            throw new IllegalArgumentException("a LinearSVR model needs at least one coefficient");
        }
        return new LinearSVRModel(params, coef, intercept, nIter, nIter < params.maxIter());
    }

    static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    /** The settings this model was fitted with. */
    public LinearSVR params() {
        return params;
    }

    /** The number of features seen at fit. */
    public int nFeatures() {
        return coef.length;
    }

    /** {@code coef_}. */
    public double[] coef() {
        return coef.clone();
    }

    /** {@code intercept_} (0 when fitted without an intercept). */
    public double intercept() {
        return intercept;
    }

    /** {@code n_iter_}. */
    public int nIter() {
        return nIter;
    }

    /** Whether the solver stopped before {@code max_iter}. */
    public boolean converged() {
        return converged;
    }

    /** The warnings scikit-learn issued at fit: its ConvergenceWarning when the solver hit {@code max_iter}. */
    public List<String> warnings() {
        List<String> w = new ArrayList<>();
        if (!converged) {
            w.add(Solvers.CONVERGENCE_WARNING);
        }
        return w;
    }

    /** {@code predict(X)}: {@code X coef + intercept}, dense or CSR rows. */
    public double[] predict(RowSource x) {
        Check.nFeatures("LinearSVR", coef.length, x.cols());
        double[] out = new double[x.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = x.dot(i, coef) + intercept;
        }
        return out;
    }

    /** {@code score(X, y)}: R² of {@link #predict} against {@code y}. */
    public double score(RowSource x, double[] y) {
        return RegressionMetrics.r2Score(y, predict(x));
    }
}
