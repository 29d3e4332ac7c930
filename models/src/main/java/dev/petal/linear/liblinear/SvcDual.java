package dev.petal.linear.liblinear;

/**
 * Dual coordinate descent for L2-regularized L1- and L2-loss SVC (liblinear's
 * {@code solve_l2r_l1l2_svc}; Hsieh et al., "A Dual Coordinate Descent Method for Large-scale Linear
 * SVM", ICML 2008, Algorithm 3), with shrinking, scikit-learn's per-sample weights and its
 * coordinate order from {@link NewRand}. Minimizes {@code 0.5 a'(Q + D)a - e'a} over
 * {@code 0 <= a_i <= U_i}: L1 loss has {@code D = 0, U_i = C_i}; L2 loss {@code D_ii = 1/(2 C_i), U_i = inf}.
 */
final class SvcDual {
    private SvcDual() {
    }

    /** Solves into {@code w} (length {@code p.n}); {@code y} is +1/-1; returns the iteration count. */
    static int solve(Problem p, double[] y, double[] weight, double[] w, double eps, double cp, double cn,
                     boolean l1Loss, int maxIter, NewRand rand) {
        int l = p.l;
        int[] start = p.start;
        int[] idx = p.index;
        double[] val = p.value;
        double[] qd = new double[l];
        int[] index = new int[l];
        double[] alpha = new double[l];
        double[] diag = new double[l];
        double[] upper = new double[l];
        int activeSize = l;
        double pgMaxOld = Double.POSITIVE_INFINITY;
        double pgMinOld = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < l; i++) {
            double c = weight[i] * (y[i] > 0 ? cp : cn);
            diag[i] = l1Loss ? 0 : 0.5 / c;
            upper[i] = l1Loss ? c : Double.POSITIVE_INFINITY;
        }
        java.util.Arrays.fill(w, 0.0);
        for (int i = 0; i < l; i++) {
            double q = diag[i];
            for (int k = start[i]; k < start[i + 1]; k++) {
                q += val[k] * val[k];
            }
            qd[i] = q;
            index[i] = i;
        }
        int iter = 0;
        while (iter < maxIter) {
            Interrupts.check();
            double pgMaxNew = Double.NEGATIVE_INFINITY;
            double pgMinNew = Double.POSITIVE_INFINITY;
            for (int i = 0; i < activeSize; i++) {
                int j = i + rand.bounded(activeSize - i);
                int t = index[i];
                index[i] = index[j];
                index[j] = t;
            }
            for (int s = 0; s < activeSize; s++) {
                int i = index[s];
                double yi = y[i];
                double g = 0;
                for (int k = start[i]; k < start[i + 1]; k++) {
                    g += w[idx[k]] * val[k];
                }
                g = g * yi - 1;
                double c = upper[i];
                g += alpha[i] * diag[i];
                double pg = 0;
                if (alpha[i] == 0) {
                    if (g > pgMaxOld) {
                        activeSize--;
                        index[s] = index[activeSize];
                        index[activeSize] = i;
                        s--;
                        continue;
                    } else if (g < 0) {
                        pg = g;
                    }
                } else if (alpha[i] == c) {
                    if (g < pgMinOld) {
                        activeSize--;
                        index[s] = index[activeSize];
                        index[activeSize] = i;
                        s--;
                        continue;
                    } else if (g > 0) {
                        pg = g;
                    }
                } else {
                    pg = g;
                }
                pgMaxNew = pgMaxNew > pg ? pgMaxNew : pg;
                pgMinNew = pgMinNew < pg ? pgMinNew : pg;
                if (Math.abs(pg) > 1.0e-12) {
                    double old = alpha[i];
                    double a = old - g / qd[i];
                    a = a > 0.0 ? a : 0.0;
                    alpha[i] = a < c ? a : c;
                    double d = (alpha[i] - old) * yi;
                    for (int k = start[i]; k < start[i + 1]; k++) {
                        w[idx[k]] += d * val[k];
                    }
                }
            }
            iter++;
            if (pgMaxNew - pgMinNew <= eps) {
                if (activeSize == l) {
                    break;
                }
                activeSize = l;
                pgMaxOld = Double.POSITIVE_INFINITY;
                pgMinOld = Double.NEGATIVE_INFINITY;
                continue;
            }
            pgMaxOld = pgMaxNew;
            pgMinOld = pgMinNew;
            if (pgMaxOld <= 0) {
                pgMaxOld = Double.POSITIVE_INFINITY;
            }
            if (pgMinOld >= 0) {
                pgMinOld = Double.NEGATIVE_INFINITY;
            }
        }
        return iter;
    }
}
