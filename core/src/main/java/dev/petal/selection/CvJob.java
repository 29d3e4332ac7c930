package dev.petal.selection;

import dev.petal.api.Estimator;
import dev.petal.api.HasParallelism;
import dev.petal.api.HasParams;
import dev.petal.api.Parallelism;
import dev.petal.api.RegressorEstimator;
import dev.petal.linalg.RowSource;
import dev.petal.metrics.Scorer;
import java.util.Map;
import java.util.Objects;

/**
 * What every {@link CvTask} of one cross-validation shares: the base estimator, the data, the scorer
 * and the failure policy. {@link #evaluate} runs one task on the calling thread, as scikit-learn's
 * {@code _fit_and_score} does. A {@link Classification} job has class labels (folds stratified by them
 * for {@code cv=k}); a {@link Regression} job has real targets (plain {@code KFold}).
 *
 * @param <M> the fitted model type
 */
public sealed interface CvJob<M> permits CvJob.Classification, CvJob.Regression {
    /** The base estimator ({@link Estimator} or {@link RegressorEstimator}); each task sets its parameters on a copy. */
    Object estimator();

    /** All rows: a dense {@code Matrix}, or a {@code CsrMatrix} whose folds are row subsets in order (scikit-learn's {@code _safe_indexing}). */
    RowSource x();

    /** The class labels of the rows, or null for a regression's real targets. */
    int[] labels();

    /** The scoring rule. */
    Scorer scorer();

    /** Whether training rows are scored too. */
    boolean returnTrainScore();

    /** What a failing fit or scoring is worth. */
    ErrorScore errorScore();

    /**
     * This job with every fit limited to {@code parallelism} threads (for estimators that take a thread
     * count), so that units running side by side share the cores instead of each taking them all.
     */
    CvJob<M> withFitParallelism(Parallelism parallelism);

    /** Fits the base estimator with {@code params} set on the rows {@code rows} (all rows for null). */
    M fit(Map<String, Object> params, int[] rows);

    /** The score of {@code model} on the rows {@code rows}. */
    double score(M model, int[] rows);

    /** Fits on all rows with {@code params} (the refit of the best candidate). */
    default M fit(Map<String, Object> params) {
        return fit(params, null);
    }

    /**
     * Runs one task: fit on its training rows, score on its test rows (and training rows if asked).
     * A failure becomes {@code error_score} with its reason, unless {@code error_score='raise'}.
     *
     * @throws java.util.concurrent.CancellationException if the thread was interrupted meanwhile
     */
    default CvOutcome evaluate(CvTask task) {
        long start = System.nanoTime();
        M model;
        try {
            model = fit(task.params(), task.train());
        } catch (RuntimeException e) {
            CvUnits.checkInterrupted(e);
            if (errorScore().raises()) {
                throw e;
            }
            double fitTime = CvUnits.seconds(System.nanoTime() - start);
            return new CvOutcome(task.candidate(), task.fold(), errorScore().value(),
                    returnTrainScore() ? errorScore().value() : Double.NaN, fitTime, 0.0, CvUnits.describe(e), null);
        }
        long fitted = System.nanoTime();
        String failure = null;
        double test;
        try {
            test = score(model, task.test());
        } catch (RuntimeException e) {
            CvUnits.checkInterrupted(e);
            if (errorScore().raises()) {
                throw e;
            }
            test = errorScore().value();
            failure = CvUnits.describe(e);
        }
        long scored = System.nanoTime();
        double train = Double.NaN;
        if (returnTrainScore()) {
            try {
                train = score(model, task.train());
            } catch (RuntimeException e) {
                CvUnits.checkInterrupted(e);
                if (errorScore().raises()) {
                    throw e;
                }
                train = errorScore().value();
            }
        }
        return new CvOutcome(task.candidate(), task.fold(), test, train, CvUnits.seconds(fitted - start),
                CvUnits.seconds(scored - fitted), null, failure);
    }

    /** A job over class labels. */
    static <M> Classification<M> of(Estimator<M> estimator, RowSource x, int[] y, Scorer scorer, boolean returnTrainScore,
                                    ErrorScore errorScore) {
        return new Classification<>(estimator, x, y, scorer, returnTrainScore, errorScore);
    }

    /** A job over real targets. */
    static <M> Regression<M> of(RegressorEstimator<M> estimator, RowSource x, double[] y, Scorer scorer,
                                boolean returnTrainScore, ErrorScore errorScore) {
        return new Regression<>(estimator, x, y, scorer, returnTrainScore, errorScore);
    }

    /**
     * Cross-validation of a classifier.
     *
     * @param estimator        the base estimator
     * @param x                all rows
     * @param y                all labels
     * @param scorer           the scoring rule
     * @param returnTrainScore whether training rows are scored too
     * @param errorScore       what a failing fit or scoring is worth
     * @param <M>              the fitted model type
     */
    record Classification<M>(Estimator<M> estimator, RowSource x, int[] y, Scorer scorer, boolean returnTrainScore,
                             ErrorScore errorScore) implements CvJob<M> {
        /** Refuses nulls and inconsistent lengths. */
        public Classification {
            Objects.requireNonNull(estimator, "estimator");
            CvUnits.check(x, y == null ? -1 : y.length, scorer, errorScore);
        }

        @Override
        public int[] labels() {
            return y;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Classification<M> withFitParallelism(Parallelism parallelism) {
            if (!(estimator instanceof HasParallelism h)) {
                return this;
            }
            return new Classification<>((Estimator<M>) h.withParallelism(parallelism), x, y, scorer, returnTrainScore,
                    errorScore);
        }

        @Override
        @SuppressWarnings("unchecked")
        public M fit(Map<String, Object> params, int[] rows) {
            Estimator<M> e = (Estimator<M>) CvUnits.configure(estimator, params);
            return rows == null ? CvUnits.fit(e, x, y) : CvUnits.fit(e, x.selectRows(rows), CvUnits.take(y, rows));
        }

        @Override
        public double score(M model, int[] rows) {
            return scorer.score(model, x.selectRows(rows), CvUnits.take(y, rows));
        }
    }

    /**
     * Cross-validation of a regressor.
     *
     * @param estimator        the base estimator
     * @param x                all rows
     * @param y                all real targets
     * @param scorer           the scoring rule
     * @param returnTrainScore whether training rows are scored too
     * @param errorScore       what a failing fit or scoring is worth
     * @param <M>              the fitted model type
     */
    record Regression<M>(RegressorEstimator<M> estimator, RowSource x, double[] y, Scorer scorer, boolean returnTrainScore,
                         ErrorScore errorScore) implements CvJob<M> {
        /** Refuses nulls and inconsistent lengths. */
        public Regression {
            Objects.requireNonNull(estimator, "estimator");
            CvUnits.check(x, y == null ? -1 : y.length, scorer, errorScore);
        }

        @Override
        public int[] labels() {
            return null;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Regression<M> withFitParallelism(Parallelism parallelism) {
            if (!(estimator instanceof HasParallelism h)) {
                return this;
            }
            return new Regression<>((RegressorEstimator<M>) h.withParallelism(parallelism), x, y, scorer,
                    returnTrainScore, errorScore);
        }

        @Override
        @SuppressWarnings("unchecked")
        public M fit(Map<String, Object> params, int[] rows) {
            RegressorEstimator<M> e = (RegressorEstimator<M>) CvUnits.configure(estimator, params);
            return rows == null ? CvUnits.fit(e, x, y) : CvUnits.fit(e, x.selectRows(rows), CvUnits.take(y, rows));
        }

        @Override
        public double score(M model, int[] rows) {
            return scorer.score(model, x.selectRows(rows), CvUnits.take(y, rows));
        }
    }
}
