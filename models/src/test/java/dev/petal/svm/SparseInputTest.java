package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import org.junit.jupiter.api.Test;

/** How the libsvm family routes CSR input, with scikit-learn 1.2.1's texts for what it refuses. */
class SparseInputTest {
    private static final Matrix X = Matrix.of(new double[][] {{0, 1}, {2, 0}, {0, 0.5}, {1.5, 0}, {0, 2}, {3, 0}});
    private static final int[] Y = {0, 1, 0, 1, 0, 1};
    private static final double[] T = {0.5, 1.5, 0.2, 1.1, 0.9, 2.0};

    @Test
    void aDenseFitRefusesSparseInputAndASparseFitTakesBoth() {
        CsrMatrix csr = CsrMatrix.fromDense(X);
        SVCModel dense = SVC.defaults().fit(X, Y);
        assertFalse(dense.fittedOnSparse());
        assertEquals("cannot use sparse input in 'SVC' trained on dense data",
                assertThrows(IllegalArgumentException.class, () -> dense.predict(csr)).getMessage());
        assertEquals("cannot use sparse input in 'NuSVC' trained on dense data", assertThrows(
                IllegalArgumentException.class, () -> NuSVC.defaults().withNu(0.5).fit(X, Y).decisionFunction(csr))
                .getMessage());
        assertEquals("cannot use sparse input in 'SVR' trained on dense data",
                assertThrows(IllegalArgumentException.class, () -> SVR.defaults().fit(X, T).predict(csr)).getMessage());
        assertEquals("cannot use sparse input in 'NuSVR' trained on dense data",
                assertThrows(IllegalArgumentException.class, () -> NuSVR.defaults().fit(X, T).predict(csr)).getMessage());
        assertEquals("cannot use sparse input in 'OneClassSVM' trained on dense data", assertThrows(
                IllegalArgumentException.class, () -> OneClassSVM.defaults().fit(X).predict(csr)).getMessage());

        SVCModel sparse = SVC.defaults().fit(csr, Y);
        assertTrue(sparse.fittedOnSparse());
        assertEquals(sparse.decisionFunction(csr), sparse.decisionFunction(X));
        SVRModel svr = SVR.defaults().fit(csr, T);
        assertArrayEquals(svr.predict(csr), svr.predict(X), 0.0);
    }

    @Test
    void sparsePrecomputedKernelsAreRefused() {
        CsrMatrix gram = CsrMatrix.fromDense(Matrix.of(new double[][] {{1, 0}, {0, 1}}));
        for (Runnable fit : new Runnable[] {
            () -> SVC.defaults().withKernel(Kernel.PRECOMPUTED).fit(gram, new int[] {0, 1}),
            () -> SVR.defaults().withKernel(Kernel.PRECOMPUTED).fit(gram, new double[] {0, 1}),
            () -> OneClassSVM.defaults().withKernel(Kernel.PRECOMPUTED).fit(gram)}) {
            assertEquals("Sparse precomputed kernels are not supported.",
                    assertThrows(IllegalArgumentException.class, fit::run).getMessage());
        }
    }

    @Test
    void sparseInputIsCheckedAsScikitLearnChecksIt() {
        CsrMatrix nan = CsrMatrix.of(2, 2, new int[] {0, 1, 2}, new int[] {0, 1}, new double[] {1.0, Double.NaN});
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NuSVR.defaults().fit(nan, new double[] {1, 2}))
                .getMessage().startsWith("Input X contains NaN.\nNuSVR does not accept missing values"));
        CsrMatrix inf = CsrMatrix.of(2, 2, new int[] {0, 1, 2}, new int[] {0, 1},
                new double[] {1.0, Double.POSITIVE_INFINITY});
        assertEquals("Input X contains infinity or a value too large for dtype('float64').",
                assertThrows(IllegalArgumentException.class, () -> SVC.defaults().fit(inf, new int[] {0, 1})).getMessage());
        CsrMatrix empty = CsrMatrix.of(0, 3, new int[] {0}, new int[0], new double[0]);
        assertEquals("Found array with 0 sample(s) (shape=(0, 3)) while a minimum of 1 is required by SVR.",
                assertThrows(IllegalArgumentException.class, () -> SVR.defaults().fit(empty, new double[0])).getMessage());
        SVCModel m = SVC.defaults().fit(CsrMatrix.fromDense(X), Y);
        assertEquals("X has 3 features, but SVC is expecting 2 features as input.", assertThrows(
                IllegalArgumentException.class, () -> m.predict(CsrMatrix.fromDense(Matrix.zeros(1, 3)))).getMessage());
    }
}
