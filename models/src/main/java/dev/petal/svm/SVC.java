package dev.petal.svm;

import dev.petal.api.Estimator;
import dev.petal.api.HasParallelism;
import dev.petal.api.HasParams;
import dev.petal.api.Parallelism;
import dev.petal.check.Check;
import dev.petal.check.PyRepr;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * C-support vector classification, scikit-learn's {@code SVC} (version 1.2.1): the configuration,
 * validated on construction with scikit-learn's messages. {@link #fit} returns an immutable
 * {@link SVCModel} and never mutates this record.
 *
 * <p>{@code randomState} seeds the 5-fold cross-validation behind {@code probability=true} exactly as
 * scikit-learn seeds it ({@code RandomState(randomState).randint(2**31 - 1)} fed to libsvm's
 * mt19937). {@code null} draws that seed from {@link java.security.SecureRandom}, so such fits are
 * not reproducible (scikit-learn draws from numpy's global generator instead).
 *
 * @param C                     regularisation, &gt; 0 (scikit-learn's {@code C})
 * @param kernel                the kernel
 * @param degree                polynomial degree, &ge; 0
 * @param gamma                 kernel coefficient for rbf, poly and sigmoid
 * @param coef0                 independent term of poly and sigmoid
 * @param shrinking             whether libsvm's shrinking heuristic is used
 * @param probability           whether Platt scaling is fitted (by internal 5-fold CV) for {@code predictProba}
 * @param tol                   stopping tolerance, &gt; 0
 * @param cacheSize             kernel cache size in MB, &gt; 0
 * @param classWeight           per-class multipliers of C
 * @param maxIter               iteration limit per pair, -1 for none
 * @param decisionFunctionShape decision function shape for more than two classes
 * @param breakTies             predict by argmax of the 'ovr' decision function instead of votes
 * @param randomState           seed of the probability CV in [0, 2^32-1], or null for a fresh random seed
 * @param parallelism           threads a fit may use (not a scikit-learn parameter; never changes the result)
 * @param timeLimit             how long a fit may run before it stops with a CancellationException, or null for no limit
 */
public record SVC(double C, Kernel kernel, int degree, Gamma gamma, double coef0, boolean shrinking,
                  boolean probability, double tol, double cacheSize, ClassWeight classWeight, int maxIter,
                  DecisionShape decisionFunctionShape, boolean breakTies, Long randomState, Parallelism parallelism,
                  Duration timeLimit)
        implements Estimator<SVCModel>, HasParams, HasParallelism {

    /**
     * Validates every parameter, in scikit-learn's (alphabetical) order, with its messages worded for Java: the
     * record component's name ({@code cacheSize}, {@code maxIter}, {@code randomState}), the allowed range, the value.
     */
    public SVC {
        Check.positive("SVC", "C", C);
        if (!(cacheSize > 0.0) || Double.isInfinite(cacheSize)) {
            throw new IllegalArgumentException("The 'cacheSize' parameter of SVC must be a float in the range (0, inf). Got "
                    + PyRepr.of(cacheSize) + " instead.");
        }
        Objects.requireNonNull(classWeight, "classWeight");
        if (!Double.isFinite(coef0)) {
            throw new IllegalArgumentException("The 'coef0' parameter of SVC must be a float in the range (-inf, inf). Got "
                    + PyRepr.of(coef0) + " instead.");
        }
        Objects.requireNonNull(decisionFunctionShape, "decisionFunctionShape");
        Check.atLeast("SVC", "degree", degree, 0);
        Objects.requireNonNull(gamma, "gamma");
        Objects.requireNonNull(kernel, "kernel");
        Check.atLeast("SVC", "maxIter", maxIter, -1);
        if (randomState != null && (randomState < 0 || randomState > 0xFFFFFFFFL)) {
            throw new IllegalArgumentException("The 'randomState' parameter of SVC must be an int in the range "
                    + "[0, 4294967295] or null. Got " + randomState + " instead.");
        }
        Check.positive("SVC", "tol", tol);
        if (breakTies && decisionFunctionShape == DecisionShape.OVO) {
            throw new IllegalArgumentException("SVC.breakTies must be false when decisionFunctionShape is OVO"
                    + " (scikit-learn: break_ties must be False when decision_function_shape is 'ovo').");
        }
        Objects.requireNonNull(parallelism, "parallelism");
        if (timeLimit != null && (timeLimit.isNegative() || timeLimit.isZero())) {
            throw new IllegalArgumentException("SVC.timeLimit must be positive (or null for no limit); got " + timeLimit + ".");
        }
    }

    /** The scikit-learn parameters alone; threads from {@link Parallelism#auto()}, no time limit. */
    public SVC(double C, Kernel kernel, int degree, Gamma gamma, double coef0, boolean shrinking, boolean probability,
               double tol, double cacheSize, ClassWeight classWeight, int maxIter, DecisionShape decisionFunctionShape,
               boolean breakTies, Long randomState) {
        this(C, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter,
                decisionFunctionShape, breakTies, randomState, Parallelism.auto(), null);
    }

    /** scikit-learn's defaults: C=1, rbf, degree 3, gamma 'scale', coef0 0, shrinking, no probability, tol 1e-3, 200 MB, no class weight, no iteration limit, 'ovr', no tie breaking, no seed. */
    public static SVC defaults() {
        return new SVC(1.0, Kernel.RBF, 3, Gamma.scale(), 0.0, true, false, 1e-3, 200.0, ClassWeight.none(), -1,
                DecisionShape.OVR, false, null);
    }

    /** A copy with {@code C}. */
    public SVC withC(double C) {
        return new SVC(C, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter,
                decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code kernel}. */
    public SVC withKernel(Kernel kernel) {
        return new SVC(C, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter,
                decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code degree}. */
    public SVC withDegree(int degree) {
        return new SVC(C, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter,
                decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code gamma}. */
    public SVC withGamma(Gamma gamma) {
        return new SVC(C, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter,
                decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with a fixed {@code gamma}. */
    public SVC withGamma(double gamma) {
        return withGamma(Gamma.of(gamma));
    }

    /** A copy with {@code coef0}. */
    public SVC withCoef0(double coef0) {
        return new SVC(C, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter,
                decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code shrinking}. */
    public SVC withShrinking(boolean shrinking) {
        return new SVC(C, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter,
                decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code probability}. */
    public SVC withProbability(boolean probability) {
        return new SVC(C, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter,
                decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code tol}. */
    public SVC withTol(double tol) {
        return new SVC(C, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter,
                decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code cacheSize} (MB). */
    public SVC withCacheSize(double cacheSize) {
        return new SVC(C, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter,
                decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code classWeight}. */
    public SVC withClassWeight(ClassWeight classWeight) {
        return new SVC(C, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter,
                decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code maxIter} (-1 for no limit). */
    public SVC withMaxIter(int maxIter) {
        return new SVC(C, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter,
                decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code decisionFunctionShape}. */
    public SVC withDecisionFunctionShape(DecisionShape decisionFunctionShape) {
        return new SVC(C, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter,
                decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code breakTies}. */
    public SVC withBreakTies(boolean breakTies) {
        return new SVC(C, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter,
                decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code randomState} (null for a fresh random seed). */
    public SVC withRandomState(Long randomState) {
        return new SVC(C, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter,
                decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy whose fits use {@code parallelism} (predictions of its models too, unless they override it). */
    @Override
    public SVC withParallelism(Parallelism parallelism) {
        return new SVC(C, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter,
                decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy whose fits stop with a {@link java.util.concurrent.CancellationException} after {@code timeLimit} (null: no limit). */
    public SVC withTimeLimit(Duration timeLimit) {
        return new SVC(C, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter,
                decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** scikit-learn's {@code get_params()}: every parameter by its scikit-learn name, as plain data. */
    @Override
    public Map<String, Object> params() {
        return SvcParams.of(this);
    }

    /** scikit-learn's {@code set_params(**params)} on a copy: {@code C}, {@code kernel}, {@code gamma}, ... */
    @Override
    public SVC withParams(Map<String, ?> params) {
        return SvcParams.with(this, params);
    }

    /** {@code set_params(name=value)} on a copy. */
    @Override
    public SVC withParam(String name, Object value) {
        return withParams(java.util.Collections.singletonMap(name, value));
    }

    /** Fits on rows {@code x} (for a precomputed kernel: the n x n kernel matrix) with integer labels {@code y}. */
    @Override
    public SVCModel fit(Matrix x, int[] y) {
        return SvcTrainer.fit(this, x, y, null);
    }

    /** Fits with per-sample weights that rescale C per sample (scikit-learn's {@code sample_weight}). */
    public SVCModel fit(Matrix x, int[] y, double[] sampleWeight) {
        return SvcTrainer.fit(this, x, y, Objects.requireNonNull(sampleWeight, "sampleWeight"));
    }

    /** Fits on dense or CSR rows; CSR goes through libsvm's sparse path, as scikit-learn's fit on a sparse matrix. */
    public SVCModel fit(RowSource x, int[] y) {
        return SvcTrainer.fit(this, x, y, null);
    }

    /** {@link #fit(RowSource, int[])} with per-sample weights. */
    public SVCModel fit(RowSource x, int[] y, double[] sampleWeight) {
        return SvcTrainer.fit(this, x, y, Objects.requireNonNull(sampleWeight, "sampleWeight"));
    }
}
