package dev.petal.metrics;

import dev.petal.check.Check;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Classification metrics computed as scikit-learn 1.2.1 computes them: {@code accuracy_score},
 * {@code confusion_matrix}, {@code precision_recall_fscore_support} (and its precision, recall and F1
 * shorthands) and {@code classification_report}.
 *
 * <p>Where a score divides by zero (a class never predicted, or never true) it is 0.0, scikit-learn's
 * default {@code zero_division="warn"} value; the warning itself is not issued.
 */
public final class Metrics {
    private Metrics() {
    }

    /** {@code accuracy_score(y_true, y_pred)}: the fraction of predictions equal to the truth. */
    public static double accuracy(int[] yTrue, int[] yPred) {
        checkTargets(yTrue, yPred);
        int correct = 0;
        for (int i = 0; i < yTrue.length; i++) {
            if (yTrue[i] == yPred[i]) {
                correct++;
            }
        }
        return (double) correct / yTrue.length;
    }

    /**
     * {@code confusion_matrix(y_true, y_pred)}: entry [i][j] counts samples of true class i predicted as
     * class j, classes being the sorted labels found in either array.
     */
    public static int[][] confusionMatrix(int[] yTrue, int[] yPred) {
        checkTargets(yTrue, yPred);
        return confusionMatrix(yTrue, yPred, uniqueLabels(yTrue, yPred));
    }

    /**
     * {@code confusion_matrix(y_true, y_pred, labels=labels)}: rows and columns in the order of
     * {@code labels}; samples whose true or predicted label is not listed are left out.
     */
    public static int[][] confusionMatrix(int[] yTrue, int[] yPred, int[] labels) {
        Check.consistentLength(yTrue.length, yPred.length);
        if (labels.length == 0) {
            throw new IllegalArgumentException("'labels' should contains at least one label.");
        }
        int n = labels.length;
        int[][] cm = new int[n][n];
        if (yTrue.length == 0) {
            return cm;
        }
        boolean anyTrue = false;
        for (int t : yTrue) {
            anyTrue |= indexOf(labels, t) >= 0;
        }
        if (!anyTrue) {
            throw new IllegalArgumentException("At least one label specified must be in y_true");
        }
        for (int i = 0; i < yTrue.length; i++) {
            int a = indexOf(labels, yTrue[i]);
            int b = indexOf(labels, yPred[i]);
            if (a >= 0 && b >= 0) {
                cm[a][b]++;
            }
        }
        return cm;
    }

    /** {@code precision_score(y_true, y_pred, average=...)}. */
    public static double precision(int[] yTrue, int[] yPred, Average average) {
        return scores(yTrue, yPred, null, average).precision();
    }

    /** {@code recall_score(y_true, y_pred, average=...)}. */
    public static double recall(int[] yTrue, int[] yPred, Average average) {
        return scores(yTrue, yPred, null, average).recall();
    }

    /** {@code f1_score(y_true, y_pred, average=...)}. */
    public static double f1(int[] yTrue, int[] yPred, Average average) {
        return scores(yTrue, yPred, null, average).f1();
    }

    /** {@code precision_recall_fscore_support(y_true, y_pred, average=...)} without the support. */
    public static Scores scores(int[] yTrue, int[] yPred, Average average) {
        return scores(yTrue, yPred, null, average);
    }

    /**
     * {@code precision_recall_fscore_support(y_true, y_pred, labels=labels, average=...)}; {@code labels}
     * null means every label present. Binary averaging ignores {@code labels}, as scikit-learn does.
     */
    public static Scores scores(int[] yTrue, int[] yPred, int[] labels, Average average) {
        checkTargets(yTrue, yPred);
        int[] present = uniqueLabels(yTrue, yPred);
        if (average instanceof Average.Binary b) {
            if (present.length > 2) {
                throw new IllegalArgumentException("Target is multiclass but average='binary'. Please choose another average "
                        + "setting, one of [None, 'micro', 'macro', 'weighted'].");
            }
            if (indexOf(present, b.posLabel()) < 0 && present.length >= 2) {
                throw new IllegalArgumentException("pos_label=" + b.posLabel() + " is not a valid label. It should be one of "
                        + Arrays.stream(present).mapToObj(Integer::toString).collect(Collectors.joining(", ", "[", "]")));
            }
            labels = new int[] {b.posLabel()};
        } else if (labels == null) {
            labels = present;
        }
        Counts c = Counts.of(yTrue, yPred, labels);
        if (average == Average.MICRO) {
            c = c.total();
        }
        double[] p = divide(c.tp, c.pred);
        double[] r = divide(c.tp, c.truth);
        double[] f = fScore(p, r);
        if (average == Average.WEIGHTED) {
            double[] w = new double[c.truth.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = c.truth[i];
            }
            double wSum = pairwiseSum(w);
            if (wSum == 0) {
                return new Scores(0.0, 0.0, 0.0);
            }
            return new Scores(weightedMean(p, w, wSum), weightedMean(r, w, wSum), weightedMean(f, w, wSum));
        }
        return new Scores(mean(p), mean(r), mean(f));
    }

    /** {@code precision_recall_fscore_support(y_true, y_pred, average=None)} for every label present, sorted. */
    public static ClassScores classScores(int[] yTrue, int[] yPred) {
        checkTargets(yTrue, yPred);
        return classScores(yTrue, yPred, uniqueLabels(yTrue, yPred));
    }

    /** {@code precision_recall_fscore_support(y_true, y_pred, labels=labels, average=None)}. */
    public static ClassScores classScores(int[] yTrue, int[] yPred, int[] labels) {
        checkTargets(yTrue, yPred);
        Counts c = Counts.of(yTrue, yPred, labels);
        double[] p = divide(c.tp, c.pred);
        double[] r = divide(c.tp, c.truth);
        int[] support = new int[labels.length];
        for (int i = 0; i < support.length; i++) {
            support[i] = (int) c.truth[i];
        }
        return new ClassScores(labels, p, r, fScore(p, r), support);
    }

    /** {@code classification_report(y_true, y_pred)}: the text table, byte for byte. */
    public static String classificationReport(int[] yTrue, int[] yPred) {
        return ClassificationReport.text(yTrue, yPred, null, null, 2);
    }

    /** {@code classification_report(y_true, y_pred, target_names=targetNames)}. */
    public static String classificationReport(int[] yTrue, int[] yPred, List<String> targetNames) {
        return ClassificationReport.text(yTrue, yPred, null, targetNames, 2);
    }

    /**
     * {@code classification_report(y_true, y_pred, labels=labels, target_names=targetNames, digits=digits)};
     * {@code labels} and {@code targetNames} may be null (scikit-learn's None).
     */
    public static String classificationReport(int[] yTrue, int[] yPred, int[] labels, List<String> targetNames, int digits) {
        return ClassificationReport.text(yTrue, yPred, labels, targetNames, digits);
    }

    /**
     * {@code balanced_accuracy_score(y_true, y_pred)}: the mean of the per-class recalls over the classes
     * present in {@code y_true} (a class only predicted is left out, as scikit-learn leaves it out with a warning).
     */
    public static double balancedAccuracy(int[] yTrue, int[] yPred) {
        checkTargets(yTrue, yPred);
        int[][] c = confusionMatrix(yTrue, yPred);
        double[] perClass = new double[c.length];
        int k = 0;
        for (int i = 0; i < c.length; i++) {
            long rowSum = 0;
            for (int v : c[i]) {
                rowSum += v;
            }
            if (rowSum > 0) {
                perClass[k++] = (double) c[i][i] / (double) rowSum;
            }
        }
        return pairwiseSum(Arrays.copyOf(perClass, k)) / k;
    }

    /**
     * {@code roc_auc_score(y_true, y_score)} for two classes: the area under the ROC curve, the larger
     * label being the positive class and {@code yScore} its score (a decision value or a probability).
     *
     * @throws IllegalArgumentException "multiclass format is not supported" for more than two classes,
     *                                  or when y_true holds only one class
     */
    public static double rocAuc(int[] yTrue, double[] yScore) {
        return RocAuc.score(yTrue, yScore);
    }

    /** The sorted distinct labels of both arrays, scikit-learn's {@code unique_labels}. */
    static int[] uniqueLabels(int[] yTrue, int[] yPred) {
        return java.util.stream.IntStream.concat(Arrays.stream(yTrue), Arrays.stream(yPred)).distinct().sorted().toArray();
    }

    static void checkTargets(int[] yTrue, int[] yPred) {
        Check.consistentLength(yTrue.length, yPred.length);
        if (yTrue.length == 0) {
            throw new IllegalArgumentException("y_true and y_pred are empty: a metric needs at least one sample.");
        }
    }

    static int indexOf(int[] values, int v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private static double[] divide(long[] num, long[] den) {
        double[] out = new double[num.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = den[i] == 0 ? 0.0 : (double) num[i] / (double) den[i];
        }
        return out;
    }

    private static double[] fScore(double[] p, double[] r) {
        double[] f = new double[p.length];
        for (int i = 0; i < f.length; i++) {
            double denom = p[i] + r[i];
            f[i] = 2.0 * p[i] * r[i] / (denom == 0.0 ? 1.0 : denom);
        }
        return f;
    }

    private static double mean(double[] a) {
        return pairwiseSum(a) / a.length;
    }

    private static double weightedMean(double[] a, double[] w, double wSum) {
        double[] prod = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            prod[i] = a[i] * w[i];
        }
        return pairwiseSum(prod) / wSum;
    }

    /** NumPy's pairwise summation of a contiguous float64 array, so sums round exactly as {@code np.sum}. */
    static double pairwiseSum(double[] a) {
        return pairwiseSum(a, 0, a.length);
    }

    private static double pairwiseSum(double[] a, int off, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) {
                res += a[off + i];
            }
            return res;
        }
        if (n <= 128) {
            double[] r = new double[8];
            System.arraycopy(a, off, r, 0, 8);
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[off + i + j];
                }
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[off + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwiseSum(a, off, n2) + pairwiseSum(a, off + n2, n - n2);
    }

    /** True-positive, predicted and true counts per label. */
    private record Counts(long[] tp, long[] pred, long[] truth) {
        static Counts of(int[] yTrue, int[] yPred, int[] labels) {
            int n = labels.length;
            long[] tp = new long[n];
            long[] pred = new long[n];
            long[] truth = new long[n];
            for (int i = 0; i < yTrue.length; i++) {
                int a = indexOf(labels, yTrue[i]);
                int b = indexOf(labels, yPred[i]);
                if (a >= 0) {
                    truth[a]++;
                }
                if (b >= 0) {
                    pred[b]++;
                }
                if (a >= 0 && yTrue[i] == yPred[i]) {
                    tp[a]++;
                }
            }
            return new Counts(tp, pred, truth);
        }

        Counts total() {
            return new Counts(new long[] {Arrays.stream(tp).sum()}, new long[] {Arrays.stream(pred).sum()},
                    new long[] {Arrays.stream(truth).sum()});
        }
    }
}
