package dev.petal.selection;

import dev.petal.api.Estimator;
import dev.petal.api.RegressorEstimator;
import dev.petal.linalg.RowSource;
import java.util.Objects;

/** What GridSearchCV and RandomizedSearchCV share: the estimator's kind checked, the job built for the target's kind. */
final class Searches {
    private Searches() {
    }

    static void checkEstimator(String owner, Object estimator) {
        Objects.requireNonNull(estimator, "estimator");
        if (!(estimator instanceof Estimator<?>) && !(estimator instanceof RegressorEstimator<?>)) {
            throw new IllegalArgumentException(owner + " needs an Estimator (fitted with class labels) or a "
                    + "RegressorEstimator (fitted with real targets); got " + estimator.getClass().getSimpleName() + ".");
        }
    }

    @SuppressWarnings("unchecked")
    static <M> CvJob<M> job(Object estimator, RowSource x, int[] y, CvOptions options) {
        if (!(estimator instanceof Estimator<?> e)) {
            throw new IllegalArgumentException(estimator.getClass().getSimpleName() + " is a regressor: fit the search "
                    + "with real targets (double[] y), not class labels.");
        }
        return CvJob.of((Estimator<M>) e, x, y, CrossValidation.scorer(options.scoring(), false),
                options.returnTrainScore(), options.errorScore());
    }

    @SuppressWarnings("unchecked")
    static <M> CvJob<M> job(Object estimator, RowSource x, double[] y, CvOptions options) {
        if (!(estimator instanceof RegressorEstimator<?> e)) {
            throw new IllegalArgumentException(estimator.getClass().getSimpleName() + " is a classifier: fit the search "
                    + "with class labels (int[] y), not real targets.");
        }
        return CvJob.of((RegressorEstimator<M>) e, x, y, CrossValidation.scorer(options.scoring(), true),
                options.returnTrainScore(), options.errorScore());
    }
}
