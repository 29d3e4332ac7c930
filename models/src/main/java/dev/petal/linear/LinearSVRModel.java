package dev.petal.linear;

import dev.petal.api.Provenance;
import dev.petal.api.Regressor;
import dev.petal.check.Check;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import dev.petal.metrics.RegressionMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * A fitted {@link LinearSVR}: scikit-learn's {@code coef_} (one value per feature), {@code intercept_}
 * and {@code n_iter_}. Immutable; arrays are copied in and out.
 */
public final class LinearSVRModel implements Regressor {
    private final LinearSVR params;
    private final double[] coef;
    private final double intercept;
    private final int nIter;
    private final boolean converged;
    private final Provenance provenance;

    LinearSVRModel(LinearSVR params, double[] coef, double intercept, int nIter, boolean converged, Provenance provenance) {
        this.provenance = java.util.Objects.requireNonNull(provenance, "provenance");
        this.params = params;
        this.coef = coef.clone();
        this.intercept = intercept;
        this.nIter = nIter;
        this.converged = converged;
    }

    /** Rebuilds a fitted model from its parts (model files). */
    public static LinearSVRModel of(LinearSVR params, double[] coef, double intercept, int nIter, Provenance provenance) {
        if (coef.length < 1) {
            throw new IllegalArgumentException("a LinearSVR model needs at least one coefficient");
        }
        return new LinearSVRModel(params, coef, intercept, nIter, nIter < params.maxIter(), provenance);
    }

    static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    /** Where this model came from. */
    public Provenance provenance() {
        return provenance;
    }

    /** The settings this model was fitted with. */
    public LinearSVR params() {
        return params;
    }

    /** The number of features seen at fit. */
    @Override
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

    @Override
    public double[] predict(Matrix x) {
        return predict((RowSource) x);
    }

    @Override
    public double score(Matrix x, double[] y) {
        return score((RowSource) x, y);
    }

    /** {@code predict(X)}: {@code X coef + intercept}, dense or CSR rows. */
    public double[] predict(RowSource x) {
        Solvers.finite("LinearSVR", x);
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
