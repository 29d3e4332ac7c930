package dev.petal.tuning;

import dev.petal.check.PyRepr;
import java.util.Objects;

/** One sampled hyperparameter value: a string, an integer or a real number, rendered as Python's {@code str} would. */
public sealed interface ParameterValue permits ParameterValue.Text, ParameterValue.Int, ParameterValue.Real {

    /** The value as it reaches the script's command line ({@code linear}, {@code 3}, {@code 0.5}). */
    String text();

    /** The value as a JSON-ready Java object: {@link String}, {@link Long} or {@link Double}. */
    Object toJava();

    /** The value as a number; a string value refuses. */
    double asDouble();

    /** A string value. */
    static ParameterValue of(String s) {
        return new Text(s);
    }

    /** An integer value. */
    static ParameterValue of(long v) {
        return new Int(v);
    }

    /** A real value. */
    static ParameterValue of(double v) {
        return new Real(v);
    }

    /** A string value. */
    record Text(String value) implements ParameterValue {
        /** Refuses null. */
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return value;
        }

        @Override
        public Object toJava() {
            return value;
        }

        @Override
        public double asDouble() {
            throw new IllegalStateException("the hyperparameter value '" + value + "' is a string, not a number.");
        }
    }

    /** An integer value. */
    record Int(long value) implements ParameterValue {
        @Override
        public String text() {
            return Long.toString(value);
        }

        @Override
        public Object toJava() {
            return value;
        }

        @Override
        public double asDouble() {
            return value;
        }
    }

    /** A real value (finite). */
    record Real(double value) implements ParameterValue {
        /** Refuses NaN and infinities. */
        public Real {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a hyperparameter value must be finite, got " + PyRepr.of(value) + ".");
            }
        }

        @Override
        public String text() {
            return PyRepr.of(value);
        }

        @Override
        public Object toJava() {
            return value;
        }

        @Override
        public double asDouble() {
            return value;
        }
    }
}
