package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.petal.linalg.Matrix;
import org.junit.jupiter.api.Test;

/** scikit-learn's own golden toy cases ({@code sklearn/svm/tests/test_svm.py}: the 6-point set). */
class SVCToyTest {
    static final Matrix X = Matrix.of(new double[][] {{-2, -1}, {-1, -1}, {-1, -2}, {1, 1}, {1, 2}, {2, 1}});
    static final int[] Y = {1, 1, 1, 2, 2, 2};
    static final Matrix T = Matrix.of(new double[][] {{-1, -1}, {2, 2}, {3, 2}});
    static final int[] TRUE_RESULT = {1, 2, 2};

    @Test
    void linearToyMatchesScikitLearnExactly() {
        SVCModel m = SVC.defaults().withKernel(Kernel.LINEAR).fit(X, Y);
        assertArrayEquals(new double[] {-0.25, 0.25}, m.dualCoef()[0], 0.0);
        assertArrayEquals(new int[] {1, 3}, m.support());
        assertArrayEquals(new double[] {0.0}, m.intercept(), 0.0);
        assertArrayEquals(TRUE_RESULT, m.predict(T));
        assertArrayEquals(new int[] {1, 2}, m.classes());
        assertArrayEquals(new int[] {1, 1}, m.nSupport());
        assertArrayEquals(new double[] {-1, -1, 1, 1}, m.supportVectors().toFlatArray(), 0.0);
        assertEquals(1.0, m.score(X, Y));
    }

    @Test
    void precomputedToyMatchesScikitLearnExactly() {
        SVCModel m = SVC.defaults().withKernel(Kernel.PRECOMPUTED).fit(X.multiplyTransposed(X), Y);
        assertArrayEquals(new double[] {-0.25, 0.25}, m.dualCoef()[0], 0.0);
        assertArrayEquals(new int[] {1, 3}, m.support());
        assertArrayEquals(new double[] {0.0}, m.intercept(), 0.0);
        assertEquals(0, m.supportVectors().rows());
        assertArrayEquals(TRUE_RESULT, m.predict(T.multiplyTransposed(X)));
    }

    @Test
    void binaryDecisionFunctionIsPositiveForTheSecondClass() {
        SVCModel m = SVC.defaults().fit(X, Y);
        Matrix d = m.decisionFunction(T);
        assertEquals(1, d.cols());
        assertEquals(true, d.get(0, 0) < 0);
        assertEquals(true, d.get(1, 0) > 0);
    }
}
