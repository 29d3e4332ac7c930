package dev.petal.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CsrMatrixTest {
    private static final Matrix DENSE = Matrix.of(new double[][] {{0, 1.5, 0, -2}, {0, 0, 0, 0}, {3, 0, 0.25, 0}});

    @Test
    void fromDenseKeepsNonZerosInCanonicalOrder() {
        CsrMatrix c = DENSE.toCsr();
        assertArrayEquals(new int[] {0, 2, 2, 4}, c.indptr());
        assertArrayEquals(new int[] {1, 3, 0, 2}, c.indices());
        assertArrayEquals(new double[] {1.5, -2, 3, 0.25}, c.data());
        assertEquals(DENSE, c.toDense());
        assertEquals(0.25, c.get(2, 2));
        assertEquals(0.0, c.get(1, 3));
    }

    @Test
    void ofSortsRowsAndSumsDuplicatesAsScipy() {
        CsrMatrix c = CsrMatrix.of(2, 3, new int[] {0, 3, 4}, new int[] {2, 0, 2, 1}, new double[] {1, 2, 4, 5});
        assertArrayEquals(new int[] {0, 2, 3}, c.indptr());
        assertArrayEquals(new int[] {0, 2, 1}, c.indices());
        assertArrayEquals(new double[] {2, 5, 5}, c.data());
    }

    @Test
    void rowSourceOperationsAgreeBetweenDenseAndSparse() {
        double[] w = {0.5, -1, 2, 4};
        CsrMatrix c = DENSE.toCsr();
        for (int i = 0; i < 3; i++) {
            assertEquals(DENSE.dot(i, w), c.dot(i, w));
            double[] a = w.clone();
            double[] b = w.clone();
            DENSE.addRowTo(i, 0.3, a);
            c.addRowTo(i, 0.3, b);
            assertArrayEquals(a, b);
            double[] r = new double[6];
            c.copyRow(i, r, 1);
            assertArrayEquals(DENSE.row(i), java.util.Arrays.copyOfRange(r, 1, 5));
        }
        assertEquals(DENSE.selectRows(new int[] {2, 0}), c.selectRows(new int[] {2, 0}).toDense());
        assertTrue(!c.isDense() && DENSE.isDense());
        assertEquals(2, c.rowNonZeros(0));
        assertEquals(4, DENSE.rowNonZeros(0));
    }

    @Test
    void badStructureIsRefusedWithWhatIsWrong() {
        assertEquals("index pointer size (2) should be (3)", assertThrows(IllegalArgumentException.class,
                () -> CsrMatrix.of(2, 2, new int[] {0, 1}, new int[] {0}, new double[] {1})).getMessage());
        assertEquals("column index 5 in row 0 is outside [0, 2)", assertThrows(IllegalArgumentException.class,
                () -> CsrMatrix.of(1, 2, new int[] {0, 1}, new int[] {5}, new double[] {1})).getMessage());
        assertEquals("indices and data should have the same size, got 1 and 2", assertThrows(IllegalArgumentException.class,
                () -> CsrMatrix.of(1, 2, new int[] {0, 1}, new int[] {0}, new double[] {1, 2})).getMessage());
    }
}
