package dev.petal.cli;

import static dev.petal.cli.CvSearchCommandTest.assertError;
import static dev.petal.cli.CvSearchCommandTest.assertSearch;
import static dev.petal.cli.CvSearchCommandTest.doubles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.api.Regressor;
import dev.petal.datasets.Svmlight;
import dev.petal.datasets.SvmlightData;
import dev.petal.linear.LinearSVR;
import dev.petal.linear.LinearSVRModel;
import dev.petal.modelio.ModelIO;
import dev.petal.pipeline.RegressorPipelineModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code petal cv --format svmlight} end to end (the file read as CSR, folds as its row subsets) and
 * {@code petal cv --estimator linearsvr --scale}, against scikit-learn 1.2.1 (fixtures/gen_selection_sparse.py
 * writes the .svm files with dump_svmlight_file and cv_sparse_cli.json from the files read back): scores exact.
 */
class CvSparseCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Path cls;
    static Path reg;
    static Path diabetes;
    static JsonNode expected;

    @BeforeAll
    static void data() throws IOException {
        cls = copy("cv_sparse_cls.svm");
        reg = copy("cv_sparse_reg.svm");
        diabetes = copy("cv_diabetes.csv");
        try (InputStream in = CvSparseCommandTest.class.getResourceAsStream("/fixtures/cv_sparse_cli.json")) {
            expected = JSON.readTree(in);
        }
    }

    private static Path copy(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = CvSparseCommandTest.class.getResourceAsStream("/fixtures/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private static JsonNode json(String... args) throws IOException {
        CliResult r = CliResult.petal(args);
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void gridSearchOfSvcOnSvmlightIsScikitLearnsOnCsr() throws Exception {
        Path best = dir.resolve("svc-best.petal");
        JsonNode o = json("cv", "--format", "svmlight", "--data", cls.toString(), "--param", "C=choice(0.1, 1.0, 10.0)",
                "--param", "kernel=choice(linear, rbf)", "--json", "--n-jobs", "2", "--model", best.toString());
        assertSearch(expected.get("grid_svc"), o);
        assertEquals(expected.get("grid_svc").get("best_params"), o.get("best_params"));
        // the refit is the best candidate fitted on every CSR row
        SvmlightData d = Svmlight.load(cls, null, 0);
        int[] y = java.util.Arrays.stream(d.y()).mapToInt(v -> (int) v).toArray();
        dev.petal.svm.SVCModel direct = dev.petal.svm.SVC.defaults().withC(0.1).withParam("kernel", "linear").fit(d.x(), y);
        dev.petal.api.Classifier saved = ModelIO.load(best).asClassifier();
        assertArrayEquals(direct.predict(d.x()), saved.predict(d.x()));
    }

    @Test
    void crossValScoreOfLinearSvcOnSvmlight() throws Exception {
        JsonNode o = json("cv", "--format", "svmlight", "--data", cls.toString(), "--estimator", "linearsvc",
                "--random-state", "0", "--max-iter", "5000", "--json");
        assertArrayEquals(doubles(expected.get("cross_val_linearsvc")), doubles(o.get("test_score")), 0.0);
        CliResult text = CliResult.petal("cv", "--format", "svmlight", "--data", cls.toString(), "--cv", "3");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("cross_val_score: 150 rows, 3 folds, scoring accuracy\n"), text.out());
    }

    @Test
    void regressorsOnSvmlightScoreAndSaveTheModelFittedOnAllRows() throws Exception {
        JsonNode o = json("cv", "--format", "svmlight", "--data", reg.toString(), "--estimator", "svr", "--C", "10", "--json");
        assertArrayEquals(doubles(expected.get("cross_val_svr")), doubles(o.get("test_score")), 0.0);
        Path model = dir.resolve("linearsvr.petal");
        o = json("cv", "--format", "svmlight", "--data", reg.toString(), "--estimator", "linearsvr", "--random-state", "0",
                "--max-iter", "5000", "--cv", "3", "--scoring", "neg_mean_squared_error", "--json", "--model", model.toString());
        assertArrayEquals(doubles(expected.get("cross_val_linearsvr_mse")), doubles(o.get("test_score")), 0.0);
        SvmlightData d = Svmlight.load(reg, null, 0);
        LinearSVRModel direct = LinearSVR.defaults().withRandomState(0L).withMaxIter(5000).fit(d.x(), d.y());
        Regressor saved = ModelIO.load(model).asRegressor();
        assertArrayEquals(direct.predict(d.x()), saved.predict(d.x().toDense()), 0.0);
    }

    /**
     * Within 1e-12 relative, as LinearParityTest documents for LinearSVR on dense rows: scikit-learn predicts
     * {@code X @ coef.T} with OpenBLAS's blocked dgemm, whose summation order Petal does not reproduce (on CSR rows
     * scipy sums each row in order, as Petal does, so the sparse tests above are exact).
     */
    private static void assertClose(double[] want, double[] got, String what) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], 1e-12 * Math.abs(want[i]), what + " [" + i + "]");
        }
    }

    @Test
    void scaledLinearSvrIsAPipelineAsInScikitLearn() throws Exception {
        JsonNode o = json("cv", "--data", diabetes.toString(), "--estimator", "linearsvr", "--scale", "--random-state", "0",
                "--max-iter", "5000", "--json");
        assertClose(doubles(expected.get("cross_val_scaled_linearsvr")), doubles(o.get("test_score")), "test_score");
        Path best = dir.resolve("scaled-linearsvr.petal");
        o = json("cv", "--data", diabetes.toString(), "--estimator", "linearsvr", "--scale", "--random-state", "0",
                "--max-iter", "5000", "--param", "linearsvr__C=choice(0.1, 1.0, 10.0)", "--cv", "4",
                "--scoring", "neg_mean_absolute_error", "--json", "--model", best.toString());
        JsonNode exp = expected.get("grid_scaled_linearsvr");
        JsonNode e = exp.get("cv_results");
        JsonNode g = o.get("cv_results");
        assertEquals(e.get("params"), g.get("params"));
        for (int k = 0; k < 4; k++) {
            assertClose(doubles(e.get("split" + k + "_test_score")), doubles(g.get("split" + k + "_test_score")), "split" + k);
        }
        assertClose(doubles(e.get("mean_test_score")), doubles(g.get("mean_test_score")), "mean_test_score");
        assertEquals(e.get("rank_test_score"), g.get("rank_test_score"));
        assertEquals(exp.get("best_params"), o.get("best_params"));
        assertTrue(ModelIO.load(best).asRegressor() instanceof RegressorPipelineModel);
    }

    @Test
    void badSvmlightUsageIsOneLine() throws IOException {
        Path multilabel = dir.resolve("multilabel.svm");
        Files.writeString(multilabel, "0,2 1:0.5\n1 2:1.5\n");
        assertError(1, "error: " + multilabel + " line 1: target '0,2' is a list of labels (multilabel); read it with "
                + "Svmlight.loadMultilabel (multilabel=True), which no petal command takes",
                "cv", "--format", "svmlight", "--data", multilabel.toString());
        assertError(2, "error: --format must be csv or svmlight, got 'arff'", "cv", "--format", "arff", "--data",
                cls.toString());
        assertError(2, "error: --label does not apply to --format svmlight (the target is the first field of each line)",
                "cv", "--format", "svmlight", "--data", cls.toString(), "--label", "y");
        assertError(1, "error: " + reg + ": target ", "cv", "--format", "svmlight", "--data", reg.toString());
    }
}
