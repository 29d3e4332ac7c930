package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.check.PyRepr;
import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import dev.petal.linalg.Matrix;
import dev.petal.metrics.RegressionMetrics;
import dev.petal.svm.NuSVC;
import dev.petal.svm.NuSVR;
import dev.petal.svm.OneClassSVM;
import dev.petal.svm.SVR;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code petal train --estimator nusvc|svr|nusvr|oneclass} and {@code petal predict} on their model files. */
class LibsvmFamilyCommandTest {
    @TempDir
    Path dir;
    private Path iris;
    private Path regression;
    private Matrix x;
    private int[] y;
    private double[] target;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void writeData() throws IOException {
        Dataset d = Datasets.iris();
        x = d.x();
        y = d.y();
        StringBuilder c = new StringBuilder("a,b,c,d,species\n");
        StringBuilder r = new StringBuilder("a,b,c,d,target\n");
        target = new double[x.rows()];
        for (int i = 0; i < x.rows(); i++) {
            double[] row = x.row(i);
            target[i] = 2 * row[0] - row[2] + 0.5 * row[3];
            for (double v : row) {
                c.append(PyRepr.of(v)).append(',');
                r.append(PyRepr.of(v)).append(',');
            }
            c.append(List.of("setosa", "versicolor", "virginica").get(y[i])).append('\n');
            r.append(PyRepr.of(target[i])).append('\n');
        }
        iris = Files.writeString(dir.resolve("iris.csv"), c);
        regression = Files.writeString(dir.resolve("reg.csv"), r);
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return PetalCli.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    private List<String> predictions(Path model, Path data, String... extra) throws IOException {
        Path preds = dir.resolve("preds.csv");
        String[] args = new String[6 + extra.length];
        String[] base = {"predict", "--model", model.toString(), "--data", data.toString(), "--output"};
        System.arraycopy(base, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        System.arraycopy(args, 6, all, 7, extra.length);
        all[6] = preds.toString();
        assertEquals(0, run(all), err.toString());
        return Files.readAllLines(preds);
    }

    @Test
    void nuSvcTrainsAndPredictsTheApisClassNames() throws IOException {
        Path model = dir.resolve("nusvc.petal");
        assertEquals(0, run("train", "--estimator", "nusvc", "--nu", "0.3", "--kernel", "linear", "--data", iris.toString(),
                "--model", model.toString()), err.toString());
        assertTrue(out.toString().startsWith("trained NuSVC(kernel='linear', nu=0.3"), out.toString());
        int[] api = NuSVC.defaults().withNu(0.3).withKernel(dev.petal.svm.Kernel.LINEAR).fit(x, y).predict(x);
        List<String> lines = predictions(model, iris);
        assertEquals("prediction", lines.get(0));
        for (int i = 0; i < api.length; i++) {
            assertEquals(List.of("setosa", "versicolor", "virginica").get(api[i]), lines.get(i + 1));
        }
    }

    @Test
    void regressorsWriteTheApisFloatPredictions() throws IOException {
        for (String est : new String[] {"svr", "nusvr"}) {
            Path model = dir.resolve(est + ".petal");
            String[] flag = est.equals("svr") ? new String[] {"--epsilon", "0.2"} : new String[] {"--nu", "0.4"};
            assertEquals(0, run("train", "--estimator", est, flag[0], flag[1], "--C", "3", "--data", regression.toString(),
                    "--model", model.toString()), err.toString());
            double[] api = est.equals("svr") ? SVR.defaults().withEpsilon(0.2).withC(3).fit(x, target).predict(x)
                    : NuSVR.defaults().withNu(0.4).withC(3).fit(x, target).predict(x);
            List<String> lines = predictions(model, regression);
            assertEquals("prediction", lines.get(0));
            double[] got = lines.subList(1, lines.size()).stream().mapToDouble(Double::parseDouble).toArray();
            assertArrayEquals(api, got, 0.0, est);
        }
    }

    @Test
    void oneClassWritesPlusOrMinusOneAndItsDecisionValues() throws IOException {
        Path model = dir.resolve("oc.petal");
        assertEquals(0, run("train", "--estimator", "oneclass", "--nu", "0.2", "--data", iris.toString(), "--model",
                model.toString()), err.toString());
        double[] dec = OneClassSVM.defaults().withNu(0.2).fit(x).decisionFunction(x);
        List<String> lines = predictions(model, iris, "--decision-function");
        assertEquals("prediction,decision_0", lines.get(0));
        for (int i = 0; i < dec.length; i++) {
            assertEquals((dec[i] > 0 ? "1" : "-1") + "," + PyRepr.of(dec[i]), lines.get(i + 1));
        }
    }

    @Test
    void evaluateOfARegressorPrintsScikitLearnsR2MseAndMae() throws IOException {
        Path model = dir.resolve("svr.petal");
        assertEquals(0, run("train", "--estimator", "svr", "--C", "3", "--data", regression.toString(), "--model",
                model.toString()), err.toString());
        assertEquals(0, run("evaluate", "--model", model.toString(), "--data", regression.toString()), err.toString());
        double[] api = SVR.defaults().withC(3).fit(x, target).predict(x);
        assertEquals("R2 of svr.petal on 150 rows of " + regression + ": " + PyRepr.of(RegressionMetrics.r2Score(target, api)) + "\n"
                + "Mean squared error: " + PyRepr.of(RegressionMetrics.meanSquaredError(target, api)) + "\n"
                + "Mean absolute error: " + PyRepr.of(RegressionMetrics.meanAbsoluteError(target, api)) + "\n",
                out.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void badInputIsOneErrorLineNamingTheProblem() throws IOException {
        Path model = dir.resolve("bad.petal");
        assertEquals(2, run("train", "--estimator", "nusvc", "--nu", "1.5", "--data", iris.toString(), "--model", model.toString()));
        assertEquals("error: --nu must be a float in the range (0.0, 1.0]. Got 1.5 instead.", err.toString().strip());
        assertEquals(2, run("train", "--estimator", "svr", "--epsilon", "-1", "--data", regression.toString(), "--model",
                model.toString()));
        assertEquals("error: --epsilon must be a float in the range [0.0, inf). Got -1.0 instead.", err.toString().strip());
        assertEquals(1, run("train", "--estimator", "svr", "--data", iris.toString(), "--model", model.toString()));
        assertEquals("error: " + iris + " line 2: label 'setosa' is not a number; a regressor (--estimator svr) needs "
                + "numeric targets", err.toString().strip());
        assertEquals(2, run("train", "--estimator", "oneclass", "--C", "2", "--data", iris.toString(), "--model",
                model.toString()));
        assertTrue(err.toString().startsWith("error: --C does not apply to --estimator oneclass"), err.toString());
        Path unbalanced = Files.write(dir.resolve("unbalanced.csv"), Files.readAllLines(iris).subList(0, 61));
        assertEquals(1, run("train", "--estimator", "nusvc", "--nu", "0.5", "--data", unbalanced.toString(), "--model",
                model.toString()));
        assertEquals("error: specified nu is infeasible", err.toString().strip(), "50 vs 10 samples: nu 0.5 > 2*10/60");
    }
}
