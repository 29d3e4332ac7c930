package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.api.DecisionClassifier;
import dev.petal.check.PyRepr;
import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import dev.petal.modelio.ModelIO;
import dev.petal.pipeline.PipelineModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code petal cv} end to end: cross_val_score and GridSearchCV numbers as scikit-learn 1.2.1 prints them
 * (the values of fixtures/gen_model_selection.py's iris and breast_cancer cases), --json keys, --model, bad input.
 */
class CvCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Path iris;
    static Path cancer;

    @BeforeAll
    static void data() throws IOException {
        iris = write("iris.csv", Datasets.iris());
        cancer = write("cancer.csv", Datasets.breastCancer());
    }

    @Test
    void withoutParamPrintsCrossValScore() {
        CliResult r = CliResult.petal("cv", "--data", iris.toString());
        assertEquals(0, r.code(), r.err());
        // cross_val_score(SVC(), X, y) on iris
        assertTrue(r.out().contains("scores: [0.9666666666666667, 0.9666666666666667, 0.9666666666666667, 0.9333333333333333, 1.0]"),
                r.out());
    }

    @Test
    void withParamIsGridSearchCvWithScikitLearnsKeys() throws Exception {
        CliResult r = CliResult.petal("cv", "--data", iris.toString(), "--param", "C=choice(0.1, 1, 10)",
                "--param", "kernel=choice('linear', 'rbf')", "--json", "--n-jobs", "2");
        assertEquals(0, r.code(), r.err());
        JsonNode o = JSON.readTree(r.out());
        // GridSearchCV(SVC(), {"C": [0.1, 1, 10], "kernel": ["linear", "rbf"]}).fit(X, y) on iris
        assertEquals("{\"C\":1,\"kernel\":\"linear\"}", o.get("best_params").toString());
        assertEquals(0.9800000000000001, o.get("best_score").doubleValue());
        JsonNode cv = o.get("cv_results");
        assertEquals("[3,6,1,5,3,1]", cv.get("rank_test_score").toString());
        assertEquals("[0.9733333333333334,0.9200000000000002,0.9800000000000001,0.9666666666666666,0.9733333333333334,"
                + "0.9800000000000001]", cv.get("mean_test_score").toString());
        assertEquals("[0.1,0.1,1,1,10,10]", cv.get("param_C").toString());
        assertEquals(List.of("mean_fit_time", "std_fit_time", "mean_score_time", "std_score_time", "param_C", "param_kernel",
                "params", "split0_test_score", "split1_test_score", "split2_test_score", "split3_test_score", "split4_test_score",
                "mean_test_score", "std_test_score", "rank_test_score"), fieldNames(cv));
    }

    @Test
    void scaledPipelineGridSavesTheRefittedBestModel() throws Exception {
        Path best = dir.resolve("best.petal");
        CliResult r = CliResult.petal("cv", "--data", cancer.toString(), "--scale", "--param", "svc__C=choice(0.1, 1)",
                "--scoring", "roc_auc", "--model", best.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("best_params: {'svc__C': 1}"), r.out());
        assertTrue(r.out().contains("best_score: 0.995915826570101"), r.out());
        DecisionClassifier m = ModelIO.loadClassifier(best);
        assertTrue(m instanceof PipelineModel, m.toString());
        assertEquals(30, m.nFeatures());
    }

    @Test
    void trainSharesTheEstimatorFlagsIncludingScale() throws Exception {
        Path m = dir.resolve("scaled.petal");
        CliResult r = CliResult.petal("train", "--data", iris.toString(), "--model", m.toString(), "--scale", "--C", "10");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("trained StandardScaler + SVC(kernel='rbf', C=10.0, gamma=scale) on 150 rows"), r.out());
        assertTrue(ModelIO.loadClassifier(m) instanceof PipelineModel);
    }

    @Test
    void aTrackedSearchIsARunWithOneChildPerCandidateAndRegistersTheBest() throws Exception {
        Path ws = dir.resolve("ws");
        Path best = dir.resolve("tracked-best.petal");
        CliResult r = CliResult.petal("cv", "--data", iris.toString(), "--param", "C=choice(0.1, 1, 10)",
                "--param", "kernel=choice('linear', 'rbf')", "--workspace", ws.toString(), "--experiment", "iris-grid",
                "--model", best.toString(), "--register", "iris-best", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("registered model iris-best version 1"), r.err());
        List<dev.petal.tracking.Run> runs = new dev.petal.tracking.Experiment(dev.petal.tracking.Workspace.at(ws), "iris-grid").getRuns();
        dev.petal.tracking.Run parent = runs.stream().filter(x -> x.getDetails().parentId() == null).findFirst().orElseThrow();
        assertEquals("Completed", parent.getStatus().azureName());
        assertEquals("1", parent.getParams().get("best_C"));
        assertEquals(0.9800000000000001, ((Number) parent.getMetrics().get("best_score")).doubleValue());
        List<dev.petal.tracking.Run> children = parent.getChildren();
        assertEquals(6, children.size());
        double[] expected = {0.9733333333333334, 0.9200000000000002, 0.9800000000000001, 0.9666666666666666,
            0.9733333333333334, 0.9800000000000001};
        for (dev.petal.tracking.Run c : children) {
            int i = Integer.parseInt(c.getDetails().displayName().substring("candidate ".length()));
            assertEquals(expected[i], ((Number) c.getMetrics().get("mean_test_score")).doubleValue(), c.getDetails().displayName());
            assertEquals("Completed", c.getStatus().azureName());
        }
    }

    @Test
    void badInputIsOneLine() {
        assertError(2, "error: --scoring: 'acuracy' is not a valid scoring value. Valid options are accuracy, ",
                "cv", "--data", iris.toString(), "--scoring", "acuracy");
        assertError(2, "error: --param: Invalid parameter 'foo' for estimator SVC(). Valid parameters are: ['C', ",
                "cv", "--data", iris.toString(), "--param", "foo=choice(1, 2)");
        assertError(2, "error: Parameter grid for parameter 'C' need to be a non-empty sequence, got: []",
                "cv", "--data", iris.toString(), "--param", "C=choice()");
        assertError(2, "error: --param C is a distribution; add --n-iter N to sample N candidates (RandomizedSearchCV)",
                "cv", "--data", iris.toString(), "--param", "C=uniform(0.1, 10)");
        assertError(1, "error: unknown compute target 'nowhere'",
                "cv", "--data", iris.toString(), "--target", "nowhere");
        assertError(1, "error: n_splits=51 cannot be greater than the number of members in each class.",
                "cv", "--data", iris.toString(), "--cv", "51");
        assertError(1, "error: All the 5 fits failed. It is very likely that your model is misconfigured; the first failure: "
                + "IllegalArgumentException: The 'gamma' parameter of SVC must be",
                "cv", "--data", iris.toString(), "--param", "gamma=choice(-1.0)");
    }

    @Test
    void aClassSmallerThanTheFoldsWarnsAsScikitLearnDoes() throws IOException {
        Dataset all = Datasets.iris();
        int[] rows = java.util.stream.IntStream.range(0, 110).toArray();
        Path uneven = write("uneven.csv", new Dataset(all.x().selectRows(rows), java.util.Arrays.copyOf(all.y(), 110),
                all.featureNames(), all.targetNames(), "iris, first 110 rows"));
        CliResult r = CliResult.petal("cv", "--data", uneven.toString(), "--cv", "20", "--n-jobs", "2");
        assertEquals(0, r.code(), r.err());
        assertEquals("warning: The least populated class in y has only 10 members, which is less than n_splits=20.\n", r.err());
    }

    private static void assertError(int code, String prefix, String... args) {
        CliResult r = CliResult.petal(args);
        assertEquals(code, r.code(), r.err());
        assertTrue(r.err().startsWith(prefix), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> names = new java.util.ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Path write(String name, Dataset d) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < d.x().cols(); j++) {
            sb.append("f").append(j).append(',');
        }
        sb.append("label\n");
        for (int i = 0; i < d.x().rows(); i++) {
            for (double v : d.x().row(i)) {
                sb.append(PyRepr.of(v)).append(',');
            }
            sb.append(d.y()[i]).append('\n');
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }
}
