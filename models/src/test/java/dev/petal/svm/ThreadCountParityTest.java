package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.petal.api.Parallelism;
import dev.petal.datasets.Dataset;
import dev.petal.datasets.MakeClassification;
import dev.petal.linalg.Matrix;
import org.junit.jupiter.api.Test;

/**
 * Fits and predictions at 1, 2 and 5 threads give bit-identical results on data above every parallel
 * threshold: 6,000 active samples (the solver's passes split from 2 x 2,500), kernel columns of 6,000 x 20
 * (above the 100,000-entry fill threshold), hundreds of cached columns swapped in parallel by shrinking,
 * three one-vs-one pairs trained side by side, and a bulk prediction of 2,000 rows split into blocks.
 */
class ThreadCountParityTest {
    private static final int[] THREADS = {1, 2, 5};

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
