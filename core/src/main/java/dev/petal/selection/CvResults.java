package dev.petal.selection;

import dev.petal.numeric.NumpySum;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A search's {@code cv_results_}: per candidate, its parameters, its score on each split, their mean,
 * standard deviation and rank, and the fit and score times, computed as scikit-learn's
 * {@code _format_results} computes them (numpy's summation order, ranks by {@code rankdata(method='min')}
 * with NaN means ranked last). {@link #asMap()} gives scikit-learn's keys.
 */
public final class CvResults {
    private final List<Map<String, Object>> params;
    private final int nSplits;
    private final double[][] test;
    private final double[][] train;
    private final double[][] fitTime;
    private final double[][] scoreTime;

    CvResults(List<Map<String, Object>> params, CvOutcome[][] outcomes, boolean withTrain) {
        this.params = List.copyOf(params);
        int n = outcomes.length;
        this.nSplits = outcomes[0].length;
        test = new double[n][nSplits];
        train = withTrain ? new double[n][nSplits] : null;
        fitTime = new double[n][nSplits];
        scoreTime = new double[n][nSplits];
        for (int c = 0; c < n; c++) {
            for (int f = 0; f < nSplits; f++) {
                CvOutcome o = outcomes[c][f];
                test[c][f] = o.testScore();
                if (withTrain) {
                    train[c][f] = o.trainScore();
                }
                fitTime[c][f] = o.fitTime();
                scoreTime[c][f] = o.scoreTime();
            }
        }
    }

    private CvResults(List<Map<String, Object>> params, int nSplits, double[][] test, double[][] train, double[][] fitTime,
                      double[][] scoreTime) {
        this.params = params;
        this.nSplits = nSplits;
        this.test = test;
        this.train = train;
        this.fitTime = fitTime;
        this.scoreTime = scoreTime;
    }

    /** Candidate {@code i}'s row alone: a one-candidate result with its parameters, split scores and times. */
    public CvResults candidate(int i) {
        java.util.Objects.checkIndex(i, params.size());
        return new CvResults(List.of(params.get(i)), nSplits, new double[][] {test[i].clone()},
                train == null ? null : new double[][] {train[i].clone()}, new double[][] {fitTime[i].clone()},
                new double[][] {scoreTime[i].clone()});
    }

    /** The candidates' parameters, in search order ({@code cv_results_['params']}). */
    public List<Map<String, Object>> params() {
        return params;
    }

    /** The number of candidates. */
    public int nCandidates() {
        return params.size();
    }

    /** The number of cross-validation splits. */
    public int nSplits() {
        return nSplits;
    }

    /** {@code split<k>_test_score}: each candidate's score on split k. */
    public double[] splitTestScore(int k) {
        return column(test, k);
    }

    /** {@code split<k>_train_score}, or null when train scores were not asked for. */
    public double[] splitTrainScore(int k) {
        return train == null ? null : column(train, k);
    }

    /** {@code mean_test_score}. */
    public double[] meanTestScore() {
        return means(test);
    }

    /** {@code std_test_score}. */
    public double[] stdTestScore() {
        return stds(test);
    }

    /** {@code rank_test_score}: 1 for the best mean; ties share the smallest rank; NaN means rank last. */
    public int[] rankTestScore() {
        return rank(meanTestScore());
    }

    /** {@code mean_train_score}, or null. */
    public double[] meanTrainScore() {
        return train == null ? null : means(train);
    }

    /** {@code std_train_score}, or null. */
    public double[] stdTrainScore() {
        return train == null ? null : stds(train);
    }

    /** {@code mean_fit_time} in seconds. */
    public double[] meanFitTime() {
        return means(fitTime);
    }

    /** {@code std_fit_time} in seconds. */
    public double[] stdFitTime() {
        return stds(fitTime);
    }

    /** {@code mean_score_time} in seconds. */
    public double[] meanScoreTime() {
        return means(scoreTime);
    }

    /** {@code std_score_time} in seconds. */
    public double[] stdScoreTime() {
        return stds(scoreTime);
    }

    /** The index of the best candidate ({@code best_index_}): the first with rank 1. */
    public int bestIndex() {
        int[] r = rankTestScore();
        int best = 0;
        for (int i = 1; i < r.length; i++) {
            if (r[i] < r[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * {@code cv_results_} under scikit-learn's keys and in its order: {@code mean_fit_time},
     * {@code std_fit_time}, {@code mean_score_time}, {@code std_score_time}, {@code param_<name>} (null where a
     * candidate lacks the name, numpy's masked entry), {@code params}, {@code split<k>_test_score},
     * {@code mean_test_score}, {@code std_test_score}, {@code rank_test_score}, then the train keys if any.
     */
    public Map<String, List<?>> asMap() {
        Map<String, List<?>> m = new LinkedHashMap<>();
        m.put("mean_fit_time", boxed(meanFitTime()));
        m.put("std_fit_time", boxed(stdFitTime()));
        m.put("mean_score_time", boxed(meanScoreTime()));
        m.put("std_score_time", boxed(stdScoreTime()));
        Set<String> names = new LinkedHashSet<>();
        params.forEach(p -> names.addAll(p.keySet()));
        for (String name : names) {
            List<Object> col = new ArrayList<>();
            for (Map<String, Object> p : params) {
                col.add(p.get(name));
            }
            m.put("param_" + name, Collections.unmodifiableList(col));
        }
        m.put("params", params);
        for (int k = 0; k < nSplits; k++) {
            m.put("split" + k + "_test_score", boxed(splitTestScore(k)));
        }
        m.put("mean_test_score", boxed(meanTestScore()));
        m.put("std_test_score", boxed(stdTestScore()));
        m.put("rank_test_score", Arrays.stream(rankTestScore()).boxed().toList());
        if (train != null) {
            for (int k = 0; k < nSplits; k++) {
                m.put("split" + k + "_train_score", boxed(splitTrainScore(k)));
            }
            m.put("mean_train_score", boxed(meanTrainScore()));
            m.put("std_train_score", boxed(stdTrainScore()));
        }
        return Collections.unmodifiableMap(m);
    }

    private static List<Double> boxed(double[] a) {
        return Arrays.stream(a).boxed().toList();
    }

    private static double[] column(double[][] a, int k) {
        if (k < 0 || k >= a[0].length) {
            throw new IndexOutOfBoundsException("split " + k + " of " + a[0].length);
        }
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i][k];
        }
        return out;
    }

    /** {@code np.average(a, axis=1)}: each row's numpy sum divided by its length. */
    static double[] means(double[][] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = NumpySum.sum(a[i]) / a[i].length;
        }
        return out;
    }

    /** {@code np.sqrt(np.average((a - mean[:, None]) ** 2, axis=1))}. */
    static double[] stds(double[][] a) {
        double[] mean = means(a);
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double[] sq = new double[a[i].length];
            for (int j = 0; j < sq.length; j++) {
                double d = a[i][j] - mean[i];
                sq[j] = d * d;
            }
            out[i] = Math.sqrt(NumpySum.sum(sq) / sq.length);
        }
        return out;
    }

    /** {@code rankdata(-means, method='min')} after numpy's {@code nan_to_num(nan=nanmin - 1)}; all NaN ranks all 1. */
    static int[] rank(double[] means) {
        int n = means.length;
        double min = Double.POSITIVE_INFINITY;
        boolean any = false;
        for (double v : means) {
            if (!Double.isNaN(v)) {
                any = true;
                min = Math.min(min, v);
            }
        }
        int[] r = new int[n];
        if (!any) {
            Arrays.fill(r, 1);
            return r;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Double.isNaN(means[i]) ? min - 1 : means[i];
        }
        for (int i = 0; i < n; i++) {
            int greater = 0;
            for (int j = 0; j < n; j++) {
                if (-v[j] < -v[i]) {
                    greater++;
                }
            }
            r[i] = greater + 1;
        }
        return r;
    }
}
