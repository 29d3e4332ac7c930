package dev.petal.svm;

import dev.petal.api.HasParallelism;
import dev.petal.api.HasParams;
import dev.petal.api.Parallelism;
import dev.petal.check.Check;
import dev.petal.check.PyRepr;
import dev.petal.linalg.RowSource;
import java.time.Duration;
import java.util.Objects;

/**
 * Unsupervised outlier detection, scikit-learn's {@code OneClassSVM} (version 1.2.1): estimates the support of the training distribution; ν bounds the fraction of training errors and of support vectors. Fits with libsvm's one-class formulation; {@link #fit} returns an immutable {@link OneClassSVMModel}.
 *
 * @param kernel      the kernel
 * @param degree      polynomial degree, &ge; 0
 * @param gamma       kernel coefficient for rbf, poly and sigmoid
 * @param coef0       independent term of poly and sigmoid
 * @param tol         stopping tolerance, &gt; 0
 * @param nu          in (0, 1]
 * @param shrinking   whether libsvm's shrinking heuristic is used
 * @param cacheSize   kernel cache size in MB, &gt; 0
 * @param maxIter     iteration limit, -1 for none
 * @param parallelism threads a fit may use (never changes the result)
 * @param timeLimit   how long a fit may run, or null for no limit
 */
public record OneClassSVM(Kernel kernel, int degree, Gamma gamma, double coef0, double tol, double nu, boolean shrinking, double cacheSize, int maxIter, Parallelism parallelism, Duration timeLimit)
        implements HasParams, HasParallelism {

    /** Validates every parameter with scikit-learn's messages. */
    public OneClassSVM {
        Check.inRange("OneClassSVM", "nu", nu, 0.0, 1.0, false, true);
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(gamma, "gamma");
        Check.atLeast("OneClassSVM", "degree", degree, 0);
        Check.positive("OneClassSVM", "tol", tol);
        if (!(cacheSize > 0.0) || Double.isInfinite(cacheSize)) {
            throw new IllegalArgumentException("The 'cacheSize' parameter of OneClassSVM must be a float in the range (0, inf). Got "
                    + PyRepr.of(cacheSize) + " instead.");
        }
        if (!Double.isFinite(coef0)) {
            throw new IllegalArgumentException("The 'coef0' parameter of OneClassSVM must be a float in the range (-inf, inf). Got "
                    + PyRepr.of(coef0) + " instead.");
        }
        Check.atLeast("OneClassSVM", "maxIter", maxIter, -1);
        Objects.requireNonNull(parallelism, "parallelism");
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("OneClassSVM.timeLimit must be positive (or null for no limit); got " + timeLimit + ".");
        }
    }

    /** scikit-learn's defaults: kernel rbf, degree 3, gamma 'scale', coef0 0, tol 1e-3, nu 0.5, shrinking, 200 MB, no iteration limit. */
    public static OneClassSVM defaults() {
        return new OneClassSVM(Kernel.RBF, 3, Gamma.scale(), 0.0, 1e-3, 0.5, true, 200.0, -1, Parallelism.auto(), null);
    }

    /** A copy with {@code kernel}. */
    public OneClassSVM withKernel(Kernel kernel) {
        return new OneClassSVM(kernel, degree, gamma, coef0, tol, nu, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code degree}. */
    public OneClassSVM withDegree(int degree) {
        return new OneClassSVM(kernel, degree, gamma, coef0, tol, nu, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code gamma}. */
    public OneClassSVM withGamma(Gamma gamma) {
        return new OneClassSVM(kernel, degree, gamma, coef0, tol, nu, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code coef0}. */
    public OneClassSVM withCoef0(double coef0) {
        return new OneClassSVM(kernel, degree, gamma, coef0, tol, nu, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code tol}. */
    public OneClassSVM withTol(double tol) {
        return new OneClassSVM(kernel, degree, gamma, coef0, tol, nu, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code nu}. */
    public OneClassSVM withNu(double nu) {
        return new OneClassSVM(kernel, degree, gamma, coef0, tol, nu, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code shrinking}. */
    public OneClassSVM withShrinking(boolean shrinking) {
        return new OneClassSVM(kernel, degree, gamma, coef0, tol, nu, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code cacheSize} (MB). */
    public OneClassSVM withCacheSize(double cacheSize) {
        return new OneClassSVM(kernel, degree, gamma, coef0, tol, nu, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code maxIter} (-1 for no limit). */
    public OneClassSVM withMaxIter(int maxIter) {
        return new OneClassSVM(kernel, degree, gamma, coef0, tol, nu, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code parallelism}. */
    @Override
    public OneClassSVM withParallelism(Parallelism parallelism) {
        return new OneClassSVM(kernel, degree, gamma, coef0, tol, nu, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with {@code timeLimit} (null: no limit). */
    public OneClassSVM withTimeLimit(Duration timeLimit) {
        return new OneClassSVM(kernel, degree, gamma, coef0, tol, nu, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** A copy with a fixed {@code gamma}. */
    public OneClassSVM withGamma(double gamma) {
        return withGamma(Gamma.of(gamma));
    }

    SingleOutput.Settings settings() {
        return new SingleOutput.Settings("OneClassSVM", LibSvm.ONE_CLASS, kernel, degree, gamma, coef0, 0.0, nu, 0.0, tol, shrinking, cacheSize, maxIter, parallelism, timeLimit);
    }

    /** Fits on rows {@code x} (dense, or CSR through libsvm's sparse path; for a precomputed kernel: the dense n x n kernel matrix); scikit-learn's {@code fit(X)}. */
    public OneClassSVMModel fit(RowSource x) {
        return fit(x, null);
    }

    /** Fits with per-sample weights ({@code sample_weight}; null for none). */
    public OneClassSVMModel fit(RowSource x, double[] sampleWeight) {
        double[] ones = new double[x.rows()];
        java.util.Arrays.fill(ones, 1.0);
        return new OneClassSVMModel(this, SingleOutput.fit(settings(), x, ones, sampleWeight));
    }

    /** scikit-learn's {@code OneClassSVM.get_params()} (less {@code verbose}): every parameter by its scikit-learn name, sorted. */
    @Override
    public java.util.Map<String, Object> params() {
        return SvrParams.of(this);
    }

    /** scikit-learn's {@code set_params(**params)} on a copy. */
    @Override
    public OneClassSVM withParams(java.util.Map<String, ?> params) {
        return SvrParams.with(this, params);
    }

    /** {@code set_params(name=value)} on a copy. */
    @Override
    public OneClassSVM withParam(String name, Object value) {
        return withParams(java.util.Collections.singletonMap(name, value));
    }
}
