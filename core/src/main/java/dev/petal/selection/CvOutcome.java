package dev.petal.selection;

/**
 * What one {@link CvTask} gave: its test (and train) score, its fit and score times in seconds, and
 * the failures that replaced scores by {@code error_score}, if any.
 *
 * @param candidate  the candidate's index
 * @param fold       the fold's index
 * @param testScore  the score on the test rows
 * @param trainScore the score on the training rows, NaN when train scores were not asked for
 * @param fitTime    seconds spent fitting
 * @param scoreTime  seconds spent scoring the test rows
 * @param fitError   one line saying why the fit failed (the scores are then {@code error_score}), or null
 * @param scoreError one line saying why the scoring failed (that score is then {@code error_score}), or null
 */
public record CvOutcome(int candidate, int fold, double testScore, double trainScore, double fitTime, double scoreTime,
                        String fitError, String scoreError) {
}
