package dev.petal.selection;

import dev.petal.api.Estimator;
import dev.petal.api.RegressorEstimator;
import dev.petal.linalg.RowSource;
import java.util.List;
import java.util.Objects;

/**
 * scikit-learn's {@code GridSearchCV}: every candidate of a {@link ParameterGrid}, cross-validated,
 * ranked by mean test score, the best refitted on all rows. Parameter names are the estimator's
 * {@link dev.petal.api.HasParams} names ({@code C}, {@code svc__C} for a Pipeline step). The estimator
 * is a classifier's {@link Estimator} (fitted with class labels, {@code int[]}) or a
 * {@link RegressorEstimator} (fitted with real targets, {@code double[]}).
 *
 * <pre>{@code
 * SearchResult<SVCModel> r = GridSearchCV.of(SVC.defaults(),
 *         ParameterGrid.of(Map.of("C", List.of(0.1, 1, 10), "kernel", List.of("linear", "rbf"))))
 *     .withOptions(CvOptions.defaults().withScoring("f1_macro")).fit(x, y);
 * SearchResult<SVRModel> s = GridSearchCV.of(SVR.defaults(), ParameterGrid.of(Map.of("C", List.of(1, 10))))
 *     .withOptions(CvOptions.defaults().withScoring("neg_mean_squared_error")).fit(x, target);
 * }</pre>
 *
 * @param estimator the base estimator: an {@link Estimator} or a {@link RegressorEstimator}
 * @param grid      the candidates
 * @param options   cv, scoring, error_score, return_train_score, refit, backend
 * @param <M>       the fitted model type
 */
public record GridSearchCV<M>(Object estimator, ParameterGrid grid, CvOptions options) {
    /** Refuses nulls and an estimator that is neither kind. */
    public GridSearchCV {
        Searches.checkEstimator("GridSearchCV", estimator);
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(options, "options");
    }

    /** A search of a classifier over {@code grid} with scikit-learn's default options. */
    // Estimator and RegressorEstimator are both single-method interfaces, so a lambda would match either of()
    // (javac's "potentially ambiguous"); the estimators are records that implement exactly one of them.
    @SuppressWarnings("overloads")
    public static <M> GridSearchCV<M> of(Estimator<M> estimator, ParameterGrid grid) {
        return new GridSearchCV<>(estimator, grid, CvOptions.defaults());
    }

    /** A search of a regressor over {@code grid} with scikit-learn's default options. */
    @SuppressWarnings("overloads")   // see the Estimator overload above
    public static <M> GridSearchCV<M> of(RegressorEstimator<M> estimator, ParameterGrid grid) {
        return new GridSearchCV<>(estimator, grid, CvOptions.defaults());
    }

    /** A copy with {@code options}. */
    public GridSearchCV<M> withOptions(CvOptions options) {
        return new GridSearchCV<>(estimator, grid, options);
    }

    /** Runs the search on rows {@code x} (dense, or CSR for an estimator that takes sparse input) with class labels {@code y}. */
    public SearchResult<M> fit(RowSource x, int[] y) {
        return SearchResult.run(Searches.job(estimator, x, y, options), grid.candidates(), options, List.of());
    }

    /** Runs the search of a regressor on rows {@code x} (dense or CSR) with real targets {@code y}. */
    public SearchResult<M> fit(RowSource x, double[] y) {
        return SearchResult.run(Searches.job(estimator, x, y, options), grid.candidates(), options, List.of());
    }
}
