package dev.petal.check;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal that reads back as a given double, and among the shortest the closest (ties to
 * an even last digit): what Python's {@code repr(float)} prints. Java 17's {@code Double.toString} is not
 * always shortest (it prints {@code 2.82879384806159008E17} and {@code 4.9E-324}), so the digits are
 * computed here.
 *
 * <p>The algorithm is Giulietti's Schubfach ("The Schubfach way to render doubles", 2020): the value and
 * the two ends of its rounding interval are scaled by a power of ten with one 126-bit multiplication
 * rounded to odd, which decides exactly which of at most four candidates lies inside the interval.
 * Unlike {@code Double.toString} of Java 19+, a one-digit answer is kept when it is the shortest (Python's
 * {@code 5e-324}). The two smallest subnormals, where the scaled interval is too narrow for the proof,
 * go through an exact {@link BigDecimal} search instead.
 */
final class ShortestDecimal {
    private static final int Q_MIN = -1074;
    private static final long C_MIN = 1L << 52;
    private static final long MASK_63 = (1L << 63) - 1;
    private static final int K_MIN = -324;
    private static final int K_MAX = 292;

    /**
     * g(k) = floor(10^-k 2^-r) + 1 with r = flog2pow10(-k) - 125, split as 63 high and 63 low bits: built on the
     * first value that needs it, so a command that prints only integral values (C=1.0) never builds it cold.
     */
    private static final class Table {
        static final long[] G = table();
    }

    /** The digits (no trailing zeros) and the decimal exponent of their last digit. */
    record Digits(long f, int e) {
    }

    private ShortestDecimal() {
    }

    /** The shortest closest decimal of a finite {@code v > 0}. */
    static Digits of(double v) {
        long bits = Double.doubleToRawLongBits(v);
        long t = bits & (C_MIN - 1);
        int bq = (int) (bits >>> 52) & 0x7ff;
        if (bq > 0) {
            int mq = 1075 - bq;
            long c = C_MIN | t;
            if (mq > 0 && mq < 53) {
                long f = c >> mq;
                if (f << mq == c) {
                    return strip(f, 0);
                }
            }
            return toDecimal(-mq, c);
        }
        return t < 3 ? exact(v) : toDecimal(Q_MIN, t);
    }

    private static Digits toDecimal(int q, long c) {
        int out = (int) c & 1;
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN || q == Q_MIN) {
            cbl = cb - 2;
            k = flog10pow2(q);
        } else {
            cbl = cb - 1;
            k = flog10threeQuartersPow2(q);
        }
        int h = q + flog2pow10(-k) + 2;
        int idx = (k - K_MIN) << 1;
        long g1 = Table.G[idx];
        long g0 = Table.G[idx + 1];
        long vb = rop(g1, g0, cb << h);
        long vbl = rop(g1, g0, cbl << h);
        long vbr = rop(g1, g0, cbr << h);
        long s = vb >> 2;
        long sp10 = s / 10 * 10;
        long tp10 = sp10 + 10;
        boolean upin = sp10 > 0 && vbl + out <= sp10 << 2;
        boolean wpin = (tp10 << 2) + out <= vbr;
        if (upin != wpin) {
            return strip(upin ? sp10 : tp10, k);
        }
        long tt = s + 1;
        boolean uin = vbl + out <= s << 2;
        boolean win = (tt << 2) + out <= vbr;
        if (uin != win) {
            return strip(uin ? s : tt, k);
        }
        long cmp = vb - (s + tt << 1);
        return strip(cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : tt, k);
    }

    /** floor(g x / 2^127), with the lowest bit set when the dropped part is not zero (rounding to odd). */
    private static long rop(long g1, long g0, long cp) {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | (z & MASK_63) + MASK_63 >>> 63;
    }

    private static Digits strip(long f, int e) {
        while (f % 10 == 0) {
            f /= 10;
            e++;
        }
        return new Digits(f, e);
    }

    /** floor(q log10 2). */
    static int flog10pow2(int q) {
        return (int) (q * 661_971_961_083L >> 41);
    }

    /** floor(log10(3/4 2^q)). */
    static int flog10threeQuartersPow2(int q) {
        return (int) (q * 661_971_961_083L - 274_743_187_321L >> 41);
    }

    /** floor(e log2 10). */
    static int flog2pow10(int e) {
        return (int) (e * 913_124_641_741L >> 38);
    }

    private static long[] table() {
        long[] g = new long[(K_MAX - K_MIN + 1) * 2];
        BigInteger mask = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
        for (int k = K_MIN; k <= K_MAX; k++) {
            int r = flog2pow10(-k) - 125;
            BigInteger v;
            if (k <= 0) {
                BigInteger p = BigInteger.TEN.pow(-k);
                v = r <= 0 ? p.shiftLeft(-r) : p.shiftRight(r);
            } else {
                v = BigInteger.ONE.shiftLeft(-r).divide(BigInteger.TEN.pow(k));
            }
            v = v.add(BigInteger.ONE);
            g[(k - K_MIN) << 1] = v.shiftRight(63).longValueExact();
            g[((k - K_MIN) << 1) + 1] = v.and(mask).longValue();
        }
        return g;
    }

    /** The exact search: for 1, 2, ... digits, the two neighbours of {@code v}, nearer first. */
    static Digits exact(double v) {
        BigDecimal x = new BigDecimal(v);
        for (int p = 1; p <= 17; p++) {
            BigDecimal lo = x.round(new MathContext(p, RoundingMode.FLOOR));
            BigDecimal hi = x.round(new MathContext(p, RoundingMode.CEILING));
            boolean loIn = Double.parseDouble(lo.toString()) == v;
            boolean hiIn = Double.parseDouble(hi.toString()) == v;
            BigDecimal pick;
            if (loIn && hiIn) {
                int c = x.subtract(lo).compareTo(hi.subtract(x));
                BigDecimal even = lo.unscaledValue().testBit(0) ? hi : lo;
                pick = c < 0 ? lo : c > 0 ? hi : even;
            } else if (loIn || hiIn) {
                pick = loIn ? lo : hi;
            } else {
                continue;
            }
            pick = pick.stripTrailingZeros();
            return new Digits(pick.unscaledValue().longValueExact(), -pick.scale());
        }
        throw new IllegalStateException("no 17-digit decimal reads back as " + v);
    }
}
