package dev.petal.selection;

import dev.petal.api.Estimator;
import dev.petal.api.HasParallelism;
import dev.petal.api.HasParams;
import dev.petal.api.Parallelism;
import dev.petal.linalg.Matrix;
import dev.petal.metrics.Scorer;
import java.util.Map;
import java.util.Objects;

/**
 * What every {@link CvTask} of one cross-validation shares: the base estimator, the data, the scorer
 * and the failure policy. {@link #evaluate} runs one task on the calling thread, as scikit-learn's
 * {@code _fit_and_score} does.
 *
 * @param estimator        the base estimator; each task sets its own parameters on a copy
 * @param x                all rows
 * @param y                all labels
 * @param scorer           the scoring rule
 * @param returnTrainScore whether training rows are scored too
 * @param errorScore       what a failing fit or scoring is worth
 * @param <M>              the fitted model type
 */
public record CvJob<M>(Estimator<M> estimator, Matrix x, int[] y, Scorer scorer, boolean returnTrainScore,
                       ErrorScore errorScore) {
    /** Refuses nulls and inconsistent lengths. */
    public CvJob {
        Objects.requireNonNull(estimator, "estimator");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(errorScore, "errorScore");
        dev.petal.check.Check.consistentLength(x.rows(), y.length);
    }

    /**
     * This job with every fit limited to {@code parallelism} threads (for estimators that take a thread
     * count), so that units running side by side share the cores instead of each taking them all.
     */
    @SuppressWarnings("unchecked")
    public CvJob<M> withFitParallelism(Parallelism parallelism) {
        if (!(estimator instanceof HasParallelism h)) {
            return this;
        }
        return new CvJob<>((Estimator<M>) h.withParallelism(parallelism), x, y, scorer, returnTrainScore, errorScore);
    }

    /** The base estimator with {@code params} set (the base itself for no parameters). */
    @SuppressWarnings("unchecked")
    public Estimator<M> configure(Map<String, Object> params) {
        if (params.isEmpty()) {
            return estimator;
        }
        if (!(estimator instanceof HasParams h)) {
            throw new IllegalArgumentException(estimator.getClass().getSimpleName()
                    + " does not take parameters by name, so it cannot be searched over.");
        }
        return (Estimator<M>) h.withParams(params);
    }

    /** Fits on all rows with {@code params} (the refit of the best candidate). */
    public M fit(Map<String, Object> params) {
        return configure(params).fit(x, y);
    }

    /**
     * Runs one task: fit on its training rows, score on its test rows (and training rows if asked).
     * A failure becomes {@code error_score} with its reason, unless {@code error_score='raise'}.
     *
     * @throws java.util.concurrent.CancellationException if the thread was interrupted meanwhile
     */
    public CvOutcome evaluate(CvTask task) {
        long start = System.nanoTime();
        M model;
        try {
            Estimator<M> est = configure(task.params());
            model = est.fit(x.selectRows(task.train()), take(y, task.train()));
        } catch (RuntimeException e) {
            checkInterrupted(e);
            if (errorScore.raises()) {
                throw e;
            }
            double fitTime = seconds(System.nanoTime() - start);
            return new CvOutcome(task.candidate(), task.fold(), errorScore.value(),
                    returnTrainScore ? errorScore.value() : Double.NaN, fitTime, 0.0, describe(e), null);
        }
        long fitted = System.nanoTime();
        String failure = null;
        double test;
        try {
            test = scorer.score(model, x.selectRows(task.test()), take(y, task.test()));
        } catch (RuntimeException e) {
            checkInterrupted(e);
            if (errorScore.raises()) {
                throw e;
            }
            test = errorScore.value();
            failure = describe(e);
        }
        long scored = System.nanoTime();
        double train = Double.NaN;
        if (returnTrainScore) {
            try {
                train = scorer.score(model, x.selectRows(task.train()), take(y, task.train()));
            } catch (RuntimeException e) {
                checkInterrupted(e);
                if (errorScore.raises()) {
                    throw e;
                }
                train = errorScore.value();
            }
        }
        return new CvOutcome(task.candidate(), task.fold(), test, train, seconds(fitted - start), seconds(scored - fitted), null, failure);
    }

    private static void checkInterrupted(RuntimeException e) {
        if (Thread.currentThread().isInterrupted()) {
            java.util.concurrent.CancellationException c = new java.util.concurrent.CancellationException("cross-validation was interrupted");
            c.initCause(e);
            throw c;
        }
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + ": " + (m == null ? "" : m.strip().lines().findFirst().orElse(""));
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static int[] take(int[] values, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = values[idx[i]];
        }
        return out;
    }
}
