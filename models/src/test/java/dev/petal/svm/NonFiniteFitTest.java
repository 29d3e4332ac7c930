package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import org.junit.jupiter.api.Test;

/**
 * A fit whose dual coefficients overflow is refused with scikit-learn's message (its "bepreprocessed" typo fixed):
 * scikit-learn 1.2.1 raises the same ValueError for SVC(kernel='poly', degree=100) on iris, and for degree
 * 2147483647.
 */
class NonFiniteFitTest {
    private static final String MESSAGE = "The dual coefficients or intercepts are not finite. The input data may"
            + " contain large values and need to be preprocessed.";

    @Test
    void overflowingPolyKernelsAreRefusedWithOneLine() {
        Dataset iris = Datasets.iris();
        for (int degree : new int[] {100, Integer.MAX_VALUE}) {
            SVC svc = SVC.defaults().withKernel(Kernel.POLY).withDegree(degree);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> svc.fit(iris.x(), iris.y()));
            assertEquals(MESSAGE, e.getMessage(), "degree " + degree);
        }
    }

    @Test
    void parameterErrorsNameTheRecordComponent() {
        assertEquals("The 'cacheSize' parameter of SVC must be a float in the range (0, inf). Got -1.0 instead.",
                assertThrows(IllegalArgumentException.class, () -> SVC.defaults().withCacheSize(-1)).getMessage());
        assertEquals("The 'maxIter' parameter of SVC must be an int in the range [-1, inf). Got -2 instead.",
                assertThrows(IllegalArgumentException.class, () -> SVC.defaults().withMaxIter(-2)).getMessage());
        assertEquals("The 'randomState' parameter of SVC must be an int in the range [0, 4294967295] or null. Got -1"
                + " instead.", assertThrows(IllegalArgumentException.class,
                        () -> SVC.defaults().withRandomState(-1L)).getMessage());
        assertEquals("The 'C' parameter of SVC must be a float in the range (0.0, inf). Got -1.0 instead.",
                assertThrows(IllegalArgumentException.class, () -> SVC.defaults().withC(-1)).getMessage());
    }
}
