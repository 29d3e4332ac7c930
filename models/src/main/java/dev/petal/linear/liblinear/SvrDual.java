package dev.petal.linear.liblinear;

/**
 * Dual coordinate descent for L2-regularized L1- and L2-loss epsilon-SVR (liblinear's
 * {@code solve_l2r_l1l2_svr}; Ho and Lin, "Large-scale Linear Support Vector Regression", JMLR 2012,
 * Algorithm 4), with shrinking, per-sample weights and {@link NewRand}'s coordinate order. Minimizes
 * {@code 0.5 b'(Q + diag(lambda))b - p sum|b_i| + y'b} over {@code -U_i <= b_i <= U_i}: L1 loss has
 * {@code lambda = 0, U_i = C_i}; L2 loss {@code lambda_i = 1/(2 C_i), U_i = inf}.
 */
final class SvrDual {
    private SvrDual() {
    }

    /** Solves into {@code w}; returns the iteration count. */
    static int solve(Problem prob, double[] y, double[] weight, double[] w, double eps, double cost, double p,
                     boolean l1Loss, int maxIter, NewRand rand) {
        int l = prob.l;
        int[] start = prob.start;
        int[] idx = prob.index;
        double[] val = prob.value;
        int activeSize = l;
        int[] index = new int[l];
        double gMaxOld = Double.POSITIVE_INFINITY;
        double gNorm1Init = -1.0;
        double[] beta = new double[l];
        double[] qd = new double[l];
        double[] lambda = new double[l];
        double[] upper = new double[l];
        for (int i = 0; i < l; i++) {
            double c = weight[i] * cost;
            lambda[i] = l1Loss ? 0 : 0.5 / c;
            upper[i] = l1Loss ? c : Double.POSITIVE_INFINITY;
        }
        java.util.Arrays.fill(w, 0.0);
        for (int i = 0; i < l; i++) {
            double q = 0;
            for (int k = start[i]; k < start[i + 1]; k++) {
                q += val[k] * val[k];
            }
            qd[i] = q;
            index[i] = i;
        }
        int iter = 0;
        while (iter < maxIter) {
            Interrupts.check();
            double gMaxNew = 0;
            double gNorm1New = 0;
            for (int i = 0; i < activeSize; i++) {
                int j = i + rand.bounded(activeSize - i);
                int t = index[i];
                index[i] = index[j];
                index[j] = t;
            }
            for (int s = 0; s < activeSize; s++) {
                int i = index[s];
                double g = -y[i] + lambda[i] * beta[i];
                double h = qd[i] + lambda[i];
                for (int k = start[i]; k < start[i + 1]; k++) {
                    g += val[k] * w[idx[k]];
                }
                double gp = g + p;
                double gn = g - p;
                double violation = 0;
                if (beta[i] == 0) {
                    if (gp < 0) {
                        violation = -gp;
                    } else if (gn > 0) {
                        violation = gn;
                    } else if (gp > gMaxOld && gn < -gMaxOld) {
                        activeSize--;
                        index[s] = index[activeSize];
                        index[activeSize] = i;
                        s--;
                        continue;
                    }
                } else if (beta[i] >= upper[i]) {
                    if (gp > 0) {
                        violation = gp;
                    } else if (gp < -gMaxOld) {
                        activeSize--;
                        index[s] = index[activeSize];
                        index[activeSize] = i;
                        s--;
                        continue;
                    }
                } else if (beta[i] <= -upper[i]) {
                    if (gn < 0) {
                        violation = -gn;
                    } else if (gn > gMaxOld) {
                        activeSize--;
                        index[s] = index[activeSize];
                        index[activeSize] = i;
                        s--;
                        continue;
                    }
                } else if (beta[i] > 0) {
                    violation = Math.abs(gp);
                } else {
                    violation = Math.abs(gn);
                }
                gMaxNew = gMaxNew > violation ? gMaxNew : violation;
                gNorm1New += violation;
                double d;
                if (gp < h * beta[i]) {
                    d = -gp / h;
                } else if (gn > h * beta[i]) {
                    d = -gn / h;
                } else {
                    d = -beta[i];
                }
                if (Math.abs(d) < 1.0e-12) {
                    continue;
                }
                double old = beta[i];
                double b = beta[i] + d;
                b = b > -upper[i] ? b : -upper[i];
                beta[i] = b < upper[i] ? b : upper[i];
                d = beta[i] - old;
                if (d != 0) {
                    for (int k = start[i]; k < start[i + 1]; k++) {
                        w[idx[k]] += d * val[k];
                    }
                }
            }
            if (iter == 0) {
                gNorm1Init = gNorm1New;
            }
            iter++;
            if (gNorm1New <= eps * gNorm1Init) {
                if (activeSize == l) {
                    break;
                }
                activeSize = l;
                gMaxOld = Double.POSITIVE_INFINITY;
                continue;
            }
            gMaxOld = gMaxNew;
        }
        return iter;
    }
}
