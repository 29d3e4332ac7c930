package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.petal.linalg.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The fit reads X's own array without a copy, and the model builds its prediction layout once, on first use. */
class SharedInputTest {
    private static double[] data(int n, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n * d];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian() + (i / d % 3);
        }
        return v;
    }

    private static int[] labels(int n) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
        }
        return y;
    }

    @Test
    void fitAndPredictLeaveAnAdoptedArrayAsItWas() {
        for (Kernel kernel : List.of(Kernel.RBF, Kernel.LINEAR, Kernel.POLY, Kernel.SIGMOID)) {
            double[] v = data(90, 5, 1);
            double[] before = v.clone();
            Matrix x = Matrix.adopt(90, 5, v);
            SVCModel m = SVC.defaults().withKernel(kernel).withProbability(true).withRandomState(0L).fit(x, labels(90));
            m.predict(x);
            m.decisionFunction(x);
            m.predictProba(x);
            assertArrayEquals(before, v, kernel.pyName());
            // the fit on the shared array equals the fit on a copy
            SVCModel copy = SVC.defaults().withKernel(kernel).withProbability(true).withRandomState(0L)
                    .fit(Matrix.of(90, 5, before), labels(90));
            assertEquals(copy.state().supportVectors(), m.state().supportVectors());
            assertArrayEquals(copy.dualCoef(), m.dualCoef());
        }
    }

    @Test
    void concurrentFirstPredictionsAgreeWithALaterOne() throws Exception {
        for (Kernel kernel : List.of(Kernel.RBF, Kernel.LINEAR)) {
            Matrix x = Matrix.of(120, 4, data(120, 4, 2));
            SVCModel fitted = SVC.defaults().withKernel(kernel).fit(x, labels(120));
            SVCModel fresh = SVCModel.fromState(fitted.state());
            Matrix test = Matrix.of(50, 4, data(50, 4, 3));
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<int[]>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    results.add(pool.submit(() -> fresh.predict(test)));
                }
                int[] expected = fitted.predict(test);
                for (Future<int[]> f : results) {
                    assertArrayEquals(expected, f.get());
                }
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
            }
            assertEquals(fitted.decisionFunction(test), fresh.withParallelism(dev.petal.api.Parallelism.serial()).decisionFunction(test));
        }
    }
}
