package dev.petal.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.modelio.ModelMetadata;
import dev.petal.svm.NuSVC;
import dev.petal.svm.OneClassSVM;
import dev.petal.svm.SVR;
import org.junit.jupiter.api.Test;

/** joblib export refuses models fitted on sparse input (scikit-learn would hold them as scipy matrices); ONNX takes them. */
class SparseExportTest {
    private static final CsrMatrix X = CsrMatrix.fromDense(Matrix.of(new double[][] {
        {0, 1}, {2, 0}, {0, 0.5}, {1.5, 0}, {0, 2}, {3, 0}}));

    @Test
    void joblibRefusesASparseFitAndOnnxTakesIt() {
        Object svr = SVR.defaults().fit(X, new double[] {0.5, 1.5, 0.2, 1.1, 0.9, 2.0});
        assertEquals("joblib export writes models fitted on dense input; this SVR was fitted on sparse (svmlight/CSR) "
                + "input, which scikit-learn keeps as scipy.sparse matrices. Fit it on dense input (or export to ONNX) "
                + "instead.", assertThrows(IllegalArgumentException.class,
                () -> JoblibExport.toBytes(svr, ModelMetadata.NONE)).getMessage());
        Object nusvc = NuSVC.defaults().withNu(0.5).fit(X, new int[] {0, 1, 0, 1, 0, 1});
        assertThrows(IllegalArgumentException.class, () -> JoblibExport.toBytes(nusvc, ModelMetadata.NONE));
        Object oc = OneClassSVM.defaults().fit(X);
        assertThrows(IllegalArgumentException.class, () -> JoblibExport.toBytes(oc, ModelMetadata.NONE));
        OnnxExport.toBytes(svr, ModelMetadata.NONE);
    }
}
