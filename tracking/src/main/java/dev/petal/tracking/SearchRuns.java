package dev.petal.tracking;

import dev.petal.selection.CandidateListener;
import dev.petal.selection.CvResults;
import dev.petal.selection.SearchResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Records a GridSearchCV / RandomizedSearchCV in the run history the way a sweep shows there: one child
 * run per candidate (its parameters as params; {@code mean_test_score}, {@code std_test_score}, each
 * {@code split<k>_test_score} and the mean fit and score times as metrics, then {@code rank_test_score}),
 * and on the parent the search's {@code best_score}, {@code best_index} and {@code best_<name>} parameters.
 *
 * <p>Live: pass {@link #live(Run)} as the search's {@link CandidateListener}
 * ({@code CvOptions.withListener}) and each candidate becomes a completed child run as soon as its folds
 * are done; {@link Live#finish(SearchResult)} then adds the ranks and the parent's best. Or, after the
 * fact, {@link #log(Run, SearchResult)} records a finished search at once.
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
        Live live = live(parent, result.scoring());
        CvResults r = result.cvResults();
        for (int i = 0; i < r.nCandidates(); i++) {
            live.candidateDone(i, r.candidate(i));
        }
        return live.finish(result);
    }

    /**
     * A listener that records each candidate of a search under {@code parent} as a child run when it is done.
     *
     * @param parent  the run the search belongs to (it stays running)
     * @param scoring the scorer's name, tagged on each child
     */
    public static Live live(Run parent, String scoring) {
        return new Live(parent, scoring);
    }

    /** Records candidates as child runs as they finish; {@link #finish} completes the record. */
    public static final class Live implements CandidateListener {
        private final Run parent;
        private final String scoring;
        private final Map<Integer, Run> children = new LinkedHashMap<>();

        private Live(Run parent, String scoring) {
            this.parent = Objects.requireNonNull(parent, "parent");
            this.scoring = scoring;
        }

        /** Creates candidate {@code index}'s child run with its parameters and scores, and completes it. */
        @Override
        public synchronized void candidateDone(int index, CvResults r) {
            if (children.containsKey(index)) {
                return;
            }
            Run child = parent.child("candidate " + index);
            try {
                child.logParams(r.params().get(0));
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("mean_test_score", r.meanTestScore()[0]);
                m.put("std_test_score", r.stdTestScore()[0]);
                for (int k = 0; k < r.nSplits(); k++) {
                    m.put("split" + k + "_test_score", r.splitTestScore(k)[0]);
                }
                if (r.meanTrainScore() != null) {
                    m.put("mean_train_score", r.meanTrainScore()[0]);
                }
                m.put("mean_fit_time", r.meanFitTime()[0]);
                m.put("mean_score_time", r.meanScoreTime()[0]);
                child.logMetrics(finite(m));
                if (scoring != null) {
                    child.tag("scoring", scoring);
                }
                child.tag("candidate", Integer.toString(index));
                child.complete();
            } catch (RuntimeException e) {
                child.fail(e);
                throw e;
            }
            children.put(index, child);
        }

        /** The child runs recorded so far, by candidate index. */
        public synchronized Map<Integer, Run> children() {
            return Map.copyOf(children);
        }

        /**
         * Once the search returned: logs each child's {@code rank_test_score} (creating the child of any candidate
         * not recorded yet) and the parent's best; returns the best candidate's child run.
         */
        public synchronized Run finish(SearchResult<?> result) {
            CvResults r = result.cvResults();
            int[] rank = r.rankTestScore();
            for (int i = 0; i < r.nCandidates(); i++) {
                if (!children.containsKey(i)) {
                    candidateDone(i, r.candidate(i));
                }
                children.get(i).log("rank_test_score", rank[i]);
            }
            Map<String, Object> params = new LinkedHashMap<>();
            result.bestParams().forEach((k, v) -> params.put("best_" + k, v));
            if (!params.isEmpty()) {
                parent.logParams(params);
            }
            parent.log("best_score", result.bestScore());
            parent.log("best_index", result.bestIndex());
            parent.tag("scoring", result.scoring());
            return children.get(result.bestIndex());
        }
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
