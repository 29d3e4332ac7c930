package dev.petal.svm;

import dev.petal.api.Estimator;
import dev.petal.api.HasParallelism;
import dev.petal.api.HasParams;
import dev.petal.api.Parallelism;
import dev.petal.check.Check;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * ν-support vector classification, scikit-learn's {@code NuSVC} (version 1.2.1): {@link SVC} with the
 * regularisation given as ν, an upper bound on the fraction of margin errors and a lower bound on the
 * fraction of support vectors, instead of C. Fits with libsvm's ν solver; {@link #fit} returns an
 * immutable {@link NuSVCModel}. {@code classWeight} is accepted as scikit-learn accepts it (libsvm's ν-SVC
 * does not use it); sample weights bound each sample's coefficient.
 *
 * @param nu                    in (0, 1]; must be feasible for every pair of classes ("specified nu is infeasible")
 * @param kernel                the kernel
 * @param degree                polynomial degree, &ge; 0
 * @param gamma                 kernel coefficient for rbf, poly and sigmoid
 * @param coef0                 independent term of poly and sigmoid
 * @param shrinking             whether libsvm's shrinking heuristic is used
 * @param probability           whether Platt scaling is fitted (by internal 5-fold CV) for {@code predictProba}
 * @param tol                   stopping tolerance, &gt; 0
 * @param cacheSize             kernel cache size in MB, &gt; 0
 * @param classWeight           per-class weights, validated as scikit-learn does
 * @param maxIter               iteration limit per pair, -1 for none
 * @param decisionFunctionShape decision function shape for more than two classes
 * @param breakTies             predict by argmax of the 'ovr' decision function instead of votes
 * @param randomState           seed of the probability CV in [0, 2^32-1], or null for a fresh random seed
 * @param parallelism           threads a fit may use (never changes the result)
 * @param timeLimit             how long a fit may run, or null for no limit
 */
public record NuSVC(double nu, Kernel kernel, int degree, Gamma gamma, double coef0, boolean shrinking,
                    boolean probability, double tol, double cacheSize, ClassWeight classWeight, int maxIter,
                    DecisionShape decisionFunctionShape, boolean breakTies, Long randomState, Parallelism parallelism,
                    Duration timeLimit) implements Estimator<NuSVCModel>, HasParams, HasParallelism {

    /** Validates like scikit-learn: nu in (0, 1], then what {@link SVC} checks. */
    public NuSVC {
        Check.inRange("NuSVC", "nu", nu, 0.0, 1.0, false, true);
        Objects.requireNonNull(parallelism, "parallelism");
        toSvc(kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter,
                decisionFunctionShape, breakTies, randomState, parallelism, timeLimit, "NuSVC");
    }

    /** scikit-learn's {@code NuSVC.get_params()} (less {@code verbose}): SVC's names with {@code nu} in place of {@code C}. */
    @Override
    public Map<String, Object> params() {
        return SvcParams.ofNu(this);
    }

    /** scikit-learn's {@code set_params(**params)} on a copy. */
    @Override
    public NuSVC withParams(Map<String, ?> params) {
        return SvcParams.withNu(this, params);
    }

    /** {@code set_params(name=value)} on a copy. */
    @Override
    public NuSVC withParam(String name, Object value) {
        return withParams(java.util.Collections.singletonMap(name, value));
    }

    /** scikit-learn's defaults: nu 0.5, rbf, degree 3, gamma 'scale', coef0 0, shrinking, no probability, tol 1e-3, 200 MB, no class weight, no iteration limit, 'ovr', no tie breaking, no seed. */
    public static NuSVC defaults() {
        return new NuSVC(0.5, Kernel.RBF, 3, Gamma.scale(), 0.0, true, false, 1e-3, 200.0, ClassWeight.none(), -1,
                DecisionShape.OVR, false, null, Parallelism.auto(), null);
    }

    /**
     * The same settings as an {@link SVC} with C=1 (which ν-SVC does not use): a NuSVC model's state holds these,
     * since ν-SVC and C-SVC models are laid out and predict alike.
     */
    public SVC asSvcParams() {
        return asSvc();
    }

    SVC asSvc() {
        return toSvc(kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter,
                decisionFunctionShape, breakTies, randomState, parallelism, timeLimit, "NuSVC");
    }

    private static SVC toSvc(Kernel kernel, int degree, Gamma gamma, double coef0, boolean shrinking, boolean probability,
                             double tol, double cacheSize, ClassWeight classWeight, int maxIter, DecisionShape shape,
                             boolean breakTies, Long randomState, Parallelism parallelism, Duration timeLimit,
                             String owner) {
        try {
            return new SVC(1.0, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter,
                    shape, breakTies, randomState, parallelism, timeLimit);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replace(" of SVC ", " of " + owner + " ")
                    .replace("SVC.", owner + "."), e);
        }
    }

    /** A copy with {@code nu}. */
    public NuSVC withNu(double nu) {
        return new NuSVC(nu, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code kernel}. */
    public NuSVC withKernel(Kernel kernel) {
        return new NuSVC(nu, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code degree}. */
    public NuSVC withDegree(int degree) {
        return new NuSVC(nu, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code gamma}. */
    public NuSVC withGamma(Gamma gamma) {
        return new NuSVC(nu, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code coef0}. */
    public NuSVC withCoef0(double coef0) {
        return new NuSVC(nu, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code shrinking}. */
    public NuSVC withShrinking(boolean shrinking) {
        return new NuSVC(nu, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code probability}. */
    public NuSVC withProbability(boolean probability) {
        return new NuSVC(nu, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code tol}. */
    public NuSVC withTol(double tol) {
        return new NuSVC(nu, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code cacheSize} (MB). */
    public NuSVC withCacheSize(double cacheSize) {
        return new NuSVC(nu, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code classWeight}. */
    public NuSVC withClassWeight(ClassWeight classWeight) {
        return new NuSVC(nu, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code maxIter} (-1 for no limit). */
    public NuSVC withMaxIter(int maxIter) {
        return new NuSVC(nu, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code decisionFunctionShape}. */
    public NuSVC withDecisionFunctionShape(DecisionShape decisionFunctionShape) {
        return new NuSVC(nu, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code breakTies}. */
    public NuSVC withBreakTies(boolean breakTies) {
        return new NuSVC(nu, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code randomState} (null for a fresh random seed). */
    public NuSVC withRandomState(Long randomState) {
        return new NuSVC(nu, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code parallelism}. */
    @Override
    public NuSVC withParallelism(Parallelism parallelism) {
        return new NuSVC(nu, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** A copy with {@code timeLimit} (null: no limit). */
    public NuSVC withTimeLimit(Duration timeLimit) {
        return new NuSVC(nu, kernel, degree, gamma, coef0, shrinking, probability, tol, cacheSize, classWeight, maxIter, decisionFunctionShape, breakTies, randomState, parallelism, timeLimit);
    }

    /** Fits on rows {@code x} with integer labels {@code y}. */
    @Override
    public NuSVCModel fit(Matrix x, int[] y) {
        return new NuSVCModel(this, SvcTrainer.fit(asSvc(), x, y, null, LibSvm.NU_SVC, nu, "NuSVC"));
    }

    /** Fits with per-sample weights (each sample's upper bound, as scikit-learn's {@code sample_weight}). */
    public NuSVCModel fit(Matrix x, int[] y, double[] sampleWeight) {
        return new NuSVCModel(this, SvcTrainer.fit(asSvc(), x, y, Objects.requireNonNull(sampleWeight, "sampleWeight"),
                LibSvm.NU_SVC, nu, "NuSVC"));
    }

    /** Fits on dense or CSR rows; CSR goes through libsvm's sparse path, as scikit-learn's fit on a sparse matrix. */
    public NuSVCModel fit(RowSource x, int[] y) {
        return new NuSVCModel(this, SvcTrainer.fit(asSvc(), x, y, null, LibSvm.NU_SVC, nu, "NuSVC"));
    }

    /** {@link #fit(RowSource, int[])} with per-sample weights. */
    public NuSVCModel fit(RowSource x, int[] y, double[] sampleWeight) {
        return new NuSVCModel(this, SvcTrainer.fit(asSvc(), x, y, Objects.requireNonNull(sampleWeight, "sampleWeight"),
                LibSvm.NU_SVC, nu, "NuSVC"));
    }
}
