package dev.petal.check;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Python's fixed-point number formatting, so printed scores match what a Python script prints. */
public final class PyFormat {
    private PyFormat() {
    }

    /**
     * Python's {@code format(v, '.Nf')} (also {@code '{:.2f}'.format(v)}): the exact binary value of
     * {@code v} rounded half-to-even to {@code digits} decimals, so {@code fixed(0.125, 2)} is {@code 0.12}
     * where Java's {@code %.2f} gives {@code 0.13}.
     */
    public static String fixed(double v, int digits) {
        if (digits < 0) {
            throw new IllegalArgumentException("digits must be at least 0, got " + digits + ".");
        }
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        String s = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        return negative && !s.startsWith("-") ? "-" + s : s;
    }
}
