package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.petal.linalg.Matrix;
import org.junit.jupiter.api.Test;

/** scikit-learn's own golden toy case ({@code sklearn/svm/tests/test_svm.py::test_libsvm_parameters}). */
class SVCToyTest {
    static final Matrix X = Matrix.of(new double[][] {{-2, -1}, {-1, -1}, {-1, -2}, {1, 1}, {1, 2}, {2, 1}});
    static final int[] Y = {1, 1, 1, 2, 2, 2};

    @Test
    void linearToyMatchesScikitLearn() {
        SVCModel m = SVC.defaults().withKernel(Kernel.LINEAR).fit(X, Y);
        assertArrayEquals(new double[] {-0.25, 0.25}, m.dualCoef()[0], 1e-12);
        assertArrayEquals(new int[] {1, 3}, m.support());
        assertArrayEquals(new double[] {0.0}, m.intercept(), 1e-12);
        assertArrayEquals(Y, m.predict(X));
        assertArrayEquals(new int[] {1, 2}, m.classes());
        assertEquals(1.0, m.score(X, Y));
    }
}
