package dev.petal.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
