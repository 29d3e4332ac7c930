package dev.petal.check;

/** Formats numbers the way Python's {@code repr} does, so messages, reports and CSV output match Python's text. */
public final class PyRepr {
    private PyRepr() {
    }

    /**
     * Python's {@code repr(float)}: the shortest round-tripping digits (the closest of them, see
     * {@link ShortestDecimal}), positional for exponents in [-4, 16), otherwise scientific with a signed
     * two-digit exponent ({@code 1e-05}, {@code 1e+16}).
     */
    public static String of(double v) {
        return appendTo(new StringBuilder(24), v).toString();
    }

    /** Appends {@link #of(double)} of {@code v} to {@code sb} without an intermediate string; returns {@code sb}. */
    public static StringBuilder appendTo(StringBuilder sb, double v) {
        if (Double.isNaN(v)) {
            return sb.append("nan");
        }
        if (Double.isInfinite(v)) {
            return sb.append(v > 0 ? "inf" : "-inf");
        }
        if (v == 0.0) {
            return sb.append((1.0 / v < 0) ? "-0.0" : "0.0");
        }
        if (v < 0) {
            sb.append('-');
            v = -v;
        }
        ShortestDecimal.Digits d = ShortestDecimal.of(v);
        long f = d.f();
        int len = digitCount(f);
        int exp = len - 1 + d.e(); // decimal exponent of the first digit
        if (exp < -4 || exp >= 16) {
            appendDigits(sb, f, len, 1);
            sb.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                sb.append('0');
            }
            return sb.append(a);
        }
        if (exp < 0) {
            sb.append("0.");
            for (int i = -1; i > exp; i--) {
                sb.append('0');
            }
            return sb.append(f);
        }
        if (exp + 1 >= len) {
            sb.append(f);
            for (int i = len; i <= exp; i++) {
                sb.append('0');
            }
            return sb.append(".0");
        }
        return appendDigits(sb, f, len, exp + 1);
    }

    /** Appends the {@code len} digits of {@code f} with a point after the first {@code intDigits} (none if that is all). */
    private static StringBuilder appendDigits(StringBuilder sb, long f, int len, int intDigits) {
        int start = sb.length();
        sb.append(f);
        if (len > intDigits) {
            sb.insert(start + intDigits, '.');
        }
        return sb;
    }

    private static int digitCount(long f) {
        int n = 1;
        long p = 10;
        while (n < 19 && f >= p) {
            n++;
            p *= 10;
        }
        return n;
    }
}
