package dev.petal.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.linalg.Matrix;
import dev.petal.svm.SVC;
import dev.petal.svm.SVCModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The same numbers on any number of threads; no thread outlives a call, also when it is interrupted. */
class ParallelSearchTest {
    private static final Matrix X = SelectionFixtures.x("wine");
    private static final int[] Y = SelectionFixtures.y("wine");
    private static final ParameterGrid GRID = ParameterGrid.of(Map.of("C", List.of(0.1, 1, 10), "gamma", List.of("scale", 1e-4)));

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() {
        SearchResult<SVCModel> one = search(1);
        for (int threads : new int[] {2, 3, 7}) {
            SearchResult<SVCModel> r = search(threads);
            for (int k = 0; k < 5; k++) {
                assertArrayEquals(one.cvResults().splitTestScore(k), r.cvResults().splitTestScore(k), 0.0);
            }
            assertArrayEquals(one.cvResults().rankTestScore(), r.cvResults().rankTestScore());
            assertEquals(one.bestParams(), r.bestParams());
            assertEquals(one.bestEstimator().nSupport().length, r.bestEstimator().nSupport().length);
        }
        assertEquals(0, cvThreads(), "threads left behind");
    }

    @Test
    void interruptingTheCallerCancelsTheSearchAndStopsItsThreads() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        ParameterGrid big = ParameterGrid.of(Map.of("C", List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 2.0, 3.0,
                4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0), "tol", List.of(1e-3, 1e-4, 1e-5, 1e-6)));
        Thread caller = new Thread(() -> {
            try {
                GridSearchCV.of(SVC.defaults(), big).withOptions(CvOptions.defaults().withNJobs(2).withCv(10)).fit(X, Y);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        caller.start();
        while (cvThreads() == 0 && caller.isAlive()) {
            Thread.sleep(1);
        }
        caller.interrupt();
        caller.join(60_000);
        assertTrue(!caller.isAlive(), "the search did not stop");
        assertTrue(thrown.get() instanceof CancellationException, String.valueOf(thrown.get()));
        assertEquals(0, cvThreads(), "threads left behind");
    }

    private static SearchResult<SVCModel> search(int threads) {
        return GridSearchCV.of(SVC.defaults(), GRID).withOptions(CvOptions.defaults().withNJobs(threads)).fit(X, Y);
    }

    private static long cvThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("petal-cv-") && t.isAlive()).count();
    }
}
