package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.check.PyRepr;
import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import dev.petal.linalg.Matrix;
import dev.petal.selection.Selection;
import dev.petal.selection.TrainTestSplit;
import dev.petal.svm.Kernel;
import dev.petal.svm.SVC;
import dev.petal.svm.SVCModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainPredictCommandTest {
    private static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");
    private static final String HEADER = "sepal length,sepal width,petal length,petal width,species";

    @TempDir
    Path dir;
    private Path train;
    private Path test;
    private TrainTestSplit split;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @BeforeEach
    void writeSplit() throws IOException {
        Dataset iris = Datasets.iris();
        split = Selection.trainTestSplit(iris.x(), iris.y(), 0);
        train = write("train.csv", HEADER, split.xTrain(), split.yTrain());
        // the test file has its columns in another order: predict reads them by name
        test = write("test.csv", "species,petal width,petal length,sepal width,sepal length", split.xTest(), split.yTest());
    }

    private Path write(String name, String header, Matrix x, int[] y) throws IOException {
        boolean labelFirst = header.startsWith("species");
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (int i = 0; i < x.rows(); i++) {
            double[] r = x.row(i);
            if (labelFirst) {
                sb.append(SPECIES.get(y[i]));
                for (int j = r.length - 1; j >= 0; j--) {
                    sb.append(',').append(PyRepr.of(r[j]));
                }
            } else {
                for (double v : r) {
                    sb.append(PyRepr.of(v)).append(',');
                }
                sb.append(SPECIES.get(y[i]));
            }
            sb.append('\n');
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb.toString());
        return p;
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return PetalCli.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void trainThenPredictGivesTheApisPredictionsAndDecisionValues() throws IOException {
        Path model = dir.resolve("iris.petal");
        assertEquals(0, run("train", "--data", train.toString(), "--model", model.toString(), "--kernel", "linear", "--C", "1"), err.toString());
        assertTrue(out.toString().startsWith("trained SVC(kernel='linear', C=1.0, gamma=scale) on 112 rows x 4 features, 3 classes"), out.toString());

        Path preds = dir.resolve("pred.csv");
        assertEquals(0, run("predict", "--model", model.toString(), "--data", test.toString(), "--output", preds.toString(),
                "--decision-function"), err.toString());
        List<String> lines = Files.readAllLines(preds);
        assertEquals("prediction,decision_0,decision_1,decision_2", lines.get(0));
        assertEquals(39, lines.size());

        SVCModel api = SVC.defaults().withKernel(Kernel.LINEAR).fit(split.xTrain(), split.yTrain());
        int[] p = api.predict(split.xTest());
        Matrix dec = api.decisionFunction(split.xTest());
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertEquals(SPECIES.get(p[i]), cells[0]);
            for (int j = 0; j < 3; j++) {
                assertEquals(dec.get(i, j), Double.parseDouble(cells[j + 1]), 0.0);
            }
            correct += p[i] == split.yTest()[i] ? 1 : 0;
        }
        assertEquals(37, correct);
    }

    @Test
    void maxIterStopPrintsScikitLearnsConvergenceWarningAsOneLine() throws IOException {
        Path model = dir.resolve("short.petal");
        assertEquals(0, run("train", "--data", train.toString(), "--model", model.toString(), "--max-iter", "2"), err.toString());
        assertEquals("warning: Solver terminated early (max_iter=2).  Consider pre-processing your data with StandardScaler"
                + " or MinMaxScaler.\n", err.toString().replace("\r\n", "\n"));
    }

    @Test
    void trainPrintsProgressLinesWhileTheFitRuns() {
        Path model = dir.resolve("iris.petal");
        assertEquals(0, run("train", "--data", train.toString(), "--model", model.toString(), "--progress-every", "0.000000001"),
                err.toString());
        List<String> lines = err.toString().lines().toList();
        assertFalse(lines.isEmpty());
        for (String l : lines) {
            assertTrue(l.matches("petal: SVC\\.fit running for \\d+ s: \\d solver problems? done, about [\\d,]+ solver iterations"), l);
        }
        assertEquals(0, run("train", "--data", train.toString(), "--model", model.toString(), "--progress-every", "0"));
        assertEquals("", err.toString());
    }

    @Test
    void evaluatePrintsScikitLearnsAccuracyConfusionMatrixAndReport() throws IOException {
        Path model = dir.resolve("iris.petal");
        assertEquals(0, run("train", "--data", train.toString(), "--model", model.toString(), "--kernel", "linear"), err.toString());
        assertEquals(0, run("evaluate", "--model", model.toString(), "--data", test.toString()), err.toString());
        com.fasterxml.jackson.databind.JsonNode golden = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                getClass().getResourceAsStream("/fixtures/evaluate_iris_linear.json"));
        assertEquals("Accuracy of iris.petal on 38 rows of " + test + ": " + golden.get("accuracy").asText() + "\n"
                + "Confusion matrix (rows: true label, columns: predicted; labels [setosa, versicolor, virginica]):\n"
                + golden.get("confusion_matrix").asText() + "\n\n" + golden.get("report").asText(), out.toString());
    }

    @Test
    void evaluateWithoutTheLabelColumnIsOneErrorLine() throws IOException {
        Path model = dir.resolve("iris.petal");
        assertEquals(0, run("train", "--data", train.toString(), "--model", model.toString(), "--kernel", "linear"), err.toString());
        assertEquals(1, run("evaluate", "--model", model.toString(), "--data", test.toString(), "--label", "petal width"));
        assertTrue(err.toString().startsWith("error: "), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    @Test
    void probaColumnsAreNamedByClassAndSumToOne() throws IOException {
        Path model = dir.resolve("p.petal");
        assertEquals(0, run("train", "--data", train.toString(), "--model", model.toString(), "--probability", "--random-state", "0"), err.toString());
        Path preds = dir.resolve("pred.csv");
        assertEquals(0, run("predict", "--model", model.toString(), "--data", test.toString(), "--output", preds.toString(), "--proba"), err.toString());
        List<String> lines = Files.readAllLines(preds);
        assertEquals("prediction,proba_setosa,proba_versicolor,proba_virginica", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            double sum = Double.parseDouble(c[1]) + Double.parseDouble(c[2]) + Double.parseDouble(c[3]);
            assertEquals(1.0, sum, 1e-9, line);
        }
    }

    @Test
    void probaWithoutProbabilityModelIsOneErrorLine() throws IOException {
        Path model = dir.resolve("m.petal");
        assertEquals(0, run("train", "--data", train.toString(), "--model", model.toString()));
        Path preds = dir.resolve("pred.csv");
        assertEquals(1, run("predict", "--model", model.toString(), "--data", test.toString(), "--output", preds.toString(), "--proba"));
        assertEquals("error: " + model + " was trained without probability estimates; retrain it with 'petal train --probability' to use --proba\n",
                err.toString());
        assertFalse(Files.exists(preds));
    }

    @Test
    void corruptOrForeignModelFileIsOneErrorLine() throws IOException {
        Path bogus = dir.resolve("bogus.petal");
        Files.writeString(bogus, "this is not a model");
        Path preds = dir.resolve("pred.csv");
        assertEquals(1, run("predict", "--model", bogus.toString(), "--data", test.toString(), "--output", preds.toString()));
        assertTrue(err.toString().startsWith("error: "), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertFalse(Files.exists(preds));

        Path model = dir.resolve("m.petal");
        assertEquals(0, run("train", "--data", train.toString(), "--model", model.toString()));
        byte[] bytes = Files.readAllBytes(model);
        Path truncated = dir.resolve("truncated.petal");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertEquals(1, run("predict", "--model", truncated.toString(), "--data", test.toString(), "--output", preds.toString()));
        assertTrue(err.toString().startsWith("error: "), err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
    }

    @Test
    void badParametersUseScikitLearnsTextsAndKeepTheOldModel() throws IOException {
        Path model = dir.resolve("m.petal");
        assertEquals(0, run("train", "--data", train.toString(), "--model", model.toString()));
        byte[] before = Files.readAllBytes(model);
        assertEquals(2, run("train", "--data", train.toString(), "--model", model.toString(), "--C", "-1"));
        assertEquals("error: --C must be a float in the range (0.0, inf). Got -1.0 instead.\n", err.toString());
        assertEquals(2, run("train", "--data", train.toString(), "--model", model.toString(), "--cache-size", "-1"));
        assertEquals("error: --cache-size must be a float in the range (0, inf). Got -1.0 instead.\n", err.toString());
        assertEquals(2, run("train", "--data", train.toString(), "--model", model.toString(), "--max-iter", "-2"));
        assertEquals("error: --max-iter must be an int in the range [-1, inf). Got -2 instead.\n", err.toString());
        assertArrayEquals(before, Files.readAllBytes(model));
        assertEquals(2, run("train", "--data", train.toString(), "--model", model.toString(), "--class-weight", "heavy"));
        assertEquals("error: --class-weight must be 'balanced', got 'heavy'\n", err.toString());
        assertEquals(2, run("train", "--model", model.toString()));
        assertTrue(err.toString().startsWith("error: Missing required option: '--data=TRAIN.csv'"), err.toString());
    }

    @Test
    void missingFeatureColumnNamesTheColumn() throws IOException {
        Path model = dir.resolve("m.petal");
        assertEquals(0, run("train", "--data", train.toString(), "--model", model.toString()));
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "a,b\n1,2\n");
        assertEquals(1, run("predict", "--model", model.toString(), "--data", other.toString(), "--output", dir.resolve("o.csv").toString()));
        assertEquals("error: " + other + " line 1: no column 'sepal length', which the model was trained on; the columns are 'a', 'b'\n",
                err.toString());
    }

    @Test
    void modelSavedWithoutNamesReadsColumnsByPosition() throws IOException {
        SVCModel api = SVC.defaults().fit(split.xTrain(), split.yTrain());
        Path model = dir.resolve("api.petal");
        dev.petal.modelio.ModelIO.save(model, api);
        Path preds = dir.resolve("pred.csv");
        assertEquals(0, run("predict", "--model", model.toString(), "--data", train.toString(), "--output", preds.toString()), err.toString());
        List<String> lines = Files.readAllLines(preds);
        int[] p = api.predict(split.xTrain());
        for (int i = 0; i < p.length; i++) {
            assertEquals(Integer.toString(p[i]), lines.get(i + 1));
        }
        Path narrow = dir.resolve("narrow.csv");
        Files.writeString(narrow, "a,b\n1,2\n");
        assertEquals(1, run("predict", "--model", model.toString(), "--data", narrow.toString(), "--output", preds.toString()));
        assertEquals("error: " + narrow + " has 2 columns, but the model expects 4 features (plus an optional label column last)\n",
                err.toString());
    }
}
