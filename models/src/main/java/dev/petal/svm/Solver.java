package dev.petal.svm;

/**
 * The SMO solver of libsvm as scikit-learn 1.2.1 ships it (Fan, Chen and Lin, "Working set selection
 * using second order information for training SVM", JMLR 6, 2005): second-order working-set selection,
 * shrinking every min(l, 1000) iterations with gradient reconstruction, per-sample upper bounds and
 * scikit-learn's {@code max_iter} (checked before each iteration; no reconstruction on timeout).
 *
 * <p>Solves {@code min 0.5 a'Qa + p'a} subject to {@code y'a = 0}, {@code 0 <= a_i <= C_i}. Every
 * comparison, tie rule and swap follows libsvm so the iterates are bit-identical.
 */
sealed class Solver permits NuSolver {
    static final byte LOWER = 0;
    static final byte UPPER = 1;
    static final byte FREE = 2;
    static final double TAU = 1e-12;
    static final double INF = Double.POSITIVE_INFINITY;
    /** Iterations (or initial gradient columns) between two checks for interruption or time out. */
    static final int CHECK_EVERY = 64;

    int activeSize;
    byte[] y;
    double[] g;
    byte[] status;
    double[] alpha;
    QMatrix q;
    double[] qd;
    double eps;
    double[] c;
    double[] p;
    int[] activeSet;
    double[] gBar;
    int l;
    boolean unshrink;
    ActivePasses passes;

    /** What {@link #solve} found. */
    static final class Result {
        double rho;
        /** The ν solver's r (libsvm's {@code si->r}); 0 for the plain solver. */
        double r;
        double obj;
        int iterations;
        boolean timedOut;
    }

    /**
     * Solves in place: {@code alphaInOut} (initial point in, solution out, in the caller's order).
     * {@code yIn}, {@code pIn} and {@code cBound} are read in the caller's order and not modified.
     */
    Result solve(int l, QMatrix qIn, double[] pIn, byte[] yIn, double[] alphaInOut, double[] cBound, double eps,
                 boolean shrinking, int maxIter, Team team) {
        this.l = l;
        this.q = qIn;
        this.qd = qIn.qd();
        this.p = pIn.clone();
        this.y = yIn.clone();
        this.alpha = alphaInOut.clone();
        this.c = cBound.clone();
        this.eps = eps;
        this.unshrink = false;
        Result res = new Result();
        initialize(team);

        int iter = 0;
        int counter = Math.min(l, 1000) + 1;
        int[] ws = new int[2];
        int untilCheck = 1;
        while (true) {
            if (--untilCheck == 0) {
                untilCheck = CHECK_EVERY;
                team.check();
            }
            if (maxIter != -1 && iter >= maxIter) {
                res.timedOut = true;
                break;
            }
            if (--counter == 0) {
                counter = Math.min(l, 1000);
                if (shrinking) {
                    doShrinking();
                }
            }
            if (selectWorkingSet(ws) != 0) {
                reconstructGradient();
                activeSize = l;
                passes.invalidate();
                if (selectWorkingSet(ws) != 0) {
                    break;
                } else {
                    counter = 1;
                }
            }
            ++iter;
            int i = ws[0];
            int j = ws[1];

            float[] qi = q.getQ(i, activeSize);
            float[] qj = q.getQ(j, activeSize);
            double ci = c[i];
            double cj = c[j];
            double oldAi = alpha[i];
            double oldAj = alpha[j];

            if (y[i] != y[j]) {
                double quad = qd[i] + qd[j] + 2 * qi[j];
                if (quad <= 0) {
                    quad = TAU;
                }
                double delta = (-g[i] - g[j]) / quad;
                double diff = alpha[i] - alpha[j];
                alpha[i] += delta;
                alpha[j] += delta;
                if (diff > 0) {
                    if (alpha[j] < 0) {
                        alpha[j] = 0;
                        alpha[i] = diff;
                    }
                } else {
                    if (alpha[i] < 0) {
                        alpha[i] = 0;
                        alpha[j] = -diff;
                    }
                }
                if (diff > ci - cj) {
                    if (alpha[i] > ci) {
                        alpha[i] = ci;
                        alpha[j] = ci - diff;
                    }
                } else {
                    if (alpha[j] > cj) {
                        alpha[j] = cj;
                        alpha[i] = cj + diff;
                    }
                }
            } else {
                double quad = qd[i] + qd[j] - 2 * qi[j];
                if (quad <= 0) {
                    quad = TAU;
                }
                double delta = (g[i] - g[j]) / quad;
                double sum = alpha[i] + alpha[j];
                alpha[i] -= delta;
                alpha[j] += delta;
                if (sum > ci) {
                    if (alpha[i] > ci) {
                        alpha[i] = ci;
                        alpha[j] = sum - ci;
                    }
                } else {
                    if (alpha[j] < 0) {
                        alpha[j] = 0;
                        alpha[i] = sum;
                    }
                }
                if (sum > cj) {
                    if (alpha[j] > cj) {
                        alpha[j] = cj;
                        alpha[i] = sum - cj;
                    }
                } else {
                    if (alpha[i] < 0) {
                        alpha[i] = 0;
                        alpha[j] = sum;
                    }
                }
            }

            double dai = alpha[i] - oldAi;
            double daj = alpha[j] - oldAj;
            boolean ui = isUpper(i);
            boolean uj = isUpper(j);
            updateAlphaStatus(i);
            updateAlphaStatus(j);
            passes.updateGradientAndScanUp(qi, qj, dai, daj, activeSize);
            // libsvm's G_bar -= C_i Q_i when i leaves the upper bound, += when it reaches it; x - y is x + (-y) exactly
            if (ui != isUpper(i)) {
                addScaled(gBar, ui ? -ci : ci, q.getQ(i, l), 0, l);
            }
            if (uj != isUpper(j)) {
                addScaled(gBar, uj ? -cj : cj, q.getQ(j, l), 0, l);
            }
        }

        res.rho = calculateRho(res);
        res.obj = objective();
        for (int i = 0; i < l; i++) {
            alphaInOut[activeSet[i]] = this.alpha[i];
        }
        res.iterations = iter;
        return res;
    }

    /*
     * solve runs once per problem, its loop once per iteration: left alone it stays in the interpreter, a few
     * hundred bytecodes an iteration around calls into the compiled kernels. The loops over all l variables
     * live in other methods (initialize, addScaled, objective), so that they do not count towards compiling
     * solve: an on-stack-replacement compile of solve inlines every callee, and a fresh JVM recompiled it at
     * each branch first taken late (the first shrink, a variable leaving the upper bound), six C2 compiles and
     * 0.4 s of compiler time in a 15,000-row fit, on the core the helper would use.
     */

    /** libsvm's start: alpha statuses, the active set (all of it), the gradient and G_bar. */
    private void initialize(Team team) {
        status = new byte[l];
        g = new double[l];
        passes = newPasses(team);
        for (int i = 0; i < l; i++) {
            updateAlphaStatus(i);
        }
        activeSet = new int[l];
        for (int i = 0; i < l; i++) {
            activeSet[i] = i;
        }
        activeSize = l;

        gBar = new double[l];
        for (int i = 0; i < l; i++) {
            g[i] = this.p[i];
            gBar[i] = 0;
        }
        for (int i = 0; i < l; i++) {
            if ((i & (CHECK_EVERY - 1)) == 0) {
                team.check();
            }
            if (!isLower(i)) {
                float[] qi = q.getQ(i, l);
                addScaled(g, this.alpha[i], qi, 0, l);
                if (isUpper(i)) {
                    addScaled(gBar, c[i], qi, 0, l);
                }
            }
        }
    }

    /** {@code v[k] += a * q[k]} for k in [from, to), libsvm's gradient and G_bar updates. */
    static void addScaled(double[] v, double a, float[] q, int from, int to) {
        for (int k = from; k < to; k++) {
            v[k] += a * q[k];
        }
    }

    /** The dual objective, {@code sum alpha_i (G_i + p_i) / 2}. */
    private double objective() {
        double v = 0;
        for (int i = 0; i < l; i++) {
            v += this.alpha[i] * (g[i] + this.p[i]);
        }
        return v / 2;
    }

    /** The per-iteration passes over this solver's arrays ({@link #y}, {@link #g}, {@link #status}, {@link #qd}). */
    ActivePasses newPasses(Team team) {
        return new ActivePasses(y, g, status, qd, team);
    }

    /** libsvm's WSS3 over the active set; returns 1 when optimal, else 0 with (i, j) in {@code out}. */
    int selectWorkingSet(int[] out) {
        return passes.select(activeSize, q, eps, out);
    }

    private void updateAlphaStatus(int i) {
        if (alpha[i] >= c[i]) {
            status[i] = UPPER;
        } else if (alpha[i] <= 0) {
            status[i] = LOWER;
        } else {
            status[i] = FREE;
        }
        passes.statusChanged(i);
    }

    final boolean isUpper(int i) {
        return status[i] == UPPER;
    }

    final boolean isLower(int i) {
        return status[i] == LOWER;
    }

    final boolean isFree(int i) {
        return status[i] == FREE;
    }

    final void swapIndex(int i, int j) {
        q.swapIndex(i, j);
        passes.swap(i, j);
        byte tb = y[i];
        y[i] = y[j];
        y[j] = tb;
        double t = g[i];
        g[i] = g[j];
        g[j] = t;
        tb = status[i];
        status[i] = status[j];
        status[j] = tb;
        t = alpha[i];
        alpha[i] = alpha[j];
        alpha[j] = t;
        t = p[i];
        p[i] = p[j];
        p[j] = t;
        int ti = activeSet[i];
        activeSet[i] = activeSet[j];
        activeSet[j] = ti;
        t = gBar[i];
        gBar[i] = gBar[j];
        gBar[j] = t;
        t = c[i];
        c[i] = c[j];
        c[j] = t;
    }

    final void reconstructGradient() {
        if (activeSize == l) {
            return;
        }
        int nrFree = 0;
        for (int j = activeSize; j < l; j++) {
            g[j] = gBar[j] + p[j];
        }
        for (int j = 0; j < activeSize; j++) {
            if (isFree(j)) {
                nrFree++;
            }
        }
        if ((long) nrFree * l > 2L * activeSize * (l - activeSize)) {
            for (int i = activeSize; i < l; i++) {
                float[] qi = q.getQ(i, activeSize);
                for (int j = 0; j < activeSize; j++) {
                    if (isFree(j)) {
                        g[i] += alpha[j] * qi[j];
                    }
                }
            }
        } else {
            for (int i = 0; i < activeSize; i++) {
                if (isFree(i)) {
                    addScaled(g, alpha[i], q.getQ(i, l), activeSize, l);
                }
            }
        }
    }

    private boolean beShrunk(int i, double gmax1, double gmax2) {
        if (isUpper(i)) {
            return y[i] == +1 ? -g[i] > gmax1 : -g[i] > gmax2;
        } else if (isLower(i)) {
            return y[i] == +1 ? g[i] > gmax2 : g[i] > gmax1;
        }
        return false;
    }

    void doShrinking() {
        passes.invalidate();
        double gmax1 = -INF;
        double gmax2 = -INF;
        for (int i = 0; i < activeSize; i++) {
            if (y[i] == +1) {
                if (!isUpper(i) && -g[i] >= gmax1) {
                    gmax1 = -g[i];
                }
                if (!isLower(i) && g[i] >= gmax2) {
                    gmax2 = g[i];
                }
            } else {
                if (!isUpper(i) && -g[i] >= gmax2) {
                    gmax2 = -g[i];
                }
                if (!isLower(i) && g[i] >= gmax1) {
                    gmax1 = g[i];
                }
            }
        }
        if (!unshrink && gmax1 + gmax2 <= eps * 10) {
            unshrink = true;
            reconstructGradient();
            activeSize = l;
        }
        for (int i = 0; i < activeSize; i++) {
            if (beShrunk(i, gmax1, gmax2)) {
                activeSize--;
                while (activeSize > i) {
                    if (!beShrunk(activeSize, gmax1, gmax2)) {
                        swapIndex(i, activeSize);
                        break;
                    }
                    activeSize--;
                }
            }
        }
    }

    /** The bias; the ν solver also records its r in {@code res}. */
    double calculateRho(Result res) {
        int nrFree = 0;
        double ub = INF;
        double lb = -INF;
        double sumFree = 0;
        for (int i = 0; i < activeSize; i++) {
            double yG = y[i] * g[i];
            if (isUpper(i)) {
                if (y[i] == -1) {
                    ub = ub < yG ? ub : yG; // libsvm's min template, including the sign of zero
                } else {
                    lb = lb > yG ? lb : yG;
                }
            } else if (isLower(i)) {
                if (y[i] == +1) {
                    ub = ub < yG ? ub : yG; // libsvm's min template, including the sign of zero
                } else {
                    lb = lb > yG ? lb : yG;
                }
            } else {
                ++nrFree;
                sumFree += yG;
            }
        }
        return nrFree > 0 ? sumFree / nrFree : (ub + lb) / 2;
    }
}
