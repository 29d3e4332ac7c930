package dev.petal.svm;

import dev.petal.check.PyRepr;

/**
 * The kernel coefficient, scikit-learn's {@code gamma}: {@link #scale()} (the default,
 * {@code 1 / (n_features * X.var())}), {@link #auto()} ({@code 1 / n_features}) or a fixed value.
 * The value actually used is resolved at fit and kept on the model.
 */
public sealed interface Gamma permits Gamma.Scale, Gamma.Auto, Gamma.Value {
    /** {@code gamma='scale'}. */
    record Scale() implements Gamma {
        @Override
        public String toString() {
            return "scale";
        }
    }

    /** {@code gamma='auto'}. */
    record Auto() implements Gamma {
        @Override
        public String toString() {
            return "auto";
        }
    }

    /** A fixed gamma, at least 0 (scikit-learn 1.2.1 accepts 0). */
    record Value(double value) implements Gamma {
        /** Refuses negative or NaN values with scikit-learn's text. */
        public Value {
            if (!(value >= 0.0)) {
                throw new IllegalArgumentException("The 'gamma' parameter of SVC must be a str among {'auto', 'scale'} "
                        + "or a float in the range [0.0, inf). Got " + PyRepr.of(value) + " instead.");
            }
        }

        @Override
        public String toString() {
            return PyRepr.of(value);
        }
    }

    /** {@code gamma='scale'}, scikit-learn's default. */
    static Gamma scale() {
        return new Scale();
    }

    /** {@code gamma='auto'}. */
    static Gamma auto() {
        return new Auto();
    }

    /** A fixed gamma (at least 0). */
    static Gamma of(double value) {
        return new Value(value);
    }

    /** Parses {@code "scale"}, {@code "auto"} or a number, as a command line gives it. */
    static Gamma parse(String text) {
        if ("scale".equals(text)) {
            return scale();
        }
        if ("auto".equals(text)) {
            return auto();
        }
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("The 'gamma' parameter of SVC must be a str among {'auto', 'scale'} "
                    + "or a float in the range [0.0, inf). Got " + (text == null ? "None" : "'" + text + "'") + " instead.");
        }
        return of(v);
    }
}
