package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.api.Regressor;
import dev.petal.check.PyRepr;
import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import dev.petal.modelio.ModelIO;
import dev.petal.svm.SVRModel;
import dev.petal.tracking.Experiment;
import dev.petal.tracking.Run;
import dev.petal.tracking.Workspace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code petal cv} of regressors (KFold, r2 / neg_mean_squared_error) and RandomizedSearchCV ({@code --n-iter},
 * scipy.stats distributions) end to end, against scikit-learn 1.2.1 (fixtures/gen_regression_selection.py writes
 * the diabetes CSV and cv_cli.json): every score exact, candidates, ranks and best parameters identical.
 */
class CvSearchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Path diabetes;
    static Path iris;
    static JsonNode expected;

    @BeforeAll
    static void data() throws IOException {
        diabetes = dir.resolve("diabetes.csv");
        try (InputStream in = CvSearchCommandTest.class.getResourceAsStream("/fixtures/cv_diabetes.csv")) {
            Files.copy(in, diabetes);
        }
        try (InputStream in = CvSearchCommandTest.class.getResourceAsStream("/fixtures/cv_cli.json")) {
            expected = JSON.readTree(in);
        }
        Dataset d = Datasets.iris();
        StringBuilder sb = new StringBuilder("a,b,c,d,label\n");
        for (int i = 0; i < d.x().rows(); i++) {
            for (double v : d.x().row(i)) {
                sb.append(PyRepr.of(v)).append(',');
            }
            sb.append(d.y()[i]).append('\n');
        }
        iris = dir.resolve("iris.csv");
        Files.writeString(iris, sb.toString());
    }

    static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).doubleValue();
        }
        return out;
    }

    private static JsonNode json(String... args) throws IOException {
        CliResult r = CliResult.petal(args);
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    /** cv_results_' scores exact, candidates, ranks and best as scikit-learn has them. */
    static void assertSearch(JsonNode exp, JsonNode got) {
        JsonNode e = exp.get("cv_results");
        JsonNode g = got.get("cv_results");
        assertEquals(e.get("params").size(), g.get("params").size());
        for (int i = 0; i < e.get("params").size(); i++) {
            JsonNode ep = e.get("params").get(i);
            JsonNode gp = g.get("params").get(i);
            assertEquals(ep.size(), gp.size(), gp.toString());
            ep.properties().forEach(f -> {
                JsonNode v = gp.get(f.getKey());
                if (f.getValue().isNumber()) {
                    assertEquals(f.getValue().doubleValue(), v.doubleValue(), 0.0, f.getKey() + " of candidate " + gp);
                } else {
                    assertEquals(f.getValue(), v, f.getKey());
                }
            });
        }
        for (int k = 0; k < exp.get("n_splits").intValue(); k++) {
            assertArrayEquals(doubles(e.get("split" + k + "_test_score")), doubles(g.get("split" + k + "_test_score")), 0.0);
        }
        assertArrayEquals(doubles(e.get("mean_test_score")), doubles(g.get("mean_test_score")), 0.0);
        assertArrayEquals(doubles(e.get("std_test_score")), doubles(g.get("std_test_score")), 0.0);
        assertEquals(e.get("rank_test_score"), g.get("rank_test_score"));
        assertEquals(exp.get("best_index").intValue(), got.get("best_index").intValue());
        assertEquals(exp.get("best_score").doubleValue(), got.get("best_score").doubleValue(), 0.0);
    }

    @Test
    void crossValScoreOfSvrIsKFoldWithTheRegressionScorer() throws Exception {
        JsonNode o = json("cv", "--data", diabetes.toString(), "--estimator", "svr", "--C", "100",
                "--scoring", "neg_mean_squared_error", "--json", "--n-jobs", "2");
        assertArrayEquals(doubles(expected.get("cross_val_score_svr_c100_mse")), doubles(o.get("test_score")), 0.0);
        CliResult text = CliResult.petal("cv", "--data", diabetes.toString(), "--estimator", "svr", "--cv", "3");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("cross_val_score: 442 rows, 3 folds, scoring r2\n"), text.out());
    }

    @Test
    void gridSearchOfSvrSavesTheRefittedRegressor() throws Exception {
        Path best = dir.resolve("svr-best.petal");
        JsonNode o = json("cv", "--data", diabetes.toString(), "--estimator", "svr", "--param", "C=choice(1.0, 10.0, 100.0)",
                "--param", "epsilon=choice(0.1, 1.0)", "--json", "--model", best.toString());
        assertSearch(expected.get("grid_svr"), o);
        Regressor m = ModelIO.load(best).asRegressor();
        assertTrue(m instanceof SVRModel, m.toString());
        assertEquals(10, m.nFeatures());
    }

    @Test
    void aScaledSvrGridNamesTheStepsAndSavesThePipeline() throws Exception {
        Path best = dir.resolve("scaled-svr-best.petal");
        JsonNode o = json("cv", "--data", diabetes.toString(), "--estimator", "svr", "--scale",
                "--param", "svr__C=choice(1.0, 10.0, 100.0)", "--param", "svr__epsilon=choice(0.1, 5.0)",
                "--scoring", "neg_mean_absolute_error", "--json", "--model", best.toString(), "--n-jobs", "2");
        assertSearch(expected.get("grid_scaled_svr"), o);
        Regressor m = ModelIO.load(best).asRegressor();
        assertTrue(m instanceof dev.petal.pipeline.RegressorPipelineModel, m.toString());
    }

    @Test
    void nIterSamplesScipyDistributionsAsRandomizedSearchCv() throws Exception {
        JsonNode o = json("cv", "--data", diabetes.toString(), "--estimator", "svr", "--param", "C=loguniform(1, 1000)",
                "--param", "epsilon=uniform(0, 5)", "--param", "kernel=choice('rbf', 'linear')", "--n-iter", "6",
                "--seed", "0", "--scoring", "neg_mean_squared_error", "--json", "--n-jobs", "2");
        assertSearch(expected.get("random_svr"), o);
        o = json("cv", "--data", iris.toString(), "--param", "C=loguniform(0.01, 100)", "--param", "kernel=choice(linear, rbf)",
                "--param", "degree=randint(1, 4)", "--n-iter", "5", "--seed", "3", "--json");
        assertSearch(expected.get("random_iris"), o);
        CliResult text = CliResult.petal("cv", "--data", iris.toString(), "--param", "C=choice(0.5, 1, 2)", "--n-iter", "2",
                "--seed", "1");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("RandomizedSearchCV: 2 candidates x 5 folds = 10 fits, scoring accuracy\n"), text.out());
    }

    @Test
    void aTrackedRandomSearchHasOneRankedChildPerCandidate() {
        Path ws = dir.resolve("ws");
        CliResult r = CliResult.petal("cv", "--data", diabetes.toString(), "--estimator", "nusvr", "--param",
                "nu=uniform(0.1, 0.8)", "--param", "C=choice(1, 10)", "--n-iter", "3", "--seed", "5", "--cv", "3",
                "--workspace", ws.toString(), "--experiment", "diabetes-random");
        assertEquals(0, r.code(), r.err());
        Run parent = new Experiment(Workspace.at(ws), "diabetes-random").getRuns().stream()
                .filter(x -> x.getDetails().parentId() == null).findFirst().orElseThrow();
        assertEquals("3", parent.getParams().get("n_iter"));
        assertEquals("r2", parent.getParams().get("scoring"));
        List<Run> children = parent.getChildren();
        assertEquals(3, children.size());
        for (Run c : children) {
            assertEquals("Completed", c.getStatus().azureName());
            assertTrue(c.getMetrics().containsKey("rank_test_score"), c.getMetrics().toString());
            assertTrue(c.getParams().containsKey("nu"), c.getParams().toString());
        }
    }

    @Test
    void badInputIsOneLine() throws IOException {
        Path words = dir.resolve("words.csv");
        Files.writeString(words, "x,y\n1.0,small\n2.0,large\n3.0,small\n4.0,large\n");
        assertError(2, "error: --param: Invalid parameter 'foo' for estimator SVR(). Valid parameters are: ['C', 'cache_size', "
                + "'coef0', 'degree', 'epsilon', 'gamma', 'kernel', 'max_iter', 'shrinking', 'tol'].",
                "cv", "--data", diabetes.toString(), "--estimator", "svr", "--param", "foo=choice(1, 2)");
        assertError(2, "error: --param C is a distribution; add --n-iter N to sample N candidates (RandomizedSearchCV), "
                + "or list values with choice(a, b, ...) for a grid", "cv", "--data", iris.toString(), "--param", "C=uniform(0.1, 10)");
        assertError(2, "error: --seed is the random search's random_state; it needs --n-iter N",
                "cv", "--data", iris.toString(), "--param", "C=choice(1, 2)", "--seed", "3");
        assertError(2, "error: --n-iter must be at least 1, got 0", "cv", "--data", iris.toString(), "--param", "C=choice(1, 2)",
                "--n-iter", "0");
        assertError(2, "error: --n-iter samples the --param values; give at least one --param NAME=EXPR",
                "cv", "--data", iris.toString(), "--n-iter", "3");
        assertError(2, "error: --param C: petal cv takes choice(a, b, ...), and with --n-iter uniform(loc, scale), "
                + "loguniform(a, b) or randint(low, high); got normal(0.0, 1.0)",
                "cv", "--data", iris.toString(), "--param", "C=normal(0, 1)", "--n-iter", "3");
        assertError(2, "error: --param C: loguniform(a, b) needs 0 < a < b, got a=10.0, b=1.0.",
                "cv", "--data", iris.toString(), "--param", "C=loguniform(10, 1)", "--n-iter", "3");
        assertError(2, "error: --param degree: randint(low, high) takes two integers; got randint(1.5, 3)",
                "cv", "--data", iris.toString(), "--param", "degree=randint(1.5, 3)", "--n-iter", "3");
        assertError(2, "error: petal cv takes classifiers and regressors; --estimator oneclass is an outlier detector",
                "cv", "--data", iris.toString(), "--estimator", "oneclass");
        assertError(2, "error: --param: Invalid parameter 'C' for estimator Pipeline(). Valid parameters are: "
                + "['standardscaler__with_mean', 'standardscaler__with_std', 'svr__C', ",
                "cv", "--data", diabetes.toString(), "--estimator", "svr", "--scale", "--param", "C=choice(1, 2)");
        assertError(2, "error: Parameter grid for parameter 'C' need to be a non-empty sequence, got: []",
                "cv", "--data", diabetes.toString(), "--estimator", "svr", "--param", "C=choice()");
        assertError(2, "error: --scoring: 'acuracy' is not a valid scoring value. Valid options are accuracy, ",
                "cv", "--data", diabetes.toString(), "--estimator", "svr", "--scoring", "acuracy");
        // KFold's own limit (scikit-learn's text): more folds than rows
        assertError(1, "error: Cannot have number of splits n_splits=500 greater than the number of samples: n_samples=442.",
                "cv", "--data", diabetes.toString(), "--estimator", "svr", "--cv", "500");
        assertError(1, "error: " + words + " line 2: label 'small' is not a number; a regressor (--estimator svr) needs "
                + "numeric targets", "cv", "--data", words.toString(), "--estimator", "svr", "--cv", "2");
    }

    static void assertError(int code, String prefix, String... args) {
        CliResult r = CliResult.petal(args);
        assertEquals(code, r.code(), r.err());
        assertTrue(r.err().startsWith(prefix), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }
}
