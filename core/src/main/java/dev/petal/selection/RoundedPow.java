package dev.petal.selection;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * {@code pow(x, y)} for {@code x > 0} rounded correctly to the nearest double, computed with 60
 * significant digits ({@code exp(y ln x)} by series). The C library's {@code pow}, which numpy and so
 * scipy's {@code loguniform} call, is correctly rounded except in astronomically rare halfway cases;
 * {@link StrictMath#pow} is not (it differs in the last bit on about one draw in ten).
 */
final class RoundedPow {
    private static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal LN2 = lnMantissa(TWO);

    private RoundedPow() {
    }

    static double pow(double x, double y) {
        if (!(x > 0) || !Double.isFinite(x) || !Double.isFinite(y)) {
            return StrictMath.pow(x, y);
        }
        if (y == 0 || x == 1) {
            return 1.0;
        }
        BigDecimal z = new BigDecimal(y).multiply(ln(x), MC);
        return exp(z);
    }

    private static BigDecimal ln(double x) {
        int e = Math.getExponent(x);
        double m = x / Math.scalb(1.0, e); // exact: m in [1, 2) for normal x
        if (e < Double.MIN_EXPONENT) {
            e = Double.MIN_EXPONENT;
            m = x / Math.scalb(1.0, e);
        }
        return lnMantissa(new BigDecimal(m)).add(LN2.multiply(BigDecimal.valueOf(e), MC), MC);
    }

    /** ln m = 2 atanh((m - 1) / (m + 1)), by its series. */
    private static BigDecimal lnMantissa(BigDecimal m) {
        BigDecimal t = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), MC);
        BigDecimal t2 = t.multiply(t, MC);
        BigDecimal term = t;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(70);
        for (int k = 1; term.abs().compareTo(eps) > 0; k += 2) {
            sum = sum.add(term.divide(BigDecimal.valueOf(k), MC), MC);
            term = term.multiply(t2, MC);
        }
        return sum.multiply(TWO, MC);
    }

    private static double exp(BigDecimal z) {
        long k = z.divide(LN2, MC).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
        if (k > 2000) {
            return Double.POSITIVE_INFINITY;
        }
        if (k < -2000) {
            return 0.0;
        }
        BigDecimal r = z.subtract(LN2.multiply(BigDecimal.valueOf(k), MC), MC);
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(70);
        for (int n = 1; term.abs().compareTo(eps) > 0; n++) {
            term = term.multiply(r, MC).divide(BigDecimal.valueOf(n), MC);
            sum = sum.add(term, MC);
        }
        BigDecimal scale = k >= 0 ? TWO.pow((int) k) : BigDecimal.ONE.divide(TWO.pow((int) -k));
        return sum.multiply(scale, MC).doubleValue();
    }
}
