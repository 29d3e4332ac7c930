package dev.petal.linear;

import dev.petal.api.Estimator;
import dev.petal.api.HasParams;
import dev.petal.api.Provenance;
import dev.petal.check.Check;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import dev.petal.linear.liblinear.Liblinear;
import dev.petal.linear.liblinear.SolverType;
import dev.petal.svm.ClassWeight;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * scikit-learn 1.2.1's {@code LinearSVC}: a linear support vector classifier fitted by liblinear, with
 * scikit-learn's parameter names and defaults ({@link #defaults()}: penalty 'l2', loss 'squared_hinge',
 * dual, tol 1e-4, C 1, multi_class 'ovr', an intercept with scaling 1, no class weights, max_iter 1000).
 * {@code randomState} seeds liblinear's coordinate order as scikit-learn does; null is {@code None}
 * (a fresh seed, so not repeatable, as in scikit-learn).
 *
 * @param penalty          'l1' or 'l2'
 * @param loss             'hinge' or 'squared_hinge'
 * @param dual             solve the dual problem
 * @param tol              stopping tolerance
 * @param C                inverse regularization strength
 * @param multiClass       'ovr' or 'crammer_singer'
 * @param fitIntercept     fit an intercept (as a constant feature of value {@code interceptScaling})
 * @param interceptScaling the value of that feature
 * @param classWeight      per-class multipliers of C
 * @param randomState      seed of the coordinate order, or null
 * @param maxIter          iteration limit per solver
 */
public record LinearSVC(String penalty, String loss, boolean dual, double tol, double C, String multiClass,
                        boolean fitIntercept, double interceptScaling, ClassWeight classWeight, Long randomState,
                        int maxIter) implements Estimator<LinearSVCModel>, HasParams {
    private static final String OWNER = "LinearSVC";

    /** Validates every parameter with scikit-learn's messages. */
    public LinearSVC {
        Check.oneOf(OWNER, "penalty", penalty, List.of("l1", "l2"));
        Check.oneOf(OWNER, "loss", loss, List.of("hinge", "squared_hinge"));
        Check.positive(OWNER, "tol", tol);
        Check.positive(OWNER, "C", C);
        Check.oneOf(OWNER, "multi_class", multiClass, List.of("crammer_singer", "ovr"));
        Solvers.interceptScaling(OWNER, interceptScaling);
        Objects.requireNonNull(classWeight, "classWeight");
        Check.atLeast(OWNER, "max_iter", maxIter, 0);
        if (randomState != null && (randomState < 0 || randomState > 0xFFFFFFFFL)) {
            throw new IllegalArgumentException("Seed must be between 0 and 2**32 - 1");
        }
    }

    /** scikit-learn's defaults. */
    public static LinearSVC defaults() {
        return new LinearSVC("l2", "squared_hinge", true, 1e-4, 1.0, "ovr", true, 1.0, ClassWeight.none(), null, 1000);
    }

    /** A copy with {@code penalty}. */
    public LinearSVC withPenalty(String v) {
        return new LinearSVC(v, loss, dual, tol, C, multiClass, fitIntercept, interceptScaling, classWeight, randomState, maxIter);
    }

    /** A copy with {@code loss}. */
    public LinearSVC withLoss(String v) {
        return new LinearSVC(penalty, v, dual, tol, C, multiClass, fitIntercept, interceptScaling, classWeight, randomState, maxIter);
    }

    /** A copy with {@code dual}. */
    public LinearSVC withDual(boolean v) {
        return new LinearSVC(penalty, loss, v, tol, C, multiClass, fitIntercept, interceptScaling, classWeight, randomState, maxIter);
    }

    /** A copy with {@code tol}. */
    public LinearSVC withTol(double v) {
        return new LinearSVC(penalty, loss, dual, v, C, multiClass, fitIntercept, interceptScaling, classWeight, randomState, maxIter);
    }

    /** A copy with {@code C}. */
    public LinearSVC withC(double v) {
        return new LinearSVC(penalty, loss, dual, tol, v, multiClass, fitIntercept, interceptScaling, classWeight, randomState, maxIter);
    }

    /** A copy with {@code multi_class}. */
    public LinearSVC withMultiClass(String v) {
        return new LinearSVC(penalty, loss, dual, tol, C, v, fitIntercept, interceptScaling, classWeight, randomState, maxIter);
    }

    /** A copy with {@code fit_intercept}. */
    public LinearSVC withFitIntercept(boolean v) {
        return new LinearSVC(penalty, loss, dual, tol, C, multiClass, v, interceptScaling, classWeight, randomState, maxIter);
    }

    /** A copy with {@code intercept_scaling}. */
    public LinearSVC withInterceptScaling(double v) {
        return new LinearSVC(penalty, loss, dual, tol, C, multiClass, fitIntercept, v, classWeight, randomState, maxIter);
    }

    /** A copy with {@code class_weight}. */
    public LinearSVC withClassWeight(ClassWeight v) {
        return new LinearSVC(penalty, loss, dual, tol, C, multiClass, fitIntercept, interceptScaling, v, randomState, maxIter);
    }

    /** A copy with {@code random_state} (null for None). */
    public LinearSVC withRandomState(Long v) {
        return new LinearSVC(penalty, loss, dual, tol, C, multiClass, fitIntercept, interceptScaling, classWeight, v, maxIter);
    }

    /** A copy with {@code max_iter}. */
    public LinearSVC withMaxIter(int v) {
        return new LinearSVC(penalty, loss, dual, tol, C, multiClass, fitIntercept, interceptScaling, classWeight, randomState, v);
    }

    /** The liblinear solver these settings select, or scikit-learn's "Unsupported set of arguments" error. */
    SolverType solverType() {
        return Solvers.of(multiClass.equals("crammer_singer"), penalty, loss, dual);
    }

    @Override
    public LinearSVCModel fit(Matrix x, int[] y) {
        return fit(x, y, null);
    }

    /** {@link #fit(RowSource, int[], double[])} on dense or CSR rows without sample weights. */
    @Override
    public LinearSVCModel fit(RowSource x, int[] y) {
        return fit(x, y, null);
    }

    /** Fits on dense or CSR rows with integer labels; {@code sampleWeight} may be null (all 1). */
    public LinearSVCModel fit(RowSource x, int[] y, double[] sampleWeight) {
        double[] sw = Solvers.check(OWNER, x, y.length, sampleWeight);
        int[] classes = Arrays.stream(y).distinct().sorted().toArray();
        if (classes.length < 2) {
            throw new IllegalArgumentException("This solver needs samples of at least 2 classes in the data, but the data "
                    + "contains only one class: " + (classes.length == 0 ? "None" : classes[0]));
        }
        int[] yInd = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            yInd[i] = Arrays.binarySearch(classes, y[i]);
        }
        double[] cw = ClassWeights.compute(classWeight, classes, yInd);
        SolverType type = solverType();
        double bias = fitIntercept ? interceptScaling : -1.0;
        Liblinear.Result r = Liblinear.trainClassifier(x, yInd, sw, type, tol, C, bias, cw, maxIter, Solvers.seed(randomState));
        int d = x.cols();
        int rowsOut = r.w().length;
        double[][] coef = new double[rowsOut][d];
        double[] intercept = new double[rowsOut];
        for (int k = 0; k < rowsOut; k++) {
            System.arraycopy(r.w()[k], 0, coef[k], 0, d);
            intercept[k] = fitIntercept ? interceptScaling * r.w()[k][d] : 0.0;
        }
        int nIterMax = Arrays.stream(r.nIter()).max().orElse(0);
        boolean converged = nIterMax < maxIter;
        if (type == SolverType.MCSVM_CS && classes.length == 2) {
            double[] diff = new double[d];
            for (int j = 0; j < d; j++) {
                diff[j] = coef[1][j] - coef[0][j];
            }
            coef = new double[][] {diff};
            intercept = new double[] {fitIntercept ? intercept[1] - intercept[0] : 0.0};
        }
        return new LinearSVCModel(this, classes, d, coef, intercept, nIterMax, converged, Provenance.of(x, y));
    }

    /** scikit-learn's {@code get_params()}: every parameter by its scikit-learn name, as plain data. */
    @Override
    public java.util.Map<String, Object> params() {
        return LinearParams.of(this);
    }

    /** scikit-learn's {@code set_params(**params)}: a copy with the named parameters set. */
    @Override
    public LinearSVC withParams(java.util.Map<String, ?> params) {
        return LinearParams.with(this, params);
    }
}
