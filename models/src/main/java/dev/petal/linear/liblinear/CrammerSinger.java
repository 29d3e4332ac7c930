package dev.petal.linear.liblinear;

import java.util.Arrays;

/**
 * Crammer and Singer's multi-class SVM by dual coordinate descent (liblinear's {@code Solver_MCSVM_CS};
 * Keerthi et al., "A Sequential Dual Method for Large Scale Multi-Class Linear SVMs", KDD 2008, and the
 * appendix of Fan et al., "LIBLINEAR", JMLR 2008), with shrinking of samples and of classes per sample.
 * {@code w} is feature-major: {@code w[j * nrClass + m]}.
 */
final class CrammerSinger {
    private final Problem prob;
    private final int[] y;
    private final int nrClass;
    private final double eps;
    private final int maxIter;
    private final double[] c;
    private final double[] b;
    private final double[] g;

    CrammerSinger(Problem prob, int[] y, double[] weight, int nrClass, double[] weightedC, double eps, int maxIter) {
        this.prob = prob;
        this.y = y;
        this.nrClass = nrClass;
        this.eps = eps;
        this.maxIter = maxIter;
        this.b = new double[nrClass];
        this.g = new double[nrClass];
        this.c = new double[prob.l];
        for (int i = 0; i < prob.l; i++) {
            c[i] = weight[i] * weightedC[y[i]];
        }
    }

    private void solveSubProblem(double ai, int yi, double cyi, int activeI, double[] alphaNew) {
        double[] d = Arrays.copyOf(b, activeI);
        if (yi < activeI) {
            d[yi] += ai * cyi;
        }
        Arrays.sort(d);
        // liblinear sorts descending; read the ascending array from its end
        double beta = d[activeI - 1] - ai * cyi;
        int r;
        for (r = 1; r < activeI && beta < r * d[activeI - 1 - r]; r++) {
            beta += d[activeI - 1 - r];
        }
        beta /= r;
        for (r = 0; r < activeI; r++) {
            double v = (beta - b[r]) / ai;
            if (r == yi) {
                alphaNew[r] = cyi < v ? cyi : v;
            } else {
                alphaNew[r] = 0.0 < v ? 0.0 : v;
            }
        }
    }

    private boolean beShrunk(int i, int m, int yi, double alphaI, double minG) {
        double bound = 0;
        if (m == yi) {
            bound = c[i];
        }
        return alphaI == bound && g[m] < minG;
    }

    /** Solves into {@code w} ({@code prob.n * nrClass} values); returns the iteration count. */
    int solve(double[] w, NewRand rand) {
        int l = prob.l;
        int[] start = prob.start;
        int[] idx = prob.index;
        double[] val = prob.value;
        int iter = 0;
        double[] alpha = new double[l * nrClass];
        double[] alphaNew = new double[nrClass];
        int[] index = new int[l];
        double[] qd = new double[l];
        int[] dInd = new int[nrClass];
        double[] dVal = new double[nrClass];
        int[] alphaIndex = new int[nrClass * l];
        int[] yIndex = new int[l];
        int activeSize = l;
        int[] activeSizeI = new int[l];
        double epsShrink = Math.max(10.0 * eps, 1.0);
        boolean startFromAll = true;
        Arrays.fill(w, 0.0);
        for (int i = 0; i < l; i++) {
            for (int m = 0; m < nrClass; m++) {
                alphaIndex[i * nrClass + m] = m;
            }
            double q = 0;
            for (int k = start[i]; k < start[i + 1]; k++) {
                q += val[k] * val[k];
            }
            qd[i] = q;
            activeSizeI[i] = nrClass;
            yIndex[i] = y[i];
            index[i] = i;
        }
        while (iter < maxIter) {
            Interrupts.check();
            double stopping = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < activeSize; i++) {
                int j = i + rand.bounded(activeSize - i);
                int t = index[i];
                index[i] = index[j];
                index[j] = t;
            }
            for (int s = 0; s < activeSize; s++) {
                int i = index[s];
                double ai = qd[i];
                int ao = i * nrClass;
                if (ai > 0) {
                    for (int m = 0; m < activeSizeI[i]; m++) {
                        g[m] = 1;
                    }
                    if (yIndex[i] < activeSizeI[i]) {
                        g[yIndex[i]] = 0;
                    }
                    for (int k = start[i]; k < start[i + 1]; k++) {
                        int wo = idx[k] * nrClass;
                        for (int m = 0; m < activeSizeI[i]; m++) {
                            g[m] += w[wo + alphaIndex[ao + m]] * val[k];
                        }
                    }
                    double minG = Double.POSITIVE_INFINITY;
                    double maxG = Double.NEGATIVE_INFINITY;
                    for (int m = 0; m < activeSizeI[i]; m++) {
                        if (alpha[ao + alphaIndex[ao + m]] < 0 && g[m] < minG) {
                            minG = g[m];
                        }
                        if (g[m] > maxG) {
                            maxG = g[m];
                        }
                    }
                    if (yIndex[i] < activeSizeI[i]) {
                        if (alpha[ao + y[i]] < c[i] && g[yIndex[i]] < minG) {
                            minG = g[yIndex[i]];
                        }
                    }
                    for (int m = 0; m < activeSizeI[i]; m++) {
                        if (beShrunk(i, m, yIndex[i], alpha[ao + alphaIndex[ao + m]], minG)) {
                            activeSizeI[i]--;
                            while (activeSizeI[i] > m) {
                                int last = activeSizeI[i];
                                if (!beShrunk(i, last, yIndex[i], alpha[ao + alphaIndex[ao + last]], minG)) {
                                    int t = alphaIndex[ao + m];
                                    alphaIndex[ao + m] = alphaIndex[ao + last];
                                    alphaIndex[ao + last] = t;
                                    double tg = g[m];
                                    g[m] = g[last];
                                    g[last] = tg;
                                    if (yIndex[i] == last) {
                                        yIndex[i] = m;
                                    } else if (yIndex[i] == m) {
                                        yIndex[i] = last;
                                    }
                                    break;
                                }
                                activeSizeI[i]--;
                            }
                        }
                    }
                    if (activeSizeI[i] <= 1) {
                        activeSize--;
                        int t = index[s];
                        index[s] = index[activeSize];
                        index[activeSize] = t;
                        s--;
                        continue;
                    }
                    if (maxG - minG <= 1e-12) {
                        continue;
                    }
                    stopping = maxG - minG > stopping ? maxG - minG : stopping;
                    for (int m = 0; m < activeSizeI[i]; m++) {
                        b[m] = g[m] - ai * alpha[ao + alphaIndex[ao + m]];
                    }
                    solveSubProblem(ai, yIndex[i], c[i], activeSizeI[i], alphaNew);
                    int nzD = 0;
                    for (int m = 0; m < activeSizeI[i]; m++) {
                        double d = alphaNew[m] - alpha[ao + alphaIndex[ao + m]];
                        alpha[ao + alphaIndex[ao + m]] = alphaNew[m];
                        if (Math.abs(d) >= 1e-12) {
                            dInd[nzD] = alphaIndex[ao + m];
                            dVal[nzD] = d;
                            nzD++;
                        }
                    }
                    for (int k = start[i]; k < start[i + 1]; k++) {
                        int wo = idx[k] * nrClass;
                        for (int m = 0; m < nzD; m++) {
                            w[wo + dInd[m]] += dVal[m] * val[k];
                        }
                    }
                }
            }
            iter++;
            if (stopping < epsShrink) {
                if (stopping < eps && startFromAll) {
                    break;
                }
                activeSize = l;
                Arrays.fill(activeSizeI, nrClass);
                epsShrink = Math.max(epsShrink / 2, eps);
                startFromAll = true;
            } else {
                startFromAll = false;
            }
        }
        return iter;
    }
}
