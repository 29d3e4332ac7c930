package dev.petal.svm;

/**
 * libsvm's {@code Solver_NU}, the SMO solver for the ν formulations (ν-SVC, ν-SVR; Chang and Lin,
 * "Training ν-support vector classifiers: theory and algorithms", Neural Computation 13, 2001): it keeps
 * the two equality constraints {@code sum_{y=+1} a_i} and {@code sum_{y=-1} a_i} by choosing both
 * working-set indices within one class, shrinks with four gradient bounds, and computes both the bias
 * {@code rho} and {@code r} (returned in {@link Result#r}). Comparisons and tie rules follow libsvm.
 */
final class NuSolver extends Solver {

    @Override
    ActivePasses newPasses(Team team) {
        return new NuPasses(y, g, status, qd, team);
    }

    @Override
    int selectWorkingSet(int[] out) {
        int r = ((NuPasses) passes).selectNu(activeSize, q, eps, out);
        return r != NuPasses.NO_CLASS_MAXIMUM ? r : selectSequentially(out);
    }

    /** libsvm's ν working-set selection as it writes it, one sequential pass per scan: for when a class has no I_up member. */
    private int selectSequentially(int[] out) {
        double gmaxp = -INF;
        double gmaxp2 = -INF;
        int gmaxpIdx = -1;
        double gmaxn = -INF;
        double gmaxn2 = -INF;
        int gmaxnIdx = -1;
        int gminIdx = -1;
        double objDiffMin = INF;
        for (int t = 0; t < activeSize; t++) {
            if (y[t] == +1) {
                if (!isUpper(t) && -g[t] >= gmaxp) {
                    gmaxp = -g[t];
                    gmaxpIdx = t;
                }
            } else {
                if (!isLower(t) && g[t] >= gmaxn) {
                    gmaxn = g[t];
                    gmaxnIdx = t;
                }
            }
        }
        int ip = gmaxpIdx;
        int in = gmaxnIdx;
        float[] qip = ip != -1 ? q.getQ(ip, activeSize) : null;
        float[] qin = in != -1 ? q.getQ(in, activeSize) : null;
        for (int j = 0; j < activeSize; j++) {
            if (y[j] == +1) {
                if (!isLower(j)) {
                    double gradDiff = gmaxp + g[j];
                    if (g[j] >= gmaxp2) {
                        gmaxp2 = g[j];
                    }
                    if (gradDiff > 0) {
                        double quad = qd[ip] + qd[j] - 2 * qip[j];
                        double objDiff = quad > 0 ? -(gradDiff * gradDiff) / quad : -(gradDiff * gradDiff) / TAU;
                        if (objDiff <= objDiffMin) {
                            gminIdx = j;
                            objDiffMin = objDiff;
                        }
                    }
                }
            } else {
                if (!isUpper(j)) {
                    double gradDiff = gmaxn - g[j];
                    if (-g[j] >= gmaxn2) {
                        gmaxn2 = -g[j];
                    }
                    if (gradDiff > 0) {
                        double quad = qd[in] + qd[j] - 2 * qin[j];
                        double objDiff = quad > 0 ? -(gradDiff * gradDiff) / quad : -(gradDiff * gradDiff) / TAU;
                        if (objDiff <= objDiffMin) {
                            gminIdx = j;
                            objDiffMin = objDiff;
                        }
                    }
                }
            }
        }
        if (Math.max(gmaxp + gmaxp2, gmaxn + gmaxn2) < eps || gminIdx == -1) {
            return 1;
        }
        out[0] = y[gminIdx] == +1 ? gmaxpIdx : gmaxnIdx;
        out[1] = gminIdx;
        return 0;
    }

    private boolean beShrunk(int i, double gmax1, double gmax2, double gmax3, double gmax4) {
        if (isUpper(i)) {
            return y[i] == +1 ? -g[i] > gmax1 : -g[i] > gmax4;
        } else if (isLower(i)) {
            return y[i] == +1 ? g[i] > gmax2 : g[i] > gmax3;
        }
        return false;
    }

    @Override
    void doShrinking() {
        passes.invalidate();
        double gmax1 = -INF; // max -y_i G_i over y_i = +1 in I_up
        double gmax2 = -INF; // max  y_i G_i over y_i = +1 in I_low
        double gmax3 = -INF; // max -y_i G_i over y_i = -1 in I_up
        double gmax4 = -INF; // max  y_i G_i over y_i = -1 in I_low
        for (int i = 0; i < activeSize; i++) {
            if (!isUpper(i)) {
                if (y[i] == +1) {
                    if (-g[i] > gmax1) {
                        gmax1 = -g[i];
                    }
                } else if (-g[i] > gmax4) {
                    gmax4 = -g[i];
                }
            }
            if (!isLower(i)) {
                if (y[i] == +1) {
                    if (g[i] > gmax2) {
                        gmax2 = g[i];
                    }
                } else if (g[i] > gmax3) {
                    gmax3 = g[i];
                }
            }
        }
        if (!unshrink && Math.max(gmax1 + gmax2, gmax3 + gmax4) <= eps * 10) {
            unshrink = true;
            reconstructGradient();
            activeSize = l;
        }
        for (int i = 0; i < activeSize; i++) {
            if (beShrunk(i, gmax1, gmax2, gmax3, gmax4)) {
                activeSize--;
                while (activeSize > i) {
                    if (!beShrunk(activeSize, gmax1, gmax2, gmax3, gmax4)) {
                        swapIndex(i, activeSize);
                        break;
                    }
                    activeSize--;
                }
            }
        }
    }

    @Override
    double calculateRho(Result res) {
        int nrFree1 = 0;
        int nrFree2 = 0;
        double ub1 = INF;
        double ub2 = INF;
        double lb1 = -INF;
        double lb2 = -INF;
        double sumFree1 = 0;
        double sumFree2 = 0;
        for (int i = 0; i < activeSize; i++) {
            if (y[i] == +1) {
                if (isUpper(i)) {
                    lb1 = lb1 > g[i] ? lb1 : g[i];
                } else if (isLower(i)) {
                    ub1 = ub1 < g[i] ? ub1 : g[i];
                } else {
                    ++nrFree1;
                    sumFree1 += g[i];
                }
            } else {
                if (isUpper(i)) {
                    lb2 = lb2 > g[i] ? lb2 : g[i];
                } else if (isLower(i)) {
                    ub2 = ub2 < g[i] ? ub2 : g[i];
                } else {
                    ++nrFree2;
                    sumFree2 += g[i];
                }
            }
        }
        double r1 = nrFree1 > 0 ? sumFree1 / nrFree1 : (ub1 + lb1) / 2;
        double r2 = nrFree2 > 0 ? sumFree2 / nrFree2 : (ub2 + lb2) / 2;
        res.r = (r1 + r2) / 2;
        return (r1 - r2) / 2;
    }
}
