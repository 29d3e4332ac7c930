package dev.petal.selection;

import dev.petal.api.Classifier;
import dev.petal.api.Estimator;
import dev.petal.linalg.Matrix;
import java.util.List;
import java.util.Objects;

/**
 * scikit-learn's {@code GridSearchCV}: every candidate of a {@link ParameterGrid}, cross-validated,
 * ranked by mean test score, the best refitted on all rows. Parameter names are the estimator's
 * {@link dev.petal.api.HasParams} names ({@code C}, {@code svc__C} for a Pipeline step).
 *
 * <pre>{@code
 * SearchResult<SVCModel> r = GridSearchCV.of(SVC.defaults(),
 *         ParameterGrid.of(Map.of("C", List.of(0.1, 1, 10), "kernel", List.of("linear", "rbf"))))
 *     .withOptions(CvOptions.defaults().withScoring("f1_macro")).fit(x, y);
 * }</pre>
 *
 * @param estimator the base estimator
 * @param grid      the candidates
 * @param options   cv, scoring, error_score, return_train_score, refit, backend
 * @param <M>       the fitted model type
 */
public record GridSearchCV<M extends Classifier>(Estimator<M> estimator, ParameterGrid grid, CvOptions options) {
    /** Refuses nulls. */
    public GridSearchCV {
        Objects.requireNonNull(estimator, "estimator");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(options, "options");
    }

    /** A search over {@code grid} with scikit-learn's default options. */
    public static <M extends Classifier> GridSearchCV<M> of(Estimator<M> estimator, ParameterGrid grid) {
        return new GridSearchCV<>(estimator, grid, CvOptions.defaults());
    }

    /** A copy with {@code options}. */
    public GridSearchCV<M> withOptions(CvOptions options) {
        return new GridSearchCV<>(estimator, grid, options);
    }

    /** Runs the search on rows {@code x} with labels {@code y}. */
    public SearchResult<M> fit(Matrix x, int[] y) {
        CvJob<M> job = new CvJob<>(estimator, x, y, CrossValidation.scorer(options.scoring()), options.returnTrainScore(),
                options.errorScore());
        return SearchResult.run(job, grid.candidates(), options, List.of());
    }
}
