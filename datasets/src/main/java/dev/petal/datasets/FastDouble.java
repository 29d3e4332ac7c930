package dev.petal.datasets;

import java.nio.charset.StandardCharsets;

/**
 * Parses a decimal number from ASCII bytes, correctly rounded (the same double as
 * {@link Double#parseDouble}), without making a string. Accepted: {@code [+-]?(d+(.d*)?|.d+)([eE][+-]?d+)?}
 * with optional spaces or tabs around it; anything else gives {@link #INVALID} so the caller can
 * explain the cell.
 *
 * <p>Up to 19 significant digits are converted exactly: Clinger's fast path where the digits and the
 * power of ten are both exact doubles, else the Eisel-Lemire algorithm (one 64 x 128-bit product with
 * a truncated power of ten, and a check that the truncation cannot change the rounding). Longer digit
 * strings and the rare ambiguous cases fall back to {@link Double#parseDouble}.
 */
final class FastDouble {
    /** Returned for text that is not a plain decimal number (a NaN no valid number produces). */
    static final double INVALID = Double.longBitsToDouble(0x7ff8_dead_beef_0001L);
    private static final int MIN_EXP10 = FastDoublePowers.MIN_EXP10;
    private static final int MAX_EXP10 = FastDoublePowers.MAX_EXP10;
    private static final double[] EXACT_POWERS = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22};
    /** 10^e for e in [MIN_EXP10, MAX_EXP10] as a 128-bit mantissa with its top bit set, truncated: high, low. */
    private static final long[] POW10 = FastDoublePowers.POW10;

    private FastDouble() {
    }

    /** Whether {@code v} is the {@link #INVALID} marker. */
    static boolean isInvalid(double v) {
        return Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(INVALID);
    }

    /** The number in {@code b[from, to)}, or {@link #INVALID}. */
    static double parse(byte[] b, int from, int to) {
        while (from < to && (b[from] == ' ' || b[from] == '\t')) {
            from++;
        }
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
            to--;
        }
        int i = from;
        if (i == to) {
            return INVALID;
        }
        boolean negative = false;
        if (b[i] == '+' || b[i] == '-') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;      // unsigned: up to 19 digits
        int significant = 0;    // significant digits seen (leading zeros excluded)
        int dropped = 0;        // integer digits beyond the 19 kept
        int digits = 0;
        while (i < to && isDigit(b[i])) {
            int dg = b[i] - '0';
            if (significant < 19) {
                mantissa = mantissa * 10 + dg;
                if (mantissa != 0) {
                    significant++;
                }
            } else {
                dropped++;
                significant++;
            }
            digits++;
            i++;
        }
        int fractionDigits = 0;
        if (i < to && b[i] == '.') {
            i++;
            while (i < to && isDigit(b[i])) {
                int dg = b[i] - '0';
                if (significant < 19) {
                    mantissa = mantissa * 10 + dg;
                    fractionDigits++;
                    if (mantissa != 0) {
                        significant++;
                    }
                } else {
                    significant++;
                }
                digits++;
                i++;
            }
        }
        if (digits == 0) {
            return INVALID;
        }
        long exp = 0;
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < to && (b[i] == '+' || b[i] == '-')) {
                expNegative = b[i] == '-';
                i++;
            }
            int start = i;
            while (i < to && isDigit(b[i])) {
                if (exp < 100_000_000) {
                    exp = exp * 10 + (b[i] - '0');
                }
                i++;
            }
            if (i == start) {
                return INVALID;
            }
            if (expNegative) {
                exp = -exp;
            }
        }
        if (i != to) {
            return INVALID;
        }
        if (significant > 19) {
            return slow(b, from, to);
        }
        long e10 = exp - fractionDigits + dropped;
        if (mantissa == 0) {
            return negative ? -0.0 : 0.0;
        }
        double v;
        if (e10 >= -22 && e10 <= 22 && Long.compareUnsigned(mantissa, 1L << 53) <= 0) {
            double m = mantissa;
            v = e10 < 0 ? m / EXACT_POWERS[(int) -e10] : m * EXACT_POWERS[(int) e10];
        } else {
            v = eiselLemire(mantissa, e10);
            if (Double.isNaN(v)) {
                return slow(b, from, to);
            }
        }
        return negative ? -v : v;
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static double slow(byte[] b, int from, int to) {
        return Double.parseDouble(new String(b, from, to - from, StandardCharsets.ISO_8859_1));
    }

    /** mantissa x 10^e10 correctly rounded, or NaN where the product cannot decide it. */
    static double eiselLemire(long mantissa, long e10) {
        if (e10 < MIN_EXP10) {
            return 0.0;
        }
        if (e10 > MAX_EXP10) {
            return Double.POSITIVE_INFINITY;
        }
        int idx = (int) (e10 - MIN_EXP10) << 1;
        long hi10 = POW10[idx];
        long lo10 = POW10[idx + 1];
        int clz = Long.numberOfLeadingZeros(mantissa);
        long man = mantissa << clz;
        long retExp2 = ((217706 * e10) >> 16) + 64 + 1023 - clz;
        long xHi = unsignedMultiplyHigh(man, hi10);
        long xLo = man * hi10;
        if ((xHi & 0x1FF) == 0x1FF && Long.compareUnsigned(xLo + man, man) < 0) {
            long yHi = unsignedMultiplyHigh(man, lo10);
            long yLo = man * lo10;
            long mergedHi = xHi;
            long mergedLo = xLo + yHi;
            if (Long.compareUnsigned(mergedLo, xLo) < 0) {
                mergedHi++;
            }
            if ((mergedHi & 0x1FF) == 0x1FF && mergedLo + 1 == 0 && Long.compareUnsigned(yLo + man, man) < 0) {
                return Double.NaN;
            }
            xHi = mergedHi;
            xLo = mergedLo;
        }
        long msb = xHi >>> 63;
        long retMantissa = xHi >>> (msb + 9);
        retExp2 -= 1 ^ msb;
        if (xLo == 0 && (xHi & 0x1FF) == 0 && (retMantissa & 3) == 1) {
            return Double.NaN;
        }
        retMantissa += retMantissa & 1;
        retMantissa >>>= 1;
        if ((retMantissa >>> 53) > 0) {
            retMantissa >>>= 1;
            retExp2 += 1;
        }
        if (retExp2 <= 0 || retExp2 >= 0x7FF) {
            return Double.NaN;   // subnormal or overflow: leave it to Double.parseDouble
        }
        return Double.longBitsToDouble(retExp2 << 52 | retMantissa & ((1L << 52) - 1));
    }

    private static long unsignedMultiplyHigh(long x, long y) {
        return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }
}
