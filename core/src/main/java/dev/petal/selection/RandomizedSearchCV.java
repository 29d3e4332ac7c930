package dev.petal.selection;

import dev.petal.api.Classifier;
import dev.petal.api.Estimator;
import dev.petal.linalg.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * scikit-learn's {@code RandomizedSearchCV}: {@code nIter} candidates drawn by {@link ParameterSampler}
 * with {@code random_state}, then cross-validated, ranked and refitted as {@link GridSearchCV} does.
 *
 * @param estimator     the base estimator
 * @param distributions the sub-grids of parameter distributions
 * @param nIter         the number of candidates ({@code n_iter}, scikit-learn's default 10)
 * @param randomState   the seed of the draws
 * @param options       cv, scoring, error_score, return_train_score, refit, backend
 * @param <M>           the fitted model type
 */
public record RandomizedSearchCV<M extends Classifier>(Estimator<M> estimator,
                                                       List<Map<String, ParamDistribution>> distributions, int nIter,
                                                       long randomState, CvOptions options) {
    /** Copies the distributions and refuses nulls. */
    public RandomizedSearchCV {
        Objects.requireNonNull(estimator, "estimator");
        distributions = List.copyOf(distributions.stream().map(Map::copyOf).toList());
        Objects.requireNonNull(options, "options");
    }

    /** {@code RandomizedSearchCV(estimator, distributions, n_iter=nIter, random_state=seed)} with default options. */
    public static <M extends Classifier> RandomizedSearchCV<M> of(Estimator<M> estimator,
                                                                  Map<String, ParamDistribution> distributions, int nIter,
                                                                  long seed) {
        return new RandomizedSearchCV<>(estimator, List.of(distributions), nIter, seed, CvOptions.defaults());
    }

    /** A copy with {@code options}. */
    public RandomizedSearchCV<M> withOptions(CvOptions options) {
        return new RandomizedSearchCV<>(estimator, distributions, nIter, randomState, options);
    }

    /** Runs the search on rows {@code x} with labels {@code y}. */
    public SearchResult<M> fit(Matrix x, int[] y) {
        List<String> warnings = new ArrayList<>();
        List<Map<String, Object>> candidates = ParameterSampler.sample(distributions, nIter, randomState, warnings);
        CvJob<M> job = new CvJob<>(estimator, x, y, CrossValidation.scorer(options.scoring()), options.returnTrainScore(),
                options.errorScore());
        return SearchResult.run(job, candidates, options, warnings);
    }
}
