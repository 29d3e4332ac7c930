package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.api.Parallelism;
import dev.petal.datasets.Dataset;
import dev.petal.datasets.MakeClassification;
import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import org.junit.jupiter.api.Test;

/**
 * Fits and predictions at 1, 2 and 5 threads give bit-identical results on data above every parallel
 * threshold (two pieces of {@link dev.petal.api.Parallelism#MIN_PIECE_WORK}): 6,000 active samples (the solver's
 * passes split from 2 x 2,521), kernel columns of 6,000 x 20 (split from 2 x 1,171 entries), hundreds of cached
 * columns swapped in parallel by shrinking, three one-vs-one pairs trained side by side, and a bulk prediction
 * of 2,000 rows split into blocks.
 */
class ThreadCountParityTest {
    private static final int[] THREADS = {1, 2, 5};

    @Test
    void theDataBelowIsAboveEveryThreshold() {
        // the binary fit starts with 6,000 active samples; NuSVR's kernel columns hold 5,000 entries of 20 features
        assertTrue(6000 >= 2 * ActivePasses.MIN_PIECE, "solver passes split from " + 2 * ActivePasses.MIN_PIECE);
        int columnPiece = Team.piece(20 + SvcQ.FINISH_WORK);
        assertTrue(5000 >= 2 * columnPiece, "kernel columns of 20 features split from " + 2 * columnPiece);
        // the sparse fit's columns hold 3,000 entries of 20 stored values each
        int sparsePiece = Team.piece(20 + 20 + SvcQ.FINISH_WORK);
        assertTrue(3000 >= 2 * sparsePiece, "sparse kernel columns split from " + 2 * sparsePiece);
    }

    @Test
    void sparseFitAndPredictAreIdenticalAtEveryThreadCount() {
        // CSR input takes libsvm's sparse path: its own column fill and row-parallel prediction
        Dataset train = MakeClassification.defaults(3000).generate(9);
        CsrMatrix x = CsrMatrix.fromDense(train.x());
        CsrMatrix test = CsrMatrix.fromDense(MakeClassification.defaults(2000).generate(10).x());
        SVCModel first = null;
        double[] firstDecision = null;
        for (int t : THREADS) {
            SVCModel m = SVC.defaults().withParallelism(Parallelism.threads(t)).fit(x, train.y());
            double[] decision = m.withParallelism(Parallelism.threads(t)).decisionFunction(test).toFlatArray();
            if (first == null) {
                first = m;
                firstDecision = decision;
                continue;
            }
            assertArrayEquals(first.support(), m.support(), "sparse support at " + t + " threads");
            assertEquals(java.util.Arrays.deepToString(first.dualCoef()), java.util.Arrays.deepToString(m.dualCoef()),
                    "sparse dual_coef at " + t + " threads");
            assertArrayEquals(firstDecision, decision, 0.0, "sparse decision_function at " + t + " threads");
        }
    }

    @Test
    void binaryRbfFitAndPredictAreIdenticalAtEveryThreadCount() {
        Dataset train = MakeClassification.defaults(6000).generate(3);
        Matrix test = MakeClassification.defaults(2000).generate(4).x();
        assertSameAtEveryThreadCount(SVC.defaults().withC(10), train, test);
    }

    @Test
    void multiclassPairsInParallelAreIdenticalAtEveryThreadCount() {
        Dataset train = MakeClassification.defaults(3000).withNInformative(3).withNClasses(3).generate(5);
        Matrix test = MakeClassification.defaults(2000).withNInformative(3).withNClasses(3).generate(6).x();
        assertSameAtEveryThreadCount(SVC.defaults().withKernel(Kernel.POLY).withDegree(2), train, test);
    }

    @Test
    void nuSvrOverTwiceTheSamplesIsIdenticalAtEveryThreadCount() {
        // 5,000 x 20: SvrQ's kernel columns (5,000 x 20 entries) are filled in pieces, 10,000 variables split the passes
        Dataset d = MakeClassification.defaults(5000).generate(7);
        Matrix test = MakeClassification.defaults(1000).generate(8).x();
        double[] target = new double[d.nSamples()];
        for (int i = 0; i < target.length; i++) {
            target[i] = d.y()[i] + 0.5 * d.x().get(i, 0);
        }
        double[] first = null;
        double[] firstDual = null;
        for (int t : THREADS) {
            NuSVRModel m = NuSVR.defaults().withNu(0.3).withParallelism(Parallelism.threads(t)).fit(d.x(), target);
            double[] p = m.withParallelism(Parallelism.threads(t)).predict(test);
            if (first == null) {
                first = p;
                firstDual = m.dualCoef()[0];
                continue;
            }
            assertArrayEquals(firstDual, m.dualCoef()[0], 0.0, "dual_coef at " + t + " threads");
            assertArrayEquals(first, p, 0.0, "predict at " + t + " threads");
        }
    }

    private static void assertSameAtEveryThreadCount(SVC svc, Dataset train, Matrix test) {
        SVCModel first = null;
        double[] firstDecision = null;
        for (int t : THREADS) {
            SVCModel m = svc.withParallelism(Parallelism.threads(t)).fit(train.x(), train.y());
            double[] decision = m.decisionFunction(test).toFlatArray();
            if (first == null) {
                first = m;
                firstDecision = decision;
                continue;
            }
            assertArrayEquals(first.support(), m.support(), "support at " + t + " threads");
            assertArrayEquals(first.nIter(), m.nIter(), "n_iter at " + t + " threads");
            assertEquals(java.util.Arrays.deepToString(first.dualCoef()), java.util.Arrays.deepToString(m.dualCoef()),
                    "dual_coef at " + t + " threads");
            assertArrayEquals(first.intercept(), m.intercept(), 0.0, "intercept at " + t + " threads");
            assertArrayEquals(firstDecision, decision, 0.0, "decision_function at " + t + " threads");
            double[] onOneThread = first.withParallelism(Parallelism.threads(t)).decisionFunction(test).toFlatArray();
            assertArrayEquals(firstDecision, onOneThread, 0.0, "predict at " + t + " threads");
        }
    }
}
