package dev.petal.cli;

import static dev.petal.cli.CliResult.petal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.check.PyRepr;
import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import dev.petal.datasets.Svmlight;
import dev.petal.linalg.Matrix;
import dev.petal.linear.LinearSVC;
import dev.petal.linear.LinearSVCModel;
import dev.petal.linear.LinearSVR;
import dev.petal.linear.LinearSVRModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code petal train --estimator linearsvc|linearsvr}, {@code --format svmlight} and {@code petal predict} on them. */
class LinearCliTest {
    @TempDir
    Path dir;

    private Path irisCsv() throws IOException {
        Dataset iris = Datasets.iris();
        StringBuilder sb = new StringBuilder("a,b,c,d,species\n");
        for (int i = 0; i < iris.x().rows(); i++) {
            for (double v : iris.x().row(i)) {
                sb.append(PyRepr.of(v)).append(',');
            }
            sb.append(List.of("setosa", "versicolor", "virginica").get(iris.y()[i])).append('\n');
        }
        return Files.writeString(dir.resolve("iris.csv"), sb);
    }

    private static List<String> column(Path csv, int col) throws IOException {
        return Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",")[col]).toList();
    }

    @Test
    void linearSvcTrainsAndPredictsAsTheJavaApi() throws IOException {
        Path csv = irisCsv();
        Path model = dir.resolve("m.petal");
        CliResult r = petal("train", "--data", csv.toString(), "--model", model.toString(), "--estimator", "linearsvc",
                "--random-state", "0", "--C", "0.5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("trained LinearSVC(penalty='l2', loss='squared_hinge', dual=True, C=0.5) on 150 rows x 4 features, 3 classes"), r.out());
        assertEquals("warning: Liblinear failed to converge, increase the number of iterations.\n", r.err());
        Path out = dir.resolve("p.csv");
        r = petal("predict", "--model", model.toString(), "--data", csv.toString(), "--output", out.toString(), "--decision-function");
        assertEquals(0, r.code(), r.err());
        Dataset iris = Datasets.iris();
        LinearSVCModel m = LinearSVC.defaults().withRandomState(0L).withC(0.5).fit(iris.x(), iris.y());
        int[] p = m.predict(iris.x());
        List<String> names = List.of("setosa", "versicolor", "virginica");
        assertEquals(java.util.Arrays.stream(p).mapToObj(names::get).toList(), column(out, 0));
        Matrix d = m.decisionFunction(iris.x());
        assertEquals(PyRepr.of(d.get(7, 2)), column(out, 3).get(7));
        assertEquals("prediction,decision_0,decision_1,decision_2", Files.readAllLines(out).get(0));
    }

    @Test
    void linearSvrTrainsOnNumericLabelsAndPredictsNumbers() throws IOException {
        StringBuilder sb = new StringBuilder("x1,x2,target\n");
        double[][] x = new double[40][2];
        double[] t = new double[40];
        for (int i = 0; i < 40; i++) {
            x[i][0] = i * 0.25;
            x[i][1] = (i % 7) - 3;
            t[i] = 2 * x[i][0] - x[i][1] + 0.5 + ((i * 37) % 11) / 10.0;
            sb.append(PyRepr.of(x[i][0])).append(',').append(PyRepr.of(x[i][1])).append(',').append(PyRepr.of(t[i])).append('\n');
        }
        Path csv = Files.writeString(dir.resolve("reg.csv"), sb);
        Path model = dir.resolve("r.petal");
        CliResult r = petal("train", "--data", csv.toString(), "--model", model.toString(), "--estimator", "linearsvr",
                "--random-state", "3", "--epsilon", "0.2", "--loss", "squared_epsilon_insensitive", "--dual", "false");
        assertEquals(0, r.code(), r.err());
        Path out = dir.resolve("p.csv");
        r = petal("predict", "--model", model.toString(), "--data", csv.toString(), "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        LinearSVRModel m = LinearSVR.defaults().withRandomState(3L).withEpsilon(0.2).withLoss("squared_epsilon_insensitive")
                .withDual(false).fit(Matrix.of(x), t);
        double[] want = m.predict(Matrix.of(x));
        assertArrayEquals(want, column(out, 0).stream().mapToDouble(Double::parseDouble).toArray());
        r = petal("predict", "--model", model.toString(), "--data", csv.toString(), "--output", out.toString(), "--proba");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("regressor"), r.err());
    }

    @Test
    void svmlightFilesTrainAndPredictSparse() throws IOException {
        Dataset iris = Datasets.iris();
        Path svm = dir.resolve("iris.svm");
        Svmlight.dump(svm, iris.x().toCsr(), iris.y(), false, null, null);
        Path model = dir.resolve("s.petal");
        CliResult r = petal("train", "--data", svm.toString(), "--format", "svmlight", "--model", model.toString(),
                "--estimator", "linearsvc", "--random-state", "1", "--max-iter", "5000");
        assertEquals(0, r.code(), r.err());
        Path out = dir.resolve("p.csv");
        r = petal("predict", "--model", model.toString(), "--data", svm.toString(), "--format", "svmlight", "--output",
                out.toString());
        assertEquals(0, r.code(), r.err());
        int[] want = LinearSVC.defaults().withRandomState(1L).withMaxIter(5000).fit(iris.x().toCsr(), iris.y(), null)
                .predict(iris.x());
        assertEquals(java.util.Arrays.stream(want).mapToObj(Integer::toString).toList(), column(out, 0));
    }

    @Test
    void badInputIsOneErrorLine() throws IOException {
        Path csv = irisCsv();
        Path model = dir.resolve("m.petal");
        CliResult r = petal("train", "--data", csv.toString(), "--model", model.toString(), "--estimator", "linearsvr");
        assertEquals(1, r.code());
        assertEquals("error: " + csv + " line 2: label 'setosa' is not a number; a regressor (--estimator linearsvr) needs "
                + "numeric targets\n", r.err());
        r = petal("train", "--data", csv.toString(), "--model", model.toString(), "--estimator", "linearsvc",
                "--penalty", "l1", "--loss", "hinge");
        assertEquals(1, r.code());
        assertEquals("error: Unsupported set of arguments: The combination of penalty='l1' and loss='hinge' is not "
                + "supported, Parameters: penalty='l1', loss='hinge', dual=True\n", r.err());
        r = petal("train", "--data", csv.toString(), "--model", model.toString(), "--estimator", "linearsvc", "--kernel", "rbf");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --kernel does not apply to --estimator linearsvc"), r.err());
        r = petal("train", "--data", csv.toString(), "--model", model.toString(), "--estimator", "linearsvc", "--dual", "maybe");
        assertEquals(2, r.code());
        Path bad = Files.writeString(dir.resolve("bad.svm"), "1 1:0.5\n2 3:x\n");
        r = petal("train", "--data", bad.toString(), "--format", "svmlight", "--model", model.toString(), "--estimator", "linearsvc");
        assertEquals(1, r.code());
        assertEquals("error: " + bad + " line 2: value of feature 3 'x' is not a number\n", r.err());
    }

    @Test
    void cvSearchesLinearSvcParametersByName() throws IOException {
        Path csv = irisCsv();
        CliResult r = petal("cv", "--data", csv.toString(), "--estimator", "linearsvc", "--random-state", "0",
                "--max-iter", "5000", "--cv", "3", "--param", "C=choice(0.1,1.0)", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"best_params\""), r.out());
        // scikit-learn 1.2.1: GridSearchCV(LinearSVC(random_state=0, max_iter=5000), {"C": [0.1, 1.0]}, cv=3) on iris
        assertTrue(r.out().replaceAll("\\s", "").contains("\"mean_test_score\":[0.9466666666666667,0.9666666666666667]"), r.out());
        assertTrue(r.out().replaceAll("\\s", "").contains("\"best_params\":{\"C\":1.0}"), r.out());
    }
}
