package dev.petal.datasets;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** C's {@code printf("%.16g")} (Python's {@code "%.16g" % x}), the number format dump_svmlight_file writes. */
final class CFormat {
    private static final int PRECISION = 16;

    private CFormat() {
    }

    /** {@code "%.16g" % v}: 16 significant digits, trailing zeros dropped, exponent form below 1e-4 or from 1e16. */
    static String g16(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0.0) {
            return (1 / v < 0) ? "-0" : "0";
        }
        BigDecimal r = new BigDecimal(v).round(new MathContext(PRECISION, RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1;
        String digits = r.unscaledValue().abs().toString();
        while (digits.length() < PRECISION) {
            digits = digits + "0";
        }
        digits = digits.substring(0, PRECISION);
        StringBuilder out = new StringBuilder();
        if (r.signum() < 0) {
            out.append('-');
        }
        if (exp < -4 || exp >= PRECISION) {
            String mantissa = stripZeros(digits.charAt(0) + "." + digits.substring(1));
            out.append(mantissa).append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                out.append('0');
            }
            out.append(a);
        } else if (exp >= 0) {
            out.append(stripZeros(digits.substring(0, exp + 1) + "." + digits.substring(exp + 1)));
        } else {
            out.append(stripZeros("0." + "0".repeat(-exp - 1) + digits));
        }
        return out.toString();
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }
}
