package dev.petal.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.petal.linalg.Matrix;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetTest {
    @Test
    void partsMustAgreeInSize() {
        Matrix x = Matrix.zeros(3, 2);
        assertEquals("x has 3 rows but y has 2 labels", assertThrows(IllegalArgumentException.class,
                () -> new Dataset(x, new int[2], List.of("a", "b"), List.of("c"), "d")).getMessage());
        assertEquals("x has 2 columns but there are 1 feature names", assertThrows(IllegalArgumentException.class,
                () -> new Dataset(x, new int[3], List.of("a"), List.of("c"), "d")).getMessage());
    }

    @Test
    void labelsAreCopiedInAndOut() {
        int[] y = {0, 1, 0};
        Dataset d = new Dataset(Matrix.zeros(3, 1), y, List.of("a"), List.of("n", "p"), "d");
        y[0] = 9;
        d.y()[1] = 9;
        assertEquals(0, d.y()[0]);
        assertEquals(1, d.y()[1]);
    }
}
