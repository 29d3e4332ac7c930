package dev.petal.metrics;

import dev.petal.check.Check;
import dev.petal.numeric.NumpySum;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * scikit-learn 1.2.1's binary {@code roc_auc_score}: the ROC curve of {@code roc_curve} (scores sorted
 * descending by a stable sort, one point per distinct score, collinear points dropped as
 * {@code drop_intermediate=True} drops them) and its area by numpy's trapezoidal rule, in the same
 * order of operations so the value is the same double.
 */
final class RocAuc {
    private RocAuc() {
    }

    static double score(int[] yTrue, double[] yScore) {
        Check.consistentLength(yTrue.length, yScore.length);
        int[] labels = Arrays.stream(yTrue).distinct().sorted().toArray();
        if (labels.length > 2) {
            throw new IllegalArgumentException("multiclass format is not supported");
        }
        if (labels.length != 2) {
            throw new IllegalArgumentException("Only one class present in y_true. ROC AUC score is not defined in that case.");
        }
        int n = yTrue.length;
        // label_binarize: the larger label is the positive class; np.argsort(kind="mergesort")[::-1]
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> yScore[i]));
        double[] score = new double[n];
        double[] truth = new double[n];
        for (int i = 0; i < n; i++) {
            int k = order[n - 1 - i];
            score[i] = yScore[k];
            truth[i] = yTrue[k] == labels[1] ? 1.0 : 0.0;
        }
        // thresholds at the last index of each run of equal scores, and at the end
        int[] thr = new int[n];
        int m = 0;
        for (int i = 0; i + 1 < n; i++) {
            if (score[i + 1] != score[i]) {
                thr[m++] = i;
            }
        }
        thr[m++] = n - 1;
        double[] tps = new double[m];
        double[] fps = new double[m];
        double cum = 0.0;
        int t = 0;
        for (int i = 0; i < n && t < m; i++) {
            cum += truth[i];
            if (i == thr[t]) {
                tps[t] = cum;
                fps[t] = 1 + i - cum;
                t++;
            }
        }
        if (m > 2) {
            int[] keep = new int[m];
            int k = 0;
            keep[k++] = 0;
            for (int i = 1; i + 1 < m; i++) {
                double d2f = fps[i + 1] - 2 * fps[i] + fps[i - 1];
                double d2t = tps[i + 1] - 2 * tps[i] + tps[i - 1];
                if (d2f != 0 || d2t != 0) {
                    keep[k++] = i;
                }
            }
            keep[k++] = m - 1;
            double[] f2 = new double[k];
            double[] t2 = new double[k];
            for (int i = 0; i < k; i++) {
                f2[i] = fps[keep[i]];
                t2[i] = tps[keep[i]];
            }
            fps = f2;
            tps = t2;
            m = k;
        }
        double[] fpr = new double[m + 1];
        double[] tpr = new double[m + 1];
        for (int i = 0; i < m; i++) {
            fpr[i + 1] = fps[i] / fps[m - 1];
            tpr[i + 1] = tps[i] / tps[m - 1];
        }
        return trapezoid(tpr, fpr);
    }

    /** {@code auc(x, y)}: {@code np.trapz(y, x)}, with the direction check of scikit-learn's {@code auc}. */
    static double trapezoid(double[] y, double[] x) {
        int n = x.length;
        double[] terms = new double[n - 1];
        boolean anyNeg = false;
        boolean allNonPos = true;
        for (int i = 0; i + 1 < n; i++) {
            double d = x[i + 1] - x[i];
            anyNeg |= d < 0;
            allNonPos &= d <= 0;
            terms[i] = d * (y[i + 1] + y[i]) / 2.0;
        }
        double direction = 1.0;
        if (anyNeg) {
            if (!allNonPos) {
                throw new IllegalArgumentException("x is neither increasing nor decreasing : " + Arrays.toString(x) + ".");
            }
            direction = -1.0;
        }
        return direction * NumpySum.sum(terms);
    }
}
