package dev.petal.selection;

import dev.petal.check.PyRepr;

/**
 * The size of a train or test set, as scikit-learn's {@code test_size}/{@code train_size}: either a
 * fraction of the samples in (0, 1) or an absolute count.
 */
public sealed interface SplitSize permits SplitSize.Fraction, SplitSize.Count {

    /** A fraction of the samples, such as {@code 0.25}; scikit-learn's float size. */
    static SplitSize fraction(double value) {
        return new Fraction(value);
    }

    /** An absolute number of samples; scikit-learn's int size. */
    static SplitSize count(int value) {
        return new Count(value);
    }

    /** A fraction of the samples; the range (0, 1) is checked against the data when splitting. */
    record Fraction(double value) implements SplitSize {
        /** Refuses NaN and infinities, which no data size can make meaningful. */
        public Fraction {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("A split size fraction must be a finite number in (0, 1), got " + PyRepr.of(value) + ".");
            }
        }

        /** Python's {@code repr} of the fraction, as scikit-learn's messages print it. */
        @Override
        public String toString() {
            return PyRepr.of(value);
        }
    }

    /** An absolute number of samples; the range [1, n_samples) is checked against the data when splitting. */
    record Count(int value) implements SplitSize {
        /** The count in decimal, as scikit-learn's messages print it. */
        @Override
        public String toString() {
            return Integer.toString(value);
        }
    }
}
