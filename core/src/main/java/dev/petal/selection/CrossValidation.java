package dev.petal.selection;

import dev.petal.api.Classifier;
import dev.petal.api.Estimator;
import dev.petal.api.RegressorEstimator;
import dev.petal.linalg.RowSource;
import dev.petal.metrics.Scorer;
import dev.petal.metrics.Scorers;
import java.util.List;
import java.util.Map;

/**
 * scikit-learn's {@code cross_val_score} and {@code cross_validate}: the estimator fitted on each
 * training split and scored on its test split, the splits running in parallel on the options' backend.
 * A classifier ({@link Estimator}, class labels) gets stratified folds and accuracy by default; a
 * regressor ({@link RegressorEstimator}, real targets) plain {@code KFold} and R² by default. Rows are a dense
 * {@code Matrix} or a {@code CsrMatrix} (each fold a row subset in order, as scikit-learn's {@code _safe_indexing}
 * takes it) for estimators that take sparse input.
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    /** {@code cross_val_score(estimator, X, y)}: 5 stratified folds, the estimator's accuracy. */
    public static <M extends Classifier> double[] crossValScore(Estimator<M> estimator, RowSource x, int[] y) {
        return crossValidate(estimator, x, y, CvOptions.defaults()).testScore();
    }

    /** {@code cross_val_score(estimator, X, y, cv=..., scoring=..., error_score=...)}. */
    public static <M extends Classifier> double[] crossValScore(Estimator<M> estimator, RowSource x, int[] y, CvOptions options) {
        return crossValidate(estimator, x, y, options).testScore();
    }

    /** {@code cross_validate(estimator, X, y, ...)}: scores, train scores if asked, fit and score times. */
    public static <M extends Classifier> CrossValResult crossValidate(Estimator<M> estimator, RowSource x, int[] y,
                                                                      CvOptions options) {
        return crossValidate(CvJob.of(estimator, x, y, scorer(options.scoring(), false), options.returnTrainScore(),
                options.errorScore()), options);
    }

    /** {@code cross_val_score(regressor, X, y)}: 5 folds ({@code KFold}, no shuffle), the regressor's R². */
    public static <M> double[] crossValScore(RegressorEstimator<M> estimator, RowSource x, double[] y) {
        return crossValidate(estimator, x, y, CvOptions.defaults()).testScore();
    }

    /** {@code cross_val_score(regressor, X, y, cv=..., scoring=..., error_score=...)}. */
    public static <M> double[] crossValScore(RegressorEstimator<M> estimator, RowSource x, double[] y, CvOptions options) {
        return crossValidate(estimator, x, y, options).testScore();
    }

    /** {@code cross_validate(regressor, X, y, ...)}: scores, train scores if asked, fit and score times. */
    public static <M> CrossValResult crossValidate(RegressorEstimator<M> estimator, RowSource x, double[] y, CvOptions options) {
        return crossValidate(CvJob.of(estimator, x, y, scorer(options.scoring(), true), options.returnTrainScore(),
                options.errorScore()), options);
    }

    private static CrossValResult crossValidate(CvJob<?> job, CvOptions options) {
        Evaluation e = Evaluation.run(job, List.of(Map.of()), options);
        CvOutcome[] row = e.outcomes[0];
        int k = row.length;
        double[] test = new double[k];
        double[] train = options.returnTrainScore() ? new double[k] : null;
        double[] fit = new double[k];
        double[] score = new double[k];
        for (int f = 0; f < k; f++) {
            test[f] = row[f].testScore();
            if (train != null) {
                train[f] = row[f].trainScore();
            }
            fit[f] = row[f].fitTime();
            score[f] = row[f].scoreTime();
        }
        return new CrossValResult(test, train, fit, score, e.warnings);
    }

    /**
     * The scorer named {@code scoring}; null is the estimator's own {@code score}: accuracy for a
     * classifier, R² for a regressor.
     */
    static Scorer scorer(String scoring, boolean regression) {
        return Scorers.get(scoring != null ? scoring : regression ? "r2" : "accuracy");
    }
}
