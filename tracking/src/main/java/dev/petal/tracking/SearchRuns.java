package dev.petal.tracking;

import dev.petal.selection.CvResults;
import dev.petal.selection.SearchResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records a finished GridSearchCV / RandomizedSearchCV in the run history the way a sweep shows there:
 * one child run per candidate (its parameters as params; {@code mean_test_score}, {@code std_test_score},
 * {@code rank_test_score}, each {@code split<k>_test_score} and the mean fit and score times as
 * metrics), and on the parent the search's {@code best_score}, {@code best_index} and {@code best_<name>}
 * parameters.
 */
public final class SearchRuns {
    private SearchRuns() {
    }

    /**
     * Logs {@code result} under {@code parent} (which stays running) and returns the best candidate's child run.
     *
     * @param parent the run the search belongs to
     * @param result the search's result
     */
    public static Run log(Run parent, SearchResult<?> result) {
        CvResults r = result.cvResults();
        double[] mean = r.meanTestScore();
        double[] std = r.stdTestScore();
        int[] rank = r.rankTestScore();
        double[] fit = r.meanFitTime();
        double[] score = r.meanScoreTime();
        double[] train = r.meanTrainScore();
        Run best = null;
        for (int i = 0; i < r.nCandidates(); i++) {
            Run child = parent.child("candidate " + i);
            try {
                child.logParams(r.params().get(i));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("mean_test_score", mean[i]);
                m.put("std_test_score", std[i]);
                m.put("rank_test_score", rank[i]);
                for (int k = 0; k < r.nSplits(); k++) {
                    m.put("split" + k + "_test_score", r.splitTestScore(k)[i]);
                }
                if (train != null) {
                    m.put("mean_train_score", train[i]);
                }
                m.put("mean_fit_time", fit[i]);
                m.put("mean_score_time", score[i]);
                child.logMetrics(finite(m));
                child.tag("scoring", result.scoring());
                child.complete();
            } catch (RuntimeException e) {
                child.fail(e);
                throw e;
            }
            if (i == result.bestIndex()) {
                best = child;
            }
        }
        Map<String, Object> params = new LinkedHashMap<>();
        result.bestParams().forEach((k, v) -> params.put("best_" + k, v));
        if (!params.isEmpty()) {
            parent.logParams(params);
        }
        parent.log("best_score", result.bestScore());
        parent.log("best_index", result.bestIndex());
        parent.tag("scoring", result.scoring());
        return best;
    }

    /** Metrics without NaN or infinite values (a candidate whose fits failed has no score to log). */
    private static Map<String, Object> finite(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (!(v instanceof Double d) || Double.isFinite(d)) {
                out.put(k, v);
            }
        });
        return out;
    }
}
