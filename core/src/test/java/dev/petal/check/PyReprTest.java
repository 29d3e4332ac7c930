package dev.petal.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PyReprTest {
    @Test
    void formatsLikePythonRepr() {
        assertEquals("1.0", PyRepr.of(1.0));
        assertEquals("-1.0", PyRepr.of(-1.0));
        assertEquals("0.001", PyRepr.of(0.001));
        assertEquals("0.0001", PyRepr.of(1e-4));
        assertEquals("1e-05", PyRepr.of(1e-5));
        assertEquals("1.5e-07", PyRepr.of(1.5e-7));
        assertEquals("1e+16", PyRepr.of(1e16));
        assertEquals("1000000000000000.0", PyRepr.of(1e15));
        assertEquals("0.1", PyRepr.of(0.1));
        assertEquals("0.9736842105263158", PyRepr.of(0.9736842105263158));
        assertEquals("nan", PyRepr.of(Double.NaN));
        assertEquals("-inf", PyRepr.of(Double.NEGATIVE_INFINITY));
        assertEquals("-0.0", PyRepr.of(-0.0));
    }

    @Test
    void parameterMessagesMatchScikitLearn() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Check.positive("SVC", "C", -1.0));
        assertEquals("The 'C' parameter of SVC must be a float in the range (0.0, inf). Got -1.0 instead.", e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Check.nFeatures("SVC", 4, 3));
        assertEquals("X has 3 features, but SVC is expecting 4 features as input.", e.getMessage());
    }

    @Test
    void matchesPythonReprOnAwkwardDoubles() throws IOException {
        // fixtures/gen_pyrepr.py: powers of two and their neighbours, subnormals, random bit patterns
        String text;
        try (InputStream in = PyReprTest.class.getResourceAsStream("/fixtures/pyrepr.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        int n = 0;
        for (String line : text.split("\n")) {
            int sp = line.indexOf(' ');
            double v = Double.longBitsToDouble(Long.parseUnsignedLong(line.substring(0, sp), 16));
            assertEquals(line.substring(sp + 1), PyRepr.of(v), line);
            n++;
        }
        assertEquals(13256, n);
        // where Java 17's Double.toString is not the shortest
        assertEquals("2.82879384806159e+17", PyRepr.of(2.82879384806159e17));
        assertEquals("5e-324", PyRepr.of(Double.MIN_VALUE));
    }

    @Test
    void integralValuesTakeTheShortPathWithTheSameDigits() {
        // below 2^53 an integral value is its own digits (no power table); from 2^53 on the table decides
        for (double v : new double[] {1, 2, 3, 10, 100, 123456789, 0x1p52, 0x1p52 + 1, 0x1p53 - 1, 0x1p53, 0x1p53 + 2,
                1e16, 1e22, 0x1p60, 9007199254740993.0}) {
            assertEquals(ShortestDecimal.exact(v), ShortestDecimal.of(v), () -> Double.toString(v));
        }
        assertEquals("4503599627370497.0", PyRepr.of(0x1p52 + 1));
        assertEquals("9007199254740991.0", PyRepr.of(0x1p53 - 1));
        assertEquals("9007199254740992.0", PyRepr.of(0x1p53));
        assertEquals("1.152921504606847e+18", PyRepr.of(0x1p60));
    }

    @Test
    void agreesWithTheExactSearchAndReadsBack() {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int i = 0; i < 20_000; i++) {
            double v = Math.abs(Double.longBitsToDouble(rnd.nextLong()));
            if (!Double.isFinite(v) || v == 0) {
                continue;
            }
            assertEquals(ShortestDecimal.exact(v), ShortestDecimal.of(v), () -> Double.toString(v));
        }
        for (int i = 0; i < 500_000; i++) {
            double v = i % 2 == 0 ? Double.longBitsToDouble(rnd.nextLong()) : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(-20, 20));
            if (Double.isFinite(v)) {
                assertEquals(v, Double.parseDouble(PyRepr.of(v)));
            }
        }
    }

    @Test
    void theTablesFloorLogarithmsExactly() {
        for (int q = -1100; q <= 1100; q++) {
            assertEquals(floorLog10(q), ShortestDecimal.flog10pow2(q), "q=" + q);
        }
    }

    private static int floorLog10(int q) {
        // 2^q as an exact decimal (for negative q: 5^-q / 10^-q)
        java.math.BigDecimal v = q >= 0 ? new java.math.BigDecimal(java.math.BigInteger.TWO.pow(q))
                : new java.math.BigDecimal(java.math.BigInteger.valueOf(5).pow(-q), -q);
        return v.precision() - v.scale() - 1;
    }
}
