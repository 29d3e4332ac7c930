package dev.petal.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import dev.petal.pipeline.Pipeline;
import dev.petal.pipeline.PipelineModel;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.search.TaskCvBackend;
import dev.petal.selection.CvOptions;
import dev.petal.selection.CvResults;
import dev.petal.selection.GridSearchCV;
import dev.petal.selection.KFold;
import dev.petal.selection.ParameterGrid;
import dev.petal.selection.SearchResult;
import dev.petal.svm.SVC;
import dev.petal.svm.SVR;
import dev.petal.svm.SVRModel;
import dev.petal.tasks.TaskBackend;
import dev.petal.tasks.TaskBackends;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The same grid search on this machine's cores and on {@code spark:local[2]} (embedded Spark, two task
 * threads): identical {@code cv_results_} — every split's test and train score, means, standard deviations,
 * ranks — and the same best candidate, for a classifier Pipeline, a regressor and CSR rows.
 */
class SparkGridSearchTest {
    @AfterAll
    static void stopSpark() {
        SparkSessions.stop();
    }

    @Test
    void aPipelineGridOnSparkEqualsTheLocalRun() {
        Dataset wine = Datasets.wine();
        GridSearchCV<PipelineModel> search = GridSearchCV.of(Pipeline.of(StandardScaler.defaults(), SVC.defaults()),
                ParameterGrid.of(Map.of("svc__C", List.of(0.1, 1.0, 10.0), "svc__gamma", List.of("scale", 0.01, -1.0))));
        // gamma=-1 fails at fit: error_score=nan travels back from Spark too
        CvOptions o = CvOptions.defaults().withCv(5).withScoring("f1_macro").withReturnTrainScore(true);
        SearchResult<PipelineModel> local = search.withOptions(o.withNJobs(2)).fit(wine.x(), wine.y());
        SearchResult<PipelineModel> spark;
        try (TaskBackend tasks = TaskBackends.open("spark:local[2]")) {
            assertTrue(tasks instanceof dev.petal.spark.tasks.SparkTaskBackend, tasks.getClass().getName());
            spark = search.withOptions(o.withBackend(new TaskCvBackend(tasks))).fit(wine.x(), wine.y());
        }
        assertSame(local, spark);
        assertTrue(Double.isNaN(spark.cvResults().meanTestScore()[2]), "the failing candidate scores nan");
        assertEquals(local.warnings(), spark.warnings());
    }

    @Test
    void aRegressorGridOnSparkEqualsTheLocalRun() {
        Dataset d = Datasets.makeClassification(150, 11);
        double[] y = new double[d.y().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = 2.0 * d.x().get(i, 0) - d.x().get(i, 3) + d.y()[i];
        }
        GridSearchCV<SVRModel> search = GridSearchCV.of(SVR.defaults(),
                ParameterGrid.of(Map.of("C", List.of(0.5, 5.0), "epsilon", List.of(0.05, 0.5), "kernel", List.of("rbf", "linear"))));
        CvOptions o = CvOptions.defaults().withCv(KFold.shuffled(4, 3)).withScoring("neg_mean_squared_error");
        SearchResult<SVRModel> local = search.withOptions(o.withNJobs(2)).fit(d.x(), y);
        SearchResult<SVRModel> spark;
        java.util.Map<Integer, Double> heard = new java.util.TreeMap<>();
        try (TaskBackend tasks = TaskBackends.open("spark:local[2]")) {
            spark = search.withOptions(o.withBackend(new TaskCvBackend(tasks))
                    .withListener((i, row) -> heard.put(i, row.meanTestScore()[0]))).fit(d.x(), y);
        }
        assertSame(local, spark);
        // every candidate was reported once, with its final mean score
        assertEquals(8, heard.size());
        heard.forEach((i, m) -> assertEquals(local.cvResults().meanTestScore()[i], m, 0.0));
    }

    @Test
    void aGridOnCsrRowsOnSparkEqualsTheLocalRun() {
        Dataset d = Datasets.makeClassification(120, 5);
        double[][] a = d.x().toArray();
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                if ((i * 7 + j) % 3 != 0) {
                    a[i][j] = 0.0;   // two entries in three zero: a sparse job, shipped as data, indptr, indices
                }
            }
        }
        dev.petal.linalg.CsrMatrix x = dev.petal.linalg.CsrMatrix.fromDense(dev.petal.linalg.Matrix.of(a));
        GridSearchCV<dev.petal.linear.LinearSVCModel> search = GridSearchCV.of(
                dev.petal.linear.LinearSVC.defaults().withRandomState(0L),
                ParameterGrid.of(Map.of("C", List.of(0.1, 1.0), "loss", List.of("hinge", "squared_hinge"))));
        CvOptions o = CvOptions.defaults().withCv(4).withReturnTrainScore(true);
        SearchResult<dev.petal.linear.LinearSVCModel> local = search.withOptions(o.withNJobs(2)).fit(x, d.y());
        SearchResult<dev.petal.linear.LinearSVCModel> spark;
        try (TaskBackend tasks = TaskBackends.open("spark:local[2]")) {
            spark = search.withOptions(o.withBackend(new TaskCvBackend(tasks))).fit(x, d.y());
        }
        assertSame(local, spark);
    }

    @Test
    void petalCvOfAnSvmlightFileOnSparkPrintsTheLocalResults(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path data = dir.resolve("cv_sparse_cls.svm");
        try (java.io.InputStream in = SparkGridSearchTest.class.getResourceAsStream("/fixtures/cv_sparse_cls.svm")) {
            java.nio.file.Files.copy(in, data);
        }
        String[] args = {"cv", "--format", "svmlight", "--data", data.toString(), "--param", "C=choice(0.1, 10.0)",
            "--param", "kernel=choice(linear, rbf)", "--cv", "3"};
        String local = SparkScoringTest.petal(args);
        String[] onSpark = java.util.Arrays.copyOf(args, args.length + 2);
        onSpark[args.length] = "--target";
        onSpark[args.length + 1] = "spark:local[2]";
        assertEquals(local, SparkScoringTest.petal(onSpark));
    }

    private static void assertSame(SearchResult<?> a, SearchResult<?> b) {
        CvResults x = a.cvResults();
        CvResults y = b.cvResults();
        assertEquals(x.params(), y.params());
        assertEquals(x.nSplits(), y.nSplits());
        for (int k = 0; k < x.nSplits(); k++) {
            assertArrayEquals(x.splitTestScore(k), y.splitTestScore(k), 0.0, "split" + k + "_test_score");
            if (x.splitTrainScore(k) != null) {
                assertArrayEquals(x.splitTrainScore(k), y.splitTrainScore(k), 0.0, "split" + k + "_train_score");
            }
        }
        assertArrayEquals(x.meanTestScore(), y.meanTestScore(), 0.0);
        assertArrayEquals(x.stdTestScore(), y.stdTestScore(), 0.0);
        assertArrayEquals(x.rankTestScore(), y.rankTestScore());
        assertEquals(a.bestIndex(), b.bestIndex());
        assertEquals(a.bestParams(), b.bestParams());
        assertEquals(a.bestScore(), b.bestScore(), 0.0);
    }
}
