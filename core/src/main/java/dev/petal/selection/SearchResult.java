package dev.petal.selection;

import java.util.List;
import java.util.Map;

/**
 * A fitted search's attributes: {@code cv_results_}, {@code best_index_}, {@code best_params_},
 * {@code best_score_}, the refitted {@code best_estimator_} (null with {@code refit=false}),
 * {@code refit_time_} and the warnings scikit-learn would have issued.
 *
 * @param cvResults     {@code cv_results_}
 * @param bestIndex     {@code best_index_}
 * @param bestParams    {@code best_params_}
 * @param bestScore     {@code best_score_}
 * @param bestEstimator {@code best_estimator_}: the best candidate refitted on all rows, or null
 * @param refitTime     {@code refit_time_} in seconds (0 without refit)
 * @param scoring       the scorer's name ({@code "accuracy"} for the estimator's own score)
 * @param warnings      one line each
 * @param <M>           the fitted model type
 */
public record SearchResult<M>(CvResults cvResults, int bestIndex, Map<String, Object> bestParams, double bestScore,
                              M bestEstimator, double refitTime, String scoring, List<String> warnings) {
    /** Copies the list. */
    public SearchResult {
        warnings = List.copyOf(warnings);
    }

    /** Runs a search: evaluates the candidates, ranks them and refits the best if asked. */
    static <M> SearchResult<M> run(CvJob<M> job, List<Map<String, Object>> candidates, CvOptions options,
                                   List<String> earlyWarnings) {
        Evaluation e = Evaluation.run(job, candidates, options);
        CvResults r = new CvResults(candidates, e.outcomes, options.returnTrainScore());
        List<String> warnings = new java.util.ArrayList<>(earlyWarnings);
        warnings.addAll(e.warnings);
        double[] mean = r.meanTestScore();
        for (double m : mean) {
            if (!Double.isFinite(m)) {
                warnings.add("One or more of the test scores are non-finite: " + java.util.Arrays.toString(mean));
                break;
            }
        }
        int best = r.bestIndex();
        M refitted = null;
        double refitTime = 0.0;
        if (options.refit()) {
            long t0 = System.nanoTime();
            refitted = job.fit(candidates.get(best));
            refitTime = (System.nanoTime() - t0) / 1e9;
        }
        return new SearchResult<>(r, best, candidates.get(best), mean[best], refitted, refitTime, job.scorer().name(), warnings);
    }
}
