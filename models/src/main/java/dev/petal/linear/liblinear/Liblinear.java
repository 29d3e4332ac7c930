package dev.petal.linear.liblinear;

import dev.petal.linalg.RowSource;
import java.util.Arrays;

/**
 * liblinear's {@code train} as scikit-learn 1.2.1 bundles and calls it: samples of weight 0 are
 * dropped, classes are grouped in sorted label order, two classes give one weight vector (the second
 * class positive, {@code C_+ = C w_1}, {@code C_- = C w_0}), more give one per class trained one against
 * the rest ({@code C_+ = C w_k}, {@code C_- = C}), or one joint Crammer-Singer problem. One random
 * stream ({@link NewRand}, seeded once per call) orders every coordinate descent.
 */
public final class Liblinear {
    /** Crammer-Singer's iteration limit: scikit-learn's liblinear leaves it at the solver's default. */
    static final int MCSVM_MAX_ITER = 100000;

    private Liblinear() {
    }

    /**
     * The fitted weights: {@code w[k]} holds the weights of vector {@code k} over the {@code n} problem
     * features (the bias feature last when fitted with one); {@code nIter} has one count per vector (one for
     * binary, regression and Crammer-Singer).
     */
    public record Result(double[][] w, int[] nIter) {
    }

    /**
     * Trains the classification solver {@code type} on rows {@code x} with class indices {@code y}
     * (0 .. classWeight.length - 1), per-sample weights, tolerance {@code eps}, penalty {@code c}, bias
     * feature value {@code bias} (none when {@code <= 0}), per-class weights, iteration limit and seed.
     */
    public static Result trainClassifier(RowSource x, int[] y, double[] sampleWeight, SolverType type, double eps,
                                         double c, double bias, double[] classWeight, int maxIter, long seed) {
        NewRand rand = new NewRand(seed);
        int[] kept = keptRows(sampleWeight);
        int l = kept.length;
        int[] label = Arrays.stream(kept).map(i -> y[i]).distinct().sorted().toArray();
        int nrClass = label.length;
        int[] count = new int[nrClass];
        int[] cls = new int[l];
        for (int t = 0; t < l; t++) {
            cls[t] = Arrays.binarySearch(label, y[kept[t]]);
            count[cls[t]]++;
        }
        int[] startOf = new int[nrClass];
        for (int k = 1; k < nrClass; k++) {
            startOf[k] = startOf[k - 1] + count[k - 1];
        }
        int[] perm = new int[l];
        int[] fill = startOf.clone();
        for (int t = 0; t < l; t++) {
            perm[fill[cls[t]]++] = kept[t];
        }
        double[] weightedC = new double[nrClass];
        Arrays.fill(weightedC, c);
        for (int i = 0; i < classWeight.length; i++) {
            int j = Arrays.binarySearch(label, i);
            if (j >= 0) {
                weightedC[j] *= classWeight[i];
            }
        }
        Problem prob = Problem.of(x, perm, bias);
        double[] w = new double[l];
        for (int t = 0; t < l; t++) {
            w[t] = sampleWeight[perm[t]];
        }
        int n = prob.n;
        if (type == SolverType.MCSVM_CS) {
            int[] sy = new int[l];
            for (int k = 0; k < nrClass; k++) {
                Arrays.fill(sy, startOf[k], startOf[k] + count[k], k);
            }
            double[] flat = new double[n * nrClass];
            int it = new CrammerSinger(prob, sy, w, nrClass, weightedC, eps, MCSVM_MAX_ITER).solve(flat, rand);
            double[][] out = new double[nrClass][n];
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < nrClass; k++) {
                    out[k][j] = flat[j * nrClass + k];
                }
            }
            return new Result(out, new int[] {it});
        }
        double[] sy = new double[l];
        if (nrClass == 2) {
            int e0 = startOf[0] + count[0];
            Arrays.fill(sy, 0, e0, -1);
            Arrays.fill(sy, e0, l, +1);
            double[] wv = new double[n];
            int it = trainOne(prob, sy, w, type, eps, weightedC[1], weightedC[0], 0, maxIter, rand, wv);
            return new Result(new double[][] {wv}, new int[] {it});
        }
        double[][] out = new double[nrClass][];
        int[] iters = new int[nrClass];
        for (int k = 0; k < nrClass; k++) {
            int si = startOf[k];
            int ei = si + count[k];
            Arrays.fill(sy, -1);
            Arrays.fill(sy, si, ei, +1);
            out[k] = new double[n];
            iters[k] = trainOne(prob, sy, w, type, eps, weightedC[k], c, 0, maxIter, rand, out[k]);
        }
        return new Result(out, iters);
    }

    /** Trains the regression solver {@code type} on targets {@code y} with tube half-width {@code p}. */
    public static Result trainRegressor(RowSource x, double[] y, double[] sampleWeight, SolverType type, double eps,
                                        double c, double bias, double p, int maxIter, long seed) {
        NewRand rand = new NewRand(seed);
        int[] kept = keptRows(sampleWeight);
        Problem prob = Problem.of(x, kept, bias);
        double[] sy = new double[kept.length];
        double[] w = new double[kept.length];
        for (int t = 0; t < kept.length; t++) {
            sy[t] = y[kept[t]];
            w[t] = sampleWeight[kept[t]];
        }
        double[] wv = new double[prob.n];
        int it = trainOne(prob, sy, w, type, eps, c, c, p, maxIter, rand, wv);
        return new Result(new double[][] {wv}, new int[] {it});
    }

    /** liblinear's {@code remove_zero_weight}: the rows whose weight is positive. */
    private static int[] keptRows(double[] sampleWeight) {
        int n = 0;
        for (double v : sampleWeight) {
            if (v > 0) {
                n++;
            }
        }
        int[] kept = new int[n];
        int k = 0;
        for (int i = 0; i < sampleWeight.length; i++) {
            if (sampleWeight[i] > 0) {
                kept[k++] = i;
            }
        }
        return kept;
    }

    private static int trainOne(Problem prob, double[] y, double[] weight, SolverType type, double eps, double cp,
                                double cn, double p, int maxIter, NewRand rand, double[] w) {
        int pos = 0;
        for (double v : y) {
            if (v > 0) {
                pos++;
            }
        }
        int neg = prob.l - pos;
        double primalTol = eps * Math.max(Math.min(pos, neg), 1) / prob.l;
        switch (type) {
            case L2R_L2LOSS_SVC: {
                double[] c = new double[prob.l];
                for (int i = 0; i < prob.l; i++) {
                    c[i] = y[i] > 0 ? weight[i] * cp : weight[i] * cn;
                }
                return Tron.minimize(new L2LossFunction(prob, y, c, false, 0), primalTol, maxIter, w);
            }
            case L2R_L2LOSS_SVC_DUAL:
                return SvcDual.solve(prob, y, weight, w, eps, cp, cn, false, maxIter, rand);
            case L2R_L1LOSS_SVC_DUAL:
                return SvcDual.solve(prob, y, weight, w, eps, cp, cn, true, maxIter, rand);
            case L1R_L2LOSS_SVC:
                return L1rSvc.solve(prob, y, weight, w, primalTol, cp, cn, maxIter, rand);
            case L2R_L2LOSS_SVR: {
                double[] c = new double[prob.l];
                for (int i = 0; i < prob.l; i++) {
                    c[i] = weight[i] * cp;
                }
                return Tron.minimize(new L2LossFunction(prob, y, c, true, p), eps, maxIter, w);
            }
            case L2R_L2LOSS_SVR_DUAL:
                return SvrDual.solve(prob, y, weight, w, eps, cp, p, false, maxIter, rand);
            case L2R_L1LOSS_SVR_DUAL:
                return SvrDual.solve(prob, y, weight, w, eps, cp, p, true, maxIter, rand);
            default:
                throw new IllegalArgumentException("solver " + type + " does not train one vector");
        }
    }
}
