package dev.petal.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PyFormatTest {
    @Test
    void roundsHalfToEvenOnTheExactBinaryValueAsPythonDoes() {
        assertEquals("0.12", PyFormat.fixed(0.125, 2));
        assertEquals("0.38", PyFormat.fixed(0.375, 2));
        assertEquals("0.14", PyFormat.fixed(0.145, 2)); // 0.145 is 0.14499999999999999 in binary
        assertEquals("1.0000", PyFormat.fixed(1.0, 4));
        assertEquals("0.97", PyFormat.fixed(37.0 / 38.0, 2));
        assertEquals("-0.00", PyFormat.fixed(-0.001, 2));
        assertEquals("2", PyFormat.fixed(2.5, 0));
        assertEquals("nan", PyFormat.fixed(Double.NaN, 2));
    }

    @Test
    void negativeDigitsAreRefused() {
        assertEquals("digits must be at least 0, got -1.",
                assertThrows(IllegalArgumentException.class, () -> PyFormat.fixed(1.0, -1)).getMessage());
    }
}
