package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparisons the parity tests make against scikit-learn's values: bit for bit, or within a stated relative bound. */
final class ParityAsserts {
    private ParityAsserts() {
    }

    /** Bit for bit when {@code rel} is 0, else within {@code rel} relative. */
    static void near(String what, double[] want, double[] got, double rel) {
        if (rel == 0.0) {
            bits(what, want, got);
            return;
        }
        assertEquals(want.length, got.length, what + " length");
        for (int i = 0; i < want.length; i++) {
            assertTrue(Math.abs(want[i] - got[i]) <= rel * Math.abs(want[i]),
                    what + "[" + i + "]: expected " + want[i] + " but was " + got[i]);
        }
    }

    /** Row by row, bit for bit. */
    static void bits(String what, double[][] want, double[][] got) {
        assertEquals(want.length, got.length, what + " rows");
        for (int r = 0; r < want.length; r++) {
            bits(what + "[" + r + "]", want[r], got[r]);
        }
    }

    /** Bit for bit ({@code -0.0} differs from {@code 0.0}). */
    static void bits(String what, double[] want, double[] got) {
        assertEquals(want.length, got.length, what + " length");
        for (int i = 0; i < want.length; i++) {
            assertEquals(Double.doubleToLongBits(want[i]), Double.doubleToLongBits(got[i]),
                    what + "[" + i + "]: expected " + want[i] + " but was " + got[i]);
        }
    }
}
