package dev.petal.selection;

import dev.petal.api.Estimator;
import dev.petal.api.RegressorEstimator;
import dev.petal.linalg.RowSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * scikit-learn's {@code RandomizedSearchCV}: {@code nIter} candidates drawn by {@link ParameterSampler}
 * with {@code random_state}, then cross-validated, ranked and refitted as {@link GridSearchCV} does.
 *
 * @param estimator     the base estimator: an {@link Estimator} (class labels) or a {@link RegressorEstimator} (real targets)
 * @param distributions the sub-grids of parameter distributions
 * @param nIter         the number of candidates ({@code n_iter}, scikit-learn's default 10)
 * @param randomState   the seed of the draws
 * @param options       cv, scoring, error_score, return_train_score, refit, backend
 * @param <M>           the fitted model type
 */
public record RandomizedSearchCV<M>(Object estimator, List<Map<String, ParamDistribution>> distributions, int nIter,
                                    long randomState, CvOptions options) {
    /** Copies the distributions and refuses nulls. */
    public RandomizedSearchCV {
        Searches.checkEstimator("RandomizedSearchCV", estimator);
        distributions = List.copyOf(distributions.stream().map(Map::copyOf).toList());
        Objects.requireNonNull(options, "options");
    }

    /** {@code RandomizedSearchCV(estimator, distributions, n_iter=nIter, random_state=seed)} with default options. */
    // Estimator and RegressorEstimator are both single-method interfaces, so a lambda would match either of()
    // (javac's "potentially ambiguous"); the estimators are records that implement exactly one of them.
    @SuppressWarnings("overloads")
    public static <M> RandomizedSearchCV<M> of(Estimator<M> estimator, Map<String, ParamDistribution> distributions,
                                               int nIter, long seed) {
        return new RandomizedSearchCV<>(estimator, List.of(distributions), nIter, seed, CvOptions.defaults());
    }

    /** {@code RandomizedSearchCV(regressor, distributions, n_iter=nIter, random_state=seed)} with default options. */
    @SuppressWarnings("overloads")   // see the Estimator overload above
    public static <M> RandomizedSearchCV<M> of(RegressorEstimator<M> estimator, Map<String, ParamDistribution> distributions,
                                               int nIter, long seed) {
        return new RandomizedSearchCV<>(estimator, List.of(distributions), nIter, seed, CvOptions.defaults());
    }

    /** A copy with {@code options}. */
    public RandomizedSearchCV<M> withOptions(CvOptions options) {
        return new RandomizedSearchCV<>(estimator, distributions, nIter, randomState, options);
    }

    /** Runs the search on rows {@code x} (dense, or CSR for an estimator that takes sparse input) with class labels {@code y}. */
    public SearchResult<M> fit(RowSource x, int[] y) {
        List<String> warnings = new ArrayList<>();
        List<Map<String, Object>> candidates = ParameterSampler.sample(distributions, nIter, randomState, warnings);
        return SearchResult.run(Searches.job(estimator, x, y, options), candidates, options, warnings);
    }

    /** Runs the search of a regressor on rows {@code x} (dense or CSR) with real targets {@code y}. */
    public SearchResult<M> fit(RowSource x, double[] y) {
        List<String> warnings = new ArrayList<>();
        List<Map<String, Object>> candidates = ParameterSampler.sample(distributions, nIter, randomState, warnings);
        return SearchResult.run(Searches.job(estimator, x, y, options), candidates, options, warnings);
    }
}
