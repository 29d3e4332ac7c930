package dev.petal.linear;

import dev.petal.api.HasParams;
import dev.petal.api.Provenance;
import dev.petal.api.RegressorEstimator;
import dev.petal.check.Check;
import dev.petal.check.PyRepr;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import dev.petal.linear.liblinear.Liblinear;
import dev.petal.linear.liblinear.SolverType;
import java.util.List;

/**
 * scikit-learn 1.2.1's {@code LinearSVR}: linear support vector regression fitted by liblinear, with
 * scikit-learn's parameter names and defaults ({@link #defaults()}: epsilon 0, tol 1e-4, C 1, loss
 * 'epsilon_insensitive', an intercept with scaling 1, dual, max_iter 1000). {@code randomState} null is
 * {@code None}.
 *
 * @param epsilon          half-width of the insensitive tube
 * @param tol              stopping tolerance
 * @param C                inverse regularization strength
 * @param loss             'epsilon_insensitive' (L1) or 'squared_epsilon_insensitive' (L2)
 * @param fitIntercept     fit an intercept (as a constant feature of value {@code interceptScaling})
 * @param interceptScaling the value of that feature
 * @param dual             solve the dual problem
 * @param randomState      seed of the coordinate order, or null
 * @param maxIter          iteration limit
 */
public record LinearSVR(double epsilon, double tol, double C, String loss, boolean fitIntercept, double interceptScaling,
                        boolean dual, Long randomState, int maxIter)
        implements RegressorEstimator<LinearSVRModel>, HasParams {
    private static final String OWNER = "LinearSVR";

    /** Validates every parameter with scikit-learn's messages. */
    public LinearSVR {
        if (Double.isNaN(epsilon) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("The 'epsilon' parameter of LinearSVR must be a finite float. Got "
                    + PyRepr.of(epsilon) + " instead.");
        }
        if (epsilon < 0) {
            throw new IllegalArgumentException("The 'epsilon' parameter of LinearSVR must be at least 0 (liblinear: p < 0). Got "
                    + PyRepr.of(epsilon) + " instead.");
        }
        Check.positive(OWNER, "tol", tol);
        Check.positive(OWNER, "C", C);
        Check.oneOf(OWNER, "loss", loss, List.of("epsilon_insensitive", "squared_epsilon_insensitive"));
        Solvers.interceptScaling(OWNER, interceptScaling);
        Check.atLeast(OWNER, "max_iter", maxIter, 0);
        if (randomState != null && (randomState < 0 || randomState > 0xFFFFFFFFL)) {
            throw new IllegalArgumentException("Seed must be between 0 and 2**32 - 1");
        }
    }

    /** scikit-learn's defaults. */
    public static LinearSVR defaults() {
        return new LinearSVR(0.0, 1e-4, 1.0, "epsilon_insensitive", true, 1.0, true, null, 1000);
    }

    /** A copy with {@code epsilon}. */
    public LinearSVR withEpsilon(double v) {
        return new LinearSVR(v, tol, C, loss, fitIntercept, interceptScaling, dual, randomState, maxIter);
    }

    /** A copy with {@code tol}. */
    public LinearSVR withTol(double v) {
        return new LinearSVR(epsilon, v, C, loss, fitIntercept, interceptScaling, dual, randomState, maxIter);
    }

    /** A copy with {@code C}. */
    public LinearSVR withC(double v) {
        return new LinearSVR(epsilon, tol, v, loss, fitIntercept, interceptScaling, dual, randomState, maxIter);
    }

    /** A copy with {@code loss}. */
    public LinearSVR withLoss(String v) {
        return new LinearSVR(epsilon, tol, C, v, fitIntercept, interceptScaling, dual, randomState, maxIter);
    }

    /** A copy with {@code fit_intercept}. */
    public LinearSVR withFitIntercept(boolean v) {
        return new LinearSVR(epsilon, tol, C, loss, v, interceptScaling, dual, randomState, maxIter);
    }

    /** A copy with {@code intercept_scaling}. */
    public LinearSVR withInterceptScaling(double v) {
        return new LinearSVR(epsilon, tol, C, loss, fitIntercept, v, dual, randomState, maxIter);
    }

    /** A copy with {@code dual}. */
    public LinearSVR withDual(boolean v) {
        return new LinearSVR(epsilon, tol, C, loss, fitIntercept, interceptScaling, v, randomState, maxIter);
    }

    /** A copy with {@code random_state} (null for None). */
    public LinearSVR withRandomState(Long v) {
        return new LinearSVR(epsilon, tol, C, loss, fitIntercept, interceptScaling, dual, v, maxIter);
    }

    /** A copy with {@code max_iter}. */
    public LinearSVR withMaxIter(int v) {
        return new LinearSVR(epsilon, tol, C, loss, fitIntercept, interceptScaling, dual, randomState, v);
    }

    /** The liblinear solver these settings select, or scikit-learn's "Unsupported set of arguments" error. */
    SolverType solverType() {
        return Solvers.of(false, "l2", loss, dual);
    }

    /** Fits on dense or CSR rows with real targets; {@code sampleWeight} may be null (all 1). */
    public LinearSVRModel fit(RowSource x, double[] y, double[] sampleWeight) {
        double[] sw = Solvers.check(OWNER, x, y.length, sampleWeight);
        Check.allFinite("y", y);
        SolverType type = solverType();
        double bias = fitIntercept ? interceptScaling : -1.0;
        Liblinear.Result r = Liblinear.trainRegressor(x, y, sw, type, tol, C, bias, epsilon, maxIter, Solvers.seed(randomState));
        int d = x.cols();
        double[] coef = java.util.Arrays.copyOf(r.w()[0], d);
        double intercept = fitIntercept ? interceptScaling * r.w()[0][d] : 0.0;
        int nIter = r.nIter()[0];
        return new LinearSVRModel(this, coef, intercept, nIter, nIter < maxIter, Provenance.of(x, y));
    }

    /** {@link #fit(RowSource, double[], double[])} without sample weights. */
    public LinearSVRModel fit(RowSource x, double[] y) {
        return fit(x, y, null);
    }

    /** {@link #fit(RowSource, double[], double[])} on dense rows without sample weights. */
    @Override
    public LinearSVRModel fit(Matrix x, double[] y) {
        return fit((RowSource) x, y, null);
    }

    /** scikit-learn's {@code get_params()}: every parameter by its scikit-learn name, as plain data. */
    @Override
    public java.util.Map<String, Object> params() {
        return LinearParams.of(this);
    }

    /** scikit-learn's {@code set_params(**params)}: a copy with the named parameters set. */
    @Override
    public LinearSVR withParams(java.util.Map<String, ?> params) {
        return LinearParams.with(this, params);
    }
}
