package dev.petal.selection;

/**
 * scikit-learn's {@code error_score}: what a fit (or a scoring) that throws is worth. {@link #nan()}
 * (the default) and {@link #of(double)} record that value and a warning; {@link #raise()} rethrows.
 *
 * @param raises whether a failure is rethrown ({@code error_score='raise'})
 * @param value the score recorded for a failure when not raising
 */
public record ErrorScore(boolean raises, double value) {
    /** {@code error_score=np.nan}, scikit-learn's default. */
    public static ErrorScore nan() {
        return new ErrorScore(false, Double.NaN);
    }

    /** {@code error_score='raise'}. */
    public static ErrorScore raise() {
        return new ErrorScore(true, Double.NaN);
    }

    /** {@code error_score=value}. */
    public static ErrorScore of(double value) {
        return new ErrorScore(false, value);
    }

    /** Parses {@code raise}, {@code nan} or a number, as a command line gives it. */
    public static ErrorScore parse(String text) {
        if ("raise".equals(text)) {
            return raise();
        }
        if ("nan".equalsIgnoreCase(text)) {
            return nan();
        }
        try {
            return of(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("error_score must be 'raise' or a numeric value. (Hint: if using 'raise', "
                    + "please make sure that it has been spelled correctly.) Got '" + text + "'.");
        }
    }
}
