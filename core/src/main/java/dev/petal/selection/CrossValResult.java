package dev.petal.selection;

import java.util.List;

/**
 * What {@code cross_validate} returns: per split, the test score, the train score (null unless asked
 * for), and the fit and score times in seconds; plus the warnings scikit-learn would have issued.
 *
 * @param testScore  {@code test_score}
 * @param trainScore {@code train_score}, or null
 * @param fitTime    {@code fit_time}
 * @param scoreTime  {@code score_time}
 * @param warnings   warnings (failed fits, too small classes), one line each
 */
public record CrossValResult(double[] testScore, double[] trainScore, double[] fitTime, double[] scoreTime,
                             List<String> warnings) {
    /** Copies the arrays and the list. */
    public CrossValResult {
        testScore = testScore.clone();
        trainScore = trainScore == null ? null : trainScore.clone();
        fitTime = fitTime.clone();
        scoreTime = scoreTime.clone();
        warnings = List.copyOf(warnings);
    }

    @Override
    public double[] testScore() {
        return testScore.clone();
    }

    @Override
    public double[] trainScore() {
        return trainScore == null ? null : trainScore.clone();
    }

    @Override
    public double[] fitTime() {
        return fitTime.clone();
    }

    @Override
    public double[] scoreTime() {
        return scoreTime.clone();
    }
}
