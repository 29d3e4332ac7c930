package dev.petal.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.api.Estimator;
import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import dev.petal.pipeline.Pipeline;
import dev.petal.pipeline.PipelineModel;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.selection.CvOptions;
import dev.petal.selection.CvResults;
import dev.petal.selection.ErrorScore;
import dev.petal.selection.GridSearchCV;
import dev.petal.selection.KFold;
import dev.petal.selection.ParameterGrid;
import dev.petal.selection.SearchResult;
import dev.petal.linear.LinearSVC;
import dev.petal.linear.LinearSVR;
import dev.petal.svm.ClassWeight;
import dev.petal.svm.Kernel;
import dev.petal.svm.NuSVC;
import dev.petal.svm.NuSVR;
import dev.petal.svm.SVC;
import dev.petal.svm.SVCModel;
import dev.petal.svm.SVR;
import dev.petal.svm.SVRModel;
import dev.petal.tasks.TaskBackend;
import dev.petal.tasks.TaskBackends;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Units sent through a task backend (estimator as JSON, data as shared bytes) give the local numbers bit for bit. */
class TaskCvBackendTest {
    private static final Dataset WINE = Datasets.wine();

    @Test
    void aPipelineGridOnTaskBackendEqualsTheLocalRun() {
        Pipeline p = Pipeline.of(StandardScaler.defaults(), SVC.defaults().withClassWeight(ClassWeight.of(Map.of(1, 2.0))));
        ParameterGrid grid = ParameterGrid.of(Map.of("svc__C", List.of(0.1, 1, 10), "svc__gamma", List.of("scale", -1.0, 0.05)));
        CvOptions o = CvOptions.defaults().withCv(KFold.shuffled(4, 7)).withScoring("f1_weighted").withReturnTrainScore(true);
        SearchResult<PipelineModel> local = GridSearchCV.of(p, grid).withOptions(o.withNJobs(2)).fit(WINE.x(), WINE.y());
        try (TaskBackend tasks = TaskBackends.local(2)) {
            SearchResult<PipelineModel> remote = GridSearchCV.of(p, grid).withOptions(o.withBackend(new TaskCvBackend(tasks)))
                    .fit(WINE.x(), WINE.y());
            assertSame(local.cvResults(), remote.cvResults());
            assertEquals(local.bestParams(), remote.bestParams());
            assertEquals(local.warnings(), remote.warnings());
        }
    }

    /** Wine with two entries of every three zeroed, as CSR: a sparse job travels as data, indptr and indices. */
    private static dev.petal.linalg.CsrMatrix sparseWine() {
        double[][] a = WINE.x().toArray();
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                if ((i + j) % 3 != 0) {
                    a[i][j] = 0.0;
                }
            }
        }
        return dev.petal.linalg.CsrMatrix.fromDense(dev.petal.linalg.Matrix.of(a));
    }

    @Test
    void aGridOnCsrRowsOnTaskBackendEqualsTheLocalRun() {
        dev.petal.linalg.CsrMatrix x = sparseWine();
        ParameterGrid grid = ParameterGrid.of(Map.of("C", List.of(0.1, 10), "kernel", List.of("rbf", "sigmoid")));
        CvOptions o = CvOptions.defaults().withCv(4).withReturnTrainScore(true);
        SearchResult<SVCModel> local = GridSearchCV.of(SVC.defaults(), grid).withOptions(o.withNJobs(2)).fit(x, WINE.y());
        double[] target = java.util.Arrays.stream(WINE.y()).asDoubleStream().toArray();
        ParameterGrid rgrid = ParameterGrid.of(Map.of("C", List.of(1, 100)));
        SearchResult<SVRModel> localR = GridSearchCV.of(SVR.defaults(), rgrid).withOptions(o.withNJobs(2)).fit(x, target);
        try (TaskBackend tasks = TaskBackends.local(2)) {
            CvOptions remote = o.withBackend(new TaskCvBackend(tasks));
            SearchResult<SVCModel> r = GridSearchCV.of(SVC.defaults(), grid).withOptions(remote).fit(x, WINE.y());
            assertSame(local.cvResults(), r.cvResults());
            assertEquals(local.bestParams(), r.bestParams());
            SearchResult<SVRModel> rr = GridSearchCV.of(SVR.defaults(), rgrid).withOptions(remote).fit(x, target);
            assertSame(localR.cvResults(), rr.cvResults());
        }
        // the sparse path differs from the dense one only in the rows it reads: same numbers on the dense copy
        SearchResult<SVCModel> dense = GridSearchCV.of(SVC.defaults(), grid).withOptions(o.withNJobs(2)).fit(x.toDense(), WINE.y());
        assertArrayEquals(dense.cvResults().meanTestScore(), local.cvResults().meanTestScore(), 0.0);
    }

    @Test
    void errorScoreRaiseThrowsTheUnitsOwnException() {
        try (TaskBackend tasks = TaskBackends.local(2)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GridSearchCV.of(SVC.defaults(), ParameterGrid.of(Map.of("gamma", List.of(1.0, -1.0))))
                            .withOptions(CvOptions.defaults().withErrorScore(ErrorScore.raise()).withBackend(new TaskCvBackend(tasks)))
                            .fit(WINE.x(), WINE.y()));
            assertTrue(e.getMessage().startsWith("The 'gamma' parameter of SVC must be"), e.getMessage());
        }
    }

    @Test
    void specsRoundTrip() {
        Estimator<?> p = Pipeline.of(new StandardScaler(false, true), SVC.defaults().withC(3).withParam("kernel", "poly"));
        assertEquals(p, EstimatorSpec.fromJson(EstimatorSpec.toJson(p)));
        SVCModel m = SVC.defaults().fit(WINE.x(), WINE.y());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EstimatorSpec.toJson((Estimator<?>) (x, y) -> m));
        assertTrue(e.getMessage().endsWith("cannot be sent to another JVM; supported estimators: pipeline, svc, nusvc, "
                + "linearsvc, svr, nusvr, linearsvr, standardscaler."), e.getMessage());
        for (Object est : List.of(NuSVC.defaults().withNu(0.3), LinearSVC.defaults().withRandomState(0L).withC(2),
                SVR.defaults().withEpsilon(0.5).withKernel(Kernel.POLY), NuSVR.defaults().withC(7),
                LinearSVR.defaults().withLoss("squared_epsilon_insensitive"),
                dev.petal.pipeline.RegressorPipeline.of(new StandardScaler(true, false), SVR.defaults().withC(4)))) {
            assertEquals(est, EstimatorSpec.fromJson(EstimatorSpec.toJson(est)));
        }
    }

    @Test
    void aRegressorGridOnTaskBackendEqualsTheLocalRun() {
        Dataset d = Datasets.makeClassification(120, 3);
        double[] y = new double[d.y().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = d.x().get(i, 0) * 3.0 - d.x().get(i, 1) + 0.5 * d.y()[i];
        }
        ParameterGrid grid = ParameterGrid.of(Map.of("C", List.of(0.5, 5), "epsilon", List.of(0.1, 0.5)));
        CvOptions o = CvOptions.defaults().withCv(4).withScoring("neg_mean_squared_error").withReturnTrainScore(true);
        SearchResult<SVRModel> local = GridSearchCV.of(SVR.defaults(), grid).withOptions(o.withNJobs(2)).fit(d.x(), y);
        try (TaskBackend tasks = TaskBackends.local(2)) {
            SearchResult<SVRModel> remote = GridSearchCV.of(SVR.defaults(), grid)
                    .withOptions(o.withBackend(new TaskCvBackend(tasks))).fit(d.x(), y);
            assertSame(local.cvResults(), remote.cvResults());
            assertEquals(local.bestParams(), remote.bestParams());
        }
    }

    private static void assertSame(CvResults a, CvResults b) {
        assertEquals(a.params(), b.params());
        for (int k = 0; k < a.nSplits(); k++) {
            assertArrayEquals(a.splitTestScore(k), b.splitTestScore(k), 0.0);
            assertArrayEquals(a.splitTrainScore(k), b.splitTrainScore(k), 0.0);
        }
        assertArrayEquals(a.rankTestScore(), b.rankTestScore());
    }
}
