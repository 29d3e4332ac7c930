package dev.petal.check;

import java.math.BigDecimal;

/** Formats numbers the way Python's {@code repr} does, so messages and reports match scikit-learn's text. */
public final class PyRepr {
    private PyRepr() {
    }

    /**
     * Python's {@code repr(float)}: the shortest round-tripping digits, positional for exponents
     * in [-4, 16), otherwise scientific with a signed two-digit exponent ({@code 1e-05}, {@code 1e+16}).
     */
    public static String of(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0.0) {
            return (1.0 / v < 0) ? "-0.0" : "0.0";
        }
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        String sign = d.signum() < 0 ? "-" : "";
        String digits = d.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - d.scale(); // decimal exponent of the first digit
        if (exp < -4 || exp >= 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        }
        String plain = d.abs().toPlainString();
        if (!plain.contains(".")) {
            plain = plain + ".0";
        }
        return sign + plain;
    }
}
