package dev.petal.linear.liblinear;

/**
 * Coordinate descent for L1-regularized L2-loss SVC (liblinear's {@code solve_l1r_l2_svc}; Yuan, Chang,
 * Hsieh and Lin, "A Comparison of Optimization Methods and Software for Large-scale L1-regularized
 * Linear Classification", JMLR 2010), minimizing {@code sum|w_j| + sum C_i max(0, 1 - y_i w'x_i)^2}
 * one feature at a time with a Newton step and line search, shrinking features, the order from
 * {@link NewRand}.
 */
final class L1rSvc {
    private static final int MAX_LINESEARCH = 20;
    private static final double SIGMA = 0.01;

    private L1rSvc() {
    }

    /** Solves into {@code w} (length {@code rows.n}); {@code rows} is the row-major problem; returns the iteration count. */
    static int solve(Problem rows, double[] yy, double[] weight, double[] w, double eps, double cp, double cn,
                     int maxIter, NewRand rand) {
        Problem col = rows.transpose();
        int l = rows.l;
        int wSize = rows.n;
        int[] cStart = col.start;
        int[] cRow = col.index;
        double[] cVal = col.value;
        int activeSize = wSize;
        double gMaxOld = Double.POSITIVE_INFINITY;
        double gNorm1Init = -1.0;
        int[] index = new int[wSize];
        double[] y = new double[l];
        double[] b = new double[l];
        double[] xjSq = new double[wSize];
        double[] c = new double[l];
        java.util.Arrays.fill(w, 0.0);
        for (int j = 0; j < l; j++) {
            b[j] = 1;
            if (yy[j] > 0) {
                y[j] = 1;
                c[j] = weight[j] * cp;
            } else {
                y[j] = -1;
                c[j] = weight[j] * cn;
            }
        }
        for (int j = 0; j < wSize; j++) {
            index[j] = j;
            double sq = 0;
            for (int k = cStart[j]; k < cStart[j + 1]; k++) {
                int ind = cRow[k];
                cVal[k] *= y[ind];
                double v = cVal[k];
                b[ind] -= w[j] * v;
                sq += c[ind] * v * v;
            }
            xjSq[j] = sq;
        }
        int iter = 0;
        while (iter < maxIter) {
            Interrupts.check();
            double gMaxNew = 0;
            double gNorm1New = 0;
            for (int j = 0; j < activeSize; j++) {
                int i = j + rand.bounded(activeSize - j);
                int t = index[i];
                index[i] = index[j];
                index[j] = t;
            }
            for (int s = 0; s < activeSize; s++) {
                int j = index[s];
                double gLoss = 0;
                double h = 0;
                for (int k = cStart[j]; k < cStart[j + 1]; k++) {
                    int ind = cRow[k];
                    if (b[ind] > 0) {
                        double v = cVal[k];
                        double tmp = c[ind] * v;
                        gLoss -= tmp * b[ind];
                        h += tmp * v;
                    }
                }
                gLoss *= 2;
                double g = gLoss;
                h *= 2;
                h = h > 1e-12 ? h : 1e-12;
                double gp = g + 1;
                double gn = g - 1;
                double violation = 0;
                if (w[j] == 0) {
                    if (gp < 0) {
                        violation = -gp;
                    } else if (gn > 0) {
                        violation = gn;
                    } else if (gp > gMaxOld / l && gn < -gMaxOld / l) {
                        activeSize--;
                        index[s] = index[activeSize];
                        index[activeSize] = j;
                        s--;
                        continue;
                    }
                } else if (w[j] > 0) {
                    violation = Math.abs(gp);
                } else {
                    violation = Math.abs(gn);
                }
                gMaxNew = gMaxNew > violation ? gMaxNew : violation;
                gNorm1New += violation;
                double d;
                if (gp < h * w[j]) {
                    d = -gp / h;
                } else if (gn > h * w[j]) {
                    d = -gn / h;
                } else {
                    d = -w[j];
                }
                if (Math.abs(d) < 1.0e-12) {
                    continue;
                }
                double delta = Math.abs(w[j] + d) - Math.abs(w[j]) + g * d;
                double dOld = 0;
                double lossOld = 0;
                double lossNew;
                int numLinesearch;
                for (numLinesearch = 0; numLinesearch < MAX_LINESEARCH; numLinesearch++) {
                    double dDiff = dOld - d;
                    double cond = Math.abs(w[j] + d) - Math.abs(w[j]) - SIGMA * delta;
                    double appxcond = xjSq[j] * d * d + gLoss * d + cond;
                    if (appxcond <= 0) {
                        for (int k = cStart[j]; k < cStart[j + 1]; k++) {
                            b[cRow[k]] += dDiff * cVal[k];
                        }
                        break;
                    }
                    if (numLinesearch == 0) {
                        lossOld = 0;
                        lossNew = 0;
                        for (int k = cStart[j]; k < cStart[j + 1]; k++) {
                            int ind = cRow[k];
                            if (b[ind] > 0) {
                                lossOld += c[ind] * b[ind] * b[ind];
                            }
                            double bNew = b[ind] + dDiff * cVal[k];
                            b[ind] = bNew;
                            if (bNew > 0) {
                                lossNew += c[ind] * bNew * bNew;
                            }
                        }
                    } else {
                        lossNew = 0;
                        for (int k = cStart[j]; k < cStart[j + 1]; k++) {
                            int ind = cRow[k];
                            double bNew = b[ind] + dDiff * cVal[k];
                            b[ind] = bNew;
                            if (bNew > 0) {
                                lossNew += c[ind] * bNew * bNew;
                            }
                        }
                    }
                    cond = cond + lossNew - lossOld;
                    if (cond <= 0) {
                        break;
                    }
                    dOld = d;
                    d *= 0.5;
                    delta *= 0.5;
                }
                w[j] += d;
                if (numLinesearch >= MAX_LINESEARCH) {
                    java.util.Arrays.fill(b, 1.0);
                    for (int i = 0; i < wSize; i++) {
                        if (w[i] == 0) {
                            continue;
                        }
                        for (int k = cStart[i]; k < cStart[i + 1]; k++) {
                            b[cRow[k]] -= w[i] * cVal[k];
                        }
                    }
                }
            }
            if (iter == 0) {
                gNorm1Init = gNorm1New;
            }
            iter++;
            if (gNorm1New <= eps * gNorm1Init) {
                if (activeSize == wSize) {
                    break;
                }
                activeSize = wSize;
                gMaxOld = Double.POSITIVE_INFINITY;
                continue;
            }
            gMaxOld = gMaxNew;
        }
        return iter;
    }
}
