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
 * ν-support vector regression, scikit-learn's {@code NuSVR} (version 1.2.1): ν bounds the fraction of support vectors and of errors, and the tube width ε is found by the fit. Fits with libsvm's ν-SVR formulation; {@link #fit} returns an immutable {@link NuSVRModel}.
 *
 * @param nu          in (0, 1]
 * @param C           regularisation, &gt; 0
 * @param kernel      the kernel
 * @param degree      polynomial degree, &ge; 0
 * @param gamma       kernel coefficient for rbf, poly and sigmoid
 * @param coef0       independent term of poly and sigmoid
 * @param shrinking   whether libsvm's shrinking heuristic is used
 * @param tol         stopping tolerance, &gt; 0
 * @param cacheSize   kernel cache size in MB, &gt; 0
 * @param maxIter     iteration limit, -1 for none
 * @param parallelism threads a fit may use (never changes the result)
 * @param timeLimit   how long a fit may run, or null for no limit
 */
public record NuSVR(double nu, double C, Kernel kernel, int degree, Gamma gamma, double coef0, boolean shrinking, double tol, double cacheSize, int maxIter, Parallelism parallelism, Duration timeLimit)
        implements RegressorEstimator<NuSVRModel>, HasParams, HasParallelism {

    /** Validates every parameter with scikit-learn's messages. */
    public NuSVR {
        Check.positive("NuSVR", "C", C);
        Check.inRange("NuSVR", "nu", nu, 0.0, 1.0, false, true);
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(gamma, "gamma");
        Check.atLeast("NuSVR", "degree", degree, 0);
        Check.positive("NuSVR", "tol", tol);
        if (!(cacheSize > 0.0) || Double.isInfinite(cacheSize)) {
            throw new IllegalArgumentException("The 'cacheSize' parameter of NuSVR must be a float in the range (0, inf). Got "
                    + PyRepr.of(cacheSize) + " instead.");
        }
        if (!Double.isFinite(coef0)) {
            throw new IllegalArgumentException("The 'coef0' parameter of NuSVR must be a float in the range (-inf, inf). Got "
                    + PyRepr.of(coef0) + " instead.");
        }
        Check.atLeast("NuSVR", "maxIter", maxIter, -1);
        Objects.requireNonNull(parallelism, "parallelism");
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("NuSVR.timeLimit must be positive (or null for no limit); got " + timeLimit + ".");
        }
    }

    /** scikit-learn's defaults: nu 0.5, C 1, kernel rbf, degree 3, gamma 'scale', coef0 0, shrinking, tol 1e-3, 200 MB, no iteration limit. */
    public static NuSVR defaults() {
        return new NuSVR(0.5, 1.0, Kernel.RBF, 3, Gamma.scale(), 0.0, true, 1e-3, 200.0, -1, Parallelism.auto(), null);
    }

    /** A copy with {@code nu}. */
    public NuSVR withNu(double nu) {
        return new NuSVR(nu, C, kernel, degree, gamma, coef0, shrinking, tol, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code C}. */
    public NuSVR withC(double C) {
        return new NuSVR(nu, C, kernel, degree, gamma, coef0, shrinking, tol, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code kernel}. */
    public NuSVR withKernel(Kernel kernel) {
        return new NuSVR(nu, C, kernel, degree, gamma, coef0, shrinking, tol, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code degree}. */
    public NuSVR withDegree(int degree) {
        return new NuSVR(nu, C, kernel, degree, gamma, coef0, shrinking, tol, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code gamma}. */
    public NuSVR withGamma(Gamma gamma) {
        return new NuSVR(nu, C, kernel, degree, gamma, coef0, shrinking, tol, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code coef0}. */
    public NuSVR withCoef0(double coef0) {
        return new NuSVR(nu, C, kernel, degree, gamma, coef0, shrinking, tol, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code shrinking}. */
    public NuSVR withShrinking(boolean shrinking) {
        return new NuSVR(nu, C, kernel, degree, gamma, coef0, shrinking, tol, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code tol}. */
    public NuSVR withTol(double tol) {
        return new NuSVR(nu, C, kernel, degree, gamma, coef0, shrinking, tol, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code cacheSize} (MB). */
    public NuSVR withCacheSize(double cacheSize) {
        return new NuSVR(nu, C, kernel, degree, gamma, coef0, shrinking, tol, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code maxIter} (-1 for no limit). */
    public NuSVR withMaxIter(int maxIter) {
        return new NuSVR(nu, C, kernel, degree, gamma, coef0, shrinking, tol, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code parallelism}. */
    @Override
    public NuSVR withParallelism(Parallelism parallelism) {
        return new NuSVR(nu, C, kernel, degree, gamma, coef0, shrinking, tol, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code timeLimit} (null: no limit). */
    public NuSVR withTimeLimit(Duration timeLimit) {
        return new NuSVR(nu, C, kernel, degree, gamma, coef0, shrinking, tol, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with a fixed {@code gamma}. */
    public NuSVR withGamma(double gamma) {
        return withGamma(Gamma.of(gamma));
    }

    SingleOutput.Settings settings() {
        return new SingleOutput.Settings("NuSVR", LibSvm.NU_SVR, kernel, degree, gamma, coef0, C, nu, 0.0, tol, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** Fits on rows {@code x} (for a precomputed kernel: the n x n kernel matrix) with real targets {@code y}. */
    @Override
    public NuSVRModel fit(Matrix x, double[] y) {
        return fit(x, y, null);
    }

    /** Fits on dense or CSR rows (CSR through libsvm's sparse path, as scikit-learn's fit on a sparse matrix). */
    public NuSVRModel fit(RowSource x, double[] y) {
        return fit(x, y, null);
    }

    /** Fits with per-sample weights that rescale C per sample ({@code sample_weight}; null for none). */
    public NuSVRModel fit(RowSource x, double[] y, double[] sampleWeight) {
        return new NuSVRModel(this, SingleOutput.fit(settings(), x, Objects.requireNonNull(y, "y"), sampleWeight));
    }

    /** scikit-learn's {@code NuSVR.get_params()} (less {@code verbose}): every parameter by its scikit-learn name, sorted. */
    @Override
    public java.util.Map<String, Object> params() {
        return SvrParams.of(this);
    }

    /** scikit-learn's {@code set_params(**params)} on a copy. */
    @Override
    public NuSVR withParams(java.util.Map<String, ?> params) {
        return SvrParams.with(this, params);
    }

    /** {@code set_params(name=value)} on a copy. */
    @Override
    public NuSVR withParam(String name, Object value) {
        return withParams(java.util.Collections.singletonMap(name, value));
    }
}
