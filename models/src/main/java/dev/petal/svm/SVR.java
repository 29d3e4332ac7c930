package dev.petal.svm;

import dev.petal.api.HasParallelism;
import dev.petal.api.HasParams;
import dev.petal.api.Parallelism;
import dev.petal.api.RegressorEstimator;
import dev.petal.check.Check;
import dev.petal.check.PyRepr;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import java.time.Duration;
import java.util.Objects;

/**
 * ε-support vector regression, scikit-learn's {@code SVR} (version 1.2.1): no penalty for errors smaller than ε, C for the rest. Fits with libsvm's ε-SVR formulation; {@link #fit} returns an immutable {@link SVRModel}.
 *
 * @param kernel      the kernel
 * @param degree      polynomial degree, &ge; 0
 * @param gamma       kernel coefficient for rbf, poly and sigmoid
 * @param coef0       independent term of poly and sigmoid
 * @param tol         stopping tolerance, &gt; 0
 * @param C           regularisation, &gt; 0
 * @param epsilon     width of the tube without penalty, &ge; 0
 * @param shrinking   whether libsvm's shrinking heuristic is used
 * @param cacheSize   kernel cache size in MB, &gt; 0
 * @param maxIter     iteration limit, -1 for none
 * @param parallelism threads a fit may use (never changes the result)
 * @param timeLimit   how long a fit may run, or null for no limit
 */
public record SVR(Kernel kernel, int degree, Gamma gamma, double coef0, double tol, double C, double epsilon, boolean shrinking, double cacheSize, int maxIter, Parallelism parallelism, Duration timeLimit)
        implements RegressorEstimator<SVRModel>, HasParams, HasParallelism {

    /** Validates every parameter with scikit-learn's messages. */
    public SVR {
        Check.positive("SVR", "C", C);
        Check.nonNegative("SVR", "epsilon", epsilon);
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(gamma, "gamma");
        Check.atLeast("SVR", "degree", degree, 0);
        Check.positive("SVR", "tol", tol);
        if (!(cacheSize > 0.0) || Double.isInfinite(cacheSize)) {
            throw new IllegalArgumentException("The 'cacheSize' parameter of SVR must be a float in the range (0, inf). Got "
                    + PyRepr.of(cacheSize) + " instead.");
        }
        if (!Double.isFinite(coef0)) {
            throw new IllegalArgumentException("The 'coef0' parameter of SVR must be a float in the range (-inf, inf). Got "
                    + PyRepr.of(coef0) + " instead.");
        }
        Check.atLeast("SVR", "maxIter", maxIter, -1);
        Objects.requireNonNull(parallelism, "parallelism");
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("SVR.timeLimit must be positive (or null for no limit); got " + timeLimit + ".");
        }
    }

    /** scikit-learn's defaults: kernel rbf, degree 3, gamma 'scale', coef0 0, tol 1e-3, C 1, epsilon 0.1, shrinking, 200 MB, no iteration limit. */
    public static SVR defaults() {
        return new SVR(Kernel.RBF, 3, Gamma.scale(), 0.0, 1e-3, 1.0, 0.1, true, 200.0, -1, Parallelism.auto(), null);
    }

    /** A copy with {@code kernel}. */
    public SVR withKernel(Kernel kernel) {
        return new SVR(kernel, degree, gamma, coef0, tol, C, epsilon, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code degree}. */
    public SVR withDegree(int degree) {
        return new SVR(kernel, degree, gamma, coef0, tol, C, epsilon, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code gamma}. */
    public SVR withGamma(Gamma gamma) {
        return new SVR(kernel, degree, gamma, coef0, tol, C, epsilon, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code coef0}. */
    public SVR withCoef0(double coef0) {
        return new SVR(kernel, degree, gamma, coef0, tol, C, epsilon, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code tol}. */
    public SVR withTol(double tol) {
        return new SVR(kernel, degree, gamma, coef0, tol, C, epsilon, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code C}. */
    public SVR withC(double C) {
        return new SVR(kernel, degree, gamma, coef0, tol, C, epsilon, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code epsilon}. */
    public SVR withEpsilon(double epsilon) {
        return new SVR(kernel, degree, gamma, coef0, tol, C, epsilon, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code shrinking}. */
    public SVR withShrinking(boolean shrinking) {
        return new SVR(kernel, degree, gamma, coef0, tol, C, epsilon, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code cacheSize} (MB). */
    public SVR withCacheSize(double cacheSize) {
        return new SVR(kernel, degree, gamma, coef0, tol, C, epsilon, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code maxIter} (-1 for no limit). */
    public SVR withMaxIter(int maxIter) {
        return new SVR(kernel, degree, gamma, coef0, tol, C, epsilon, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code parallelism}. */
    @Override
    public SVR withParallelism(Parallelism parallelism) {
        return new SVR(kernel, degree, gamma, coef0, tol, C, epsilon, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code timeLimit} (null: no limit). */
    public SVR withTimeLimit(Duration timeLimit) {
        return new SVR(kernel, degree, gamma, coef0, tol, C, epsilon, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with a fixed {@code gamma}. */
    public SVR withGamma(double gamma) {
        return withGamma(Gamma.of(gamma));
    }

    SingleOutput.Settings settings() {
        return new SingleOutput.Settings("SVR", LibSvm.EPSILON_SVR, kernel, degree, gamma, coef0, C, 0.0, epsilon, tol, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** Fits on rows {@code x} (for a precomputed kernel: the n x n kernel matrix) with real targets {@code y}. */
    @Override
    public SVRModel fit(Matrix x, double[] y) {
        return fit(x, y, null);
    }

    /** Fits on dense or CSR rows (CSR through libsvm's sparse path, as scikit-learn's fit on a sparse matrix). */
    public SVRModel fit(RowSource x, double[] y) {
        return fit(x, y, null);
    }

    /** Fits with per-sample weights that rescale C per sample ({@code sample_weight}; null for none). */
    public SVRModel fit(RowSource x, double[] y, double[] sampleWeight) {
        return new SVRModel(this, SingleOutput.fit(settings(), x, Objects.requireNonNull(y, "y"), sampleWeight));
    }

    /** scikit-learn's {@code SVR.get_params()} (less {@code verbose}): every parameter by its scikit-learn name, sorted. */
    @Override
    public java.util.Map<String, Object> params() {
        return SvrParams.of(this);
    }

    /** scikit-learn's {@code set_params(**params)} on a copy. */
    @Override
    public SVR withParams(java.util.Map<String, ?> params) {
        return SvrParams.with(this, params);
    }

    /** {@code set_params(name=value)} on a copy. */
    @Override
    public SVR withParam(String name, Object value) {
        return withParams(java.util.Collections.singletonMap(name, value));
    }
}
