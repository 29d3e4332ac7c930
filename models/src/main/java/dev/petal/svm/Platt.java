package dev.petal.svm;

import dev.petal.libm.GlibcExp;
import dev.petal.libm.GlibcLog;

/**
 * libsvm's probability outputs: Platt scaling fitted by Newton's method with backtracking
 * (Lin, Lin and Weng, "A note on Platt's probabilistic outputs for support vector machines", 2007)
 * and pairwise coupling (method 2 of Wu, Lin and Weng, "Probability estimates for multi-class
 * classification by pairwise coupling", JMLR 5, 2004).
 */
final class Platt {
    private Platt() {
    }

    /** Fits {@code P(y=1|f) = 1 / (1 + exp(A f + B))} on decision values and +-1 labels; returns {A, B}. */
    static double[] sigmoidTrain(int l, double[] dec, double[] labels) {
        double prior1 = 0;
        double prior0 = 0;
        for (int i = 0; i < l; i++) {
            if (labels[i] > 0) {
                prior1 += 1;
            } else {
                prior0 += 1;
            }
        }
        int maxIter = 100;
        double minStep = 1e-10;
        double sigma = 1e-12;
        double eps = 1e-5;
        double hiTarget = (prior1 + 1.0) / (prior1 + 2.0);
        double loTarget = 1 / (prior0 + 2.0);
        double[] t = new double[l];
        double a = 0.0;
        double b = GlibcLog.log((prior0 + 1.0) / (prior1 + 1.0));
        double fval = 0.0;
        for (int i = 0; i < l; i++) {
            t[i] = labels[i] > 0 ? hiTarget : loTarget;
            double fApB = dec[i] * a + b;
            if (fApB >= 0) {
                fval += t[i] * fApB + GlibcLog.log(1 + GlibcExp.exp(-fApB));
            } else {
                fval += (t[i] - 1) * fApB + GlibcLog.log(1 + GlibcExp.exp(fApB));
            }
        }
        for (int iter = 0; iter < maxIter; iter++) {
            double h11 = sigma;
            double h22 = sigma;
            double h21 = 0.0;
            double g1 = 0.0;
            double g2 = 0.0;
            for (int i = 0; i < l; i++) {
                double fApB = dec[i] * a + b;
                double p;
                double q;
                if (fApB >= 0) {
                    p = GlibcExp.exp(-fApB) / (1.0 + GlibcExp.exp(-fApB));
                    q = 1.0 / (1.0 + GlibcExp.exp(-fApB));
                } else {
                    p = 1.0 / (1.0 + GlibcExp.exp(fApB));
                    q = GlibcExp.exp(fApB) / (1.0 + GlibcExp.exp(fApB));
                }
                double d2 = p * q;
                h11 += dec[i] * dec[i] * d2;
                h22 += d2;
                h21 += dec[i] * d2;
                double d1 = t[i] - p;
                g1 += dec[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < eps && Math.abs(g2) < eps) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double stepsize = 1;
            while (stepsize >= minStep) {
                double newA = a + stepsize * dA;
                double newB = b + stepsize * dB;
                double newf = 0.0;
                for (int i = 0; i < l; i++) {
                    double fApB = dec[i] * newA + newB;
                    if (fApB >= 0) {
                        newf += t[i] * fApB + GlibcLog.log(1 + GlibcExp.exp(-fApB));
                    } else {
                        newf += (t[i] - 1) * fApB + GlibcLog.log(1 + GlibcExp.exp(fApB));
                    }
                }
                if (newf < fval + 0.0001 * stepsize * gd) {
                    a = newA;
                    b = newB;
                    fval = newf;
                    break;
                } else {
                    stepsize = stepsize / 2.0;
                }
            }
            if (stepsize < minStep) {
                break; // libsvm: "Line search fails in two-class probability estimates"
            }
        }
        return new double[] {a, b};
    }

    /** {@code 1 / (1 + exp(A f + B))}, computed without cancellation. */
    static double sigmoidPredict(double decisionValue, double a, double b) {
        double fApB = decisionValue * a + b;
        if (fApB >= 0) {
            return GlibcExp.exp(-fApB) / (1.0 + GlibcExp.exp(-fApB));
        }
        return 1.0 / (1 + GlibcExp.exp(fApB));
    }

    /** Class probabilities {@code p} (length k) from pairwise probabilities {@code r[i][j]} = P(i | i or j). */
    static void multiclassProbability(int k, double[][] r, double[] p) {
        int maxIter = Math.max(100, k);
        double[][] qm = new double[k][k];
        double[] qp = new double[k];
        double eps = 0.005 / k;
        for (int t = 0; t < k; t++) {
            p[t] = 1.0 / k;
            qm[t][t] = 0;
            for (int j = 0; j < t; j++) {
                qm[t][t] += r[j][t] * r[j][t];
                qm[t][j] = qm[j][t];
            }
            for (int j = t + 1; j < k; j++) {
                qm[t][t] += r[j][t] * r[j][t];
                qm[t][j] = -r[j][t] * r[t][j];
            }
        }
        for (int iter = 0; iter < maxIter; iter++) {
            double pQp = 0;
            for (int t = 0; t < k; t++) {
                qp[t] = 0;
                for (int j = 0; j < k; j++) {
                    qp[t] += qm[t][j] * p[j];
                }
                pQp += p[t] * qp[t];
            }
            double maxError = 0;
            for (int t = 0; t < k; t++) {
                double error = Math.abs(qp[t] - pQp);
                if (error > maxError) {
                    maxError = error;
                }
            }
            if (maxError < eps) {
                break;
            }
            for (int t = 0; t < k; t++) {
                double diff = (-qp[t] + pQp) / qm[t][t];
                p[t] += diff;
                pQp = (pQp + diff * (diff * qm[t][t] + 2 * qp[t])) / (1 + diff) / (1 + diff);
                for (int j = 0; j < k; j++) {
                    qp[j] = (qp[j] + diff * qm[t][j]) / (1 + diff);
                    p[j] /= (1 + diff);
                }
            }
        }
    }
}
