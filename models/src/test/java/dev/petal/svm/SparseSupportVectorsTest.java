package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import org.junit.jupiter.api.Test;

/**
 * A model fitted on CSR rows holds its support vectors as CSR, as scikit-learn's {@code support_vectors_} is a scipy
 * CSR matrix: {@code X[support_]} as stored, explicit zeros kept, never an n_SV x n_features dense copy. Its kernel
 * sums and {@code coef_} are the bits the dense-held support vectors gave; a state given dense support vectors
 * (what a format-1 model file holds) is held as CSR and predicts the same bits.
 */
class SparseSupportVectorsTest {
    /** Six rows, four columns, with explicitly stored zeros in rows 0, 2 and 5. */
    private static final CsrMatrix X = CsrMatrix.of(6, 4, new int[] {0, 3, 5, 8, 10, 12, 15},
            new int[] {0, 1, 3, 1, 2, 0, 2, 3, 0, 3, 1, 2, 0, 1, 3},
            new double[] {1.0, 0.0, 2.5, -1.0, 0.5, 0.0, 3.0, 1.5, 2.0, -0.5, 1.0, 1.0, 0.25, 0.0, 2.0});
    private static final int[] Y = {0, 1, 0, 1, 2, 2};
    private static final double[] T = {0.5, 1.5, 0.2, 1.1, 0.9, 2.0};
    private static final CsrMatrix PROBE = CsrMatrix.of(2, 4, new int[] {0, 2, 4}, new int[] {0, 3, 1, 2},
            new double[] {0.5, 1.0, -1.0, 2.0});

    @Test
    void aSparseFitHoldsXOfSupportAsCsrWithItsStoredZeros() {
        SVCModel svc = SVC.defaults().withKernel(Kernel.LINEAR).fit(X, Y);
        CsrMatrix sv = assertInstanceOf(CsrMatrix.class, svc.supportVectorRows());
        assertEquals(X.selectRows(svc.support()), sv);
        assertEquals(sv.toDense(), svc.supportVectors());
        SVRModel svr = SVR.defaults().fit(X, T);
        assertEquals(X.selectRows(svr.support()), svr.supportVectorRows());
        OneClassSVMModel oc = OneClassSVM.defaults().withNu(0.5).fit(X);
        assertEquals(X.selectRows(oc.support()), oc.supportVectorRows());
        assertInstanceOf(Matrix.class, SVC.defaults().fit(X.toDense(), Y).supportVectorRows());
    }

    @Test
    void coefFromCsrSupportVectorsIsTheDenseSumsBits() {
        SVCModel svc = SVC.defaults().withKernel(Kernel.LINEAR).fit(X, Y);
        double[][] dense = LinearCoef.oneVsOne(svc.dualCoef(), svc.nSupport(),
                LinearCoef.Rows.dense(svc.supportVectors().toFlatArray(), 4), 4);
        assertEquals(3, dense.length);
        for (int p = 0; p < dense.length; p++) {
            assertArrayEquals(dense[p], svc.coef()[p], 0.0);
        }
        SVRModel svr = SVR.defaults().withKernel(Kernel.LINEAR).fit(X, T);
        double[] w = LinearCoef.weights(svr.state().dualCoef(), 0, svr.support().length,
                LinearCoef.Rows.dense(svr.supportVectors().toFlatArray(), 4), 4, null);
        assertArrayEquals(w, svr.coef()[0], 0.0);
    }

    @Test
    void aSparseStateGivenDenseSupportVectorsIsHeldAsCsrAndPredictsTheSameBits() {
        SVCModel m = SVC.defaults().withProbability(true).withRandomState(0L).fit(X, Y);
        SVCState s = m.state();
        SVCState fromDense = new SVCState(s.params(), s.gamma(), s.classes(), s.nFeatures(), s.support(),
                s.supportVectors(), s.nSupport(), s.dualCoef(), s.intercept(), s.probA(), s.probB(), s.nIter(),
                s.fitStatus(), s.provenance(), true);
        assertEquals(CsrMatrix.fromDense(s.supportVectors()), fromDense.supportVectorRows());
        SVCModel back = SVCModel.fromState(fromDense);
        assertEquals(m.decisionFunction(PROBE), back.decisionFunction(PROBE));
        assertEquals(m.predictProba(PROBE), back.predictProba(PROBE.toDense()));
        SVRModel svr = SVR.defaults().withKernel(Kernel.POLY).fit(X, T);
        SingleOutputState o = svr.state();
        SVRModel svrBack = SVRModel.fromState(svr.params(), new SingleOutputState(o.gamma(), o.nFeatures(), o.support(),
                o.supportVectors(), o.dualCoef(), o.intercept(), o.nIter(), o.fitStatus(), o.provenance(), true));
        assertArrayEquals(svr.predict(PROBE), svrBack.predict(PROBE), 0.0);
    }
}
