package dev.petal.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.check.PyRepr;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FastDoubleTest {
    private static double parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return FastDouble.parse(b, 0, b.length);
    }

    private static void same(String s) {
        double expected = Double.parseDouble(s.strip());
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(parse(s)), s);
    }

    @Test
    void agreesBitForBitWithDoubleParseDouble() {
        for (String s : new String[] {"0", "-0", "+0.0", "1", "5.1", "-3.25", ".5", "5.", "1e5", "1E-5", "2.5e+3", " 7 ",
                "\t-1.5\t", "0.1", "0.30000000000000004", "9007199254740993", "9007199254740992", "1.7976931348623157e308",
                "1.7976931348623159e308", "2.2250738585072014e-308", "4.9e-324", "1e-400", "1e400", "123456789012345678",
                "1234567890123456789", "12345678901234567890", "0.000000000000000000000000000001234", "00012.5000",
                "2.82879384806159e17", "-1.9927845556458672", "0.39674637104946653", "1e23", "8.98846567431158e307",
                "1.00000000000000011102230246251565404236316680908203125", "7.2057594037927933e16", "1e22", "1e-22"}) {
            same(s);
        }
    }

    @Test
    void randomDecimalsAndReprsReadExactly() {
        SplittableRandom rnd = new SplittableRandom(7);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 300_000; i++) {
            sb.setLength(0);
            if (rnd.nextBoolean()) {
                sb.append(rnd.nextBoolean() ? "-" : "");
                int digits = rnd.nextInt(1, 22);
                int point = rnd.nextInt(0, digits + 1);
                for (int k = 0; k < digits; k++) {
                    if (k == point) {
                        sb.append('.');
                    }
                    sb.append((char) ('0' + rnd.nextInt(10)));
                }
                if (rnd.nextInt(3) == 0) {
                    sb.append('e').append(rnd.nextInt(-330, 310));
                }
            } else {
                double v = Double.longBitsToDouble(rnd.nextLong());
                if (!Double.isFinite(v)) {
                    continue;
                }
                PyRepr.appendTo(sb, v);
            }
            same(sb.toString());
        }
    }

    @Test
    void whatIsNotAPlainNumberIsInvalid() {
        for (String s : new String[] {"", " ", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "abc", "nan", "inf", "0x1p3",
                "1,5", "1 2", "--1", "1e5.5", "١"}) {
            assertTrue(FastDouble.isInvalid(parse(s)), s);
        }
    }

    @Test
    void thePowersOfTenAreTheTruncatedMantissasOfTenToTheE() {
        long[] t = FastDoublePowers.POW10;
        assertEquals((FastDoublePowers.MAX_EXP10 - FastDoublePowers.MIN_EXP10 + 1) * 2, t.length);
        BigInteger mask64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        for (int e = FastDoublePowers.MIN_EXP10; e <= FastDoublePowers.MAX_EXP10; e++) {
            BigInteger m;
            if (e >= 0) {
                BigInteger p = BigInteger.TEN.pow(e);
                int bl = p.bitLength();
                m = bl >= 128 ? p.shiftRight(bl - 128) : p.shiftLeft(128 - bl);
            } else {
                BigInteger q = BigInteger.TEN.pow(-e);
                m = BigInteger.ONE.shiftLeft(q.bitLength() + 127).divide(q);
            }
            int idx = (e - FastDoublePowers.MIN_EXP10) << 1;
            assertEquals(m.shiftRight(64).longValue(), t[idx], "high half of 1e" + e);
            assertEquals(m.and(mask64).longValue(), t[idx + 1], "low half of 1e" + e);
        }
    }
}
