package dev.petal.selection;

import java.util.Objects;

/**
 * The settings scikit-learn's {@code cross_validate}, {@code GridSearchCV} and {@code RandomizedSearchCV}
 * share, with its defaults: {@code cv=5} (stratified for classifiers), the estimator's own score
 * (accuracy for a classifier), {@code error_score=np.nan}, no train scores, refit, every core.
 *
 * @param cv               the splitter ({@link Folds} for an int)
 * @param scoring          a scorer name (see {@link dev.petal.metrics.Scorers}), or null for the estimator's own score
 * @param errorScore       what a failing fit or scoring is worth
 * @param returnTrainScore whether training rows are scored too
 * @param refit            whether a search refits the best candidate on all rows
 * @param backend          where the units run
 * @param listener         told about each candidate as soon as it is done, or null
 */
public record CvOptions(CvSplitter cv, String scoring, ErrorScore errorScore, boolean returnTrainScore, boolean refit,
                        CvBackend backend, CandidateListener listener) {
    /** Refuses nulls (scoring and listener may be null). */
    public CvOptions {
        Objects.requireNonNull(cv, "cv");
        Objects.requireNonNull(errorScore, "errorScore");
        Objects.requireNonNull(backend, "backend");
    }

    /** scikit-learn's defaults, running on every local core. */
    public static CvOptions defaults() {
        return new CvOptions(Folds.DEFAULT, null, ErrorScore.nan(), false, true, LocalBackend.allCores(), null);
    }

    /** A copy with {@code cv=k}. */
    public CvOptions withCv(int k) {
        return withCv(new Folds(k));
    }

    /** A copy with a splitter. */
    public CvOptions withCv(CvSplitter cv) {
        return new CvOptions(cv, scoring, errorScore, returnTrainScore, refit, backend, listener);
    }

    /** A copy with a scorer name (null for the estimator's own score). */
    public CvOptions withScoring(String scoring) {
        return new CvOptions(cv, scoring, errorScore, returnTrainScore, refit, backend, listener);
    }

    /** A copy with {@code error_score}. */
    public CvOptions withErrorScore(ErrorScore errorScore) {
        return new CvOptions(cv, scoring, errorScore, returnTrainScore, refit, backend, listener);
    }

    /** A copy with {@code return_train_score}. */
    public CvOptions withReturnTrainScore(boolean returnTrainScore) {
        return new CvOptions(cv, scoring, errorScore, returnTrainScore, refit, backend, listener);
    }

    /** A copy with {@code refit}. */
    public CvOptions withRefit(boolean refit) {
        return new CvOptions(cv, scoring, errorScore, returnTrainScore, refit, backend, listener);
    }

    /** A copy running at most {@code nJobs} units at once on local threads. */
    public CvOptions withNJobs(int nJobs) {
        return withBackend(new LocalBackend(nJobs));
    }

    /** A copy running on {@code backend}. */
    public CvOptions withBackend(CvBackend backend) {
        return new CvOptions(cv, scoring, errorScore, returnTrainScore, refit, backend, listener);
    }

    /** A copy that tells {@code listener} about each candidate as soon as all its folds are done (null: nobody). */
    public CvOptions withListener(CandidateListener listener) {
        return new CvOptions(cv, scoring, errorScore, returnTrainScore, refit, backend, listener);
    }
}
