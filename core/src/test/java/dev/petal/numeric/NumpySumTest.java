package dev.petal.numeric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class NumpySumTest {
    /** 0.1 repeated: the rounding of the running total depends on the order, so numpy's order is visible. */
    private static double[] tenths(int n) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, 0.1);
        return a;
    }

    @Test
    void sumsInNumpysOrder() {
        // values printed by numpy 1.24.2: repr(np.full(n, 0.1).sum()); a naive loop gives 99.9999999999986 for n=1000
        assertEquals(0.7, NumpySum.sum(tenths(7)));
        assertEquals(9.999999999999998, NumpySum.sum(tenths(100)));
        assertEquals(100.00000000000001, NumpySum.sum(tenths(1000)));
        assertEquals(1000.0000000000002, NumpySum.sum(tenths(10000)));
        double naive = 0;
        for (double v : tenths(1000)) {
            naive += v;
        }
        assertNotEquals(naive, NumpySum.sum(tenths(1000)));
    }

    @Test
    void varianceOverSeveralBuffersIsNumpys() {
        // numpy 1.24.2: a = (np.arange(20001) * 0.1) % 7.3; repr(a.var()); repr(np.full(20001, 0.1).var())
        double[] a = new double[20001];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i * 0.1) % 7.3;
        }
        assertEquals(4.439926963353847, NumpySum.var(a));
        assertEquals(1.925929944387236e-34, NumpySum.var(tenths(20001)));
    }

    @Test
    void varianceAndColumnSums() {
        assertEquals(1.25, NumpySum.var(new double[] {1, 2, 3, 4}));
        assertArrayEquals(new double[] {9, 12}, NumpySum.columnSums(new double[] {1, 2, 3, 4, 5, 6}, 3, 2));
        assertArrayEquals(new double[] {100.00000000000001}, NumpySum.columnSums(tenths(1000), 1000, 1));
        assertArrayEquals(new double[] {0, 0}, NumpySum.columnSums(new double[0], 0, 2));
    }
}
