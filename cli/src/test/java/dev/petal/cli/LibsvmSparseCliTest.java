package dev.petal.cli;

import static dev.petal.cli.CliResult.petal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.check.PyRepr;
import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import dev.petal.datasets.Svmlight;
import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.svm.NuSVC;
import dev.petal.svm.NuSVCModel;
import dev.petal.svm.NuSVR;
import dev.petal.svm.OneClassSVM;
import dev.petal.svm.OneClassSVMModel;
import dev.petal.svm.SVC;
import dev.petal.svm.SVCModel;
import dev.petal.svm.SVR;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code petal train --format svmlight --estimator svc|nusvc|svr|nusvr|oneclass} and {@code petal predict --format
 * svmlight}: the libsvm family fits the CSR rows through libsvm's sparse path and predicts them as the Java API does.
 */
class LibsvmSparseCliTest {
    @TempDir
    Path dir;

    /** Iris with the values below the column's 30th percentile zeroed, so rows store 2 to 4 values. */
    private static CsrMatrix sparseIris() {
        Matrix x = Datasets.iris().x();
        double[] v = x.toFlatArray();
        for (int i = 0; i < v.length; i++) {
            if (v[i] < new double[] {5.1, 2.8, 1.7, 0.3}[i % 4]) {
                v[i] = 0.0;
            }
        }
        return CsrMatrix.fromDense(Matrix.of(x.rows(), x.cols(), v));
    }

    private static List<String> column(Path csv, int col) throws IOException {
        return Files.readAllLines(csv).stream().skip(1).map(l -> l.split(",")[col]).toList();
    }

    private static List<String> reprs(double[] v) {
        List<String> out = new ArrayList<>();
        for (double d : v) {
            out.add(PyRepr.of(d));
        }
        return out;
    }

    private static List<String> ints(int[] v) {
        return Arrays.stream(v).mapToObj(Integer::toString).toList();
    }

    private Path trainAndPredict(Path svm, String estimator, String header, String... flags) throws IOException {
        Path model = dir.resolve(estimator + ".petal");
        List<String> args = new ArrayList<>(List.of("train", "--data", svm.toString(), "--format", "svmlight", "--model",
                model.toString(), "--estimator", estimator));
        args.addAll(List.of(flags));
        CliResult r = petal(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("features (sparse)"), r.out());
        Path out = dir.resolve(estimator + ".csv");
        List<String> predict = new ArrayList<>(List.of("predict", "--model", model.toString(), "--data", svm.toString(),
                "--format", "svmlight", "--output", out.toString()));
        if (!estimator.endsWith("svr")) {
            predict.add("--decision-function");
        }
        r = petal(predict.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertEquals(header, Files.readAllLines(out).get(0));
        return out;
    }

    @Test
    void classifiersTrainOnSvmlightAndPredictItSparse() throws IOException {
        Dataset iris = Datasets.iris();
        CsrMatrix x = sparseIris();
        Path svm = dir.resolve("iris.svm");
        Svmlight.dump(svm, x, iris.y(), false, null, null);

        Path out = trainAndPredict(svm, "svc", "prediction,decision_0,decision_1,decision_2", "--C", "2");
        SVCModel svc = SVC.defaults().withC(2.0).fit(x, iris.y());
        assertTrue(svc.fittedOnSparse());
        assertEquals(ints(svc.predict(x)), column(out, 0));
        Matrix dec = svc.decisionFunction(x);
        assertEquals(reprs(dec.column(2)), column(out, 3));

        out = trainAndPredict(svm, "nusvc", "prediction,decision_0,decision_1,decision_2", "--nu", "0.3",
                "--kernel", "poly", "--degree", "2");
        NuSVCModel nu = NuSVC.defaults().withNu(0.3).withKernel(dev.petal.svm.Kernel.POLY).withDegree(2).fit(x, iris.y());
        assertEquals(ints(nu.predict(x)), column(out, 0));
        assertEquals(reprs(nu.decisionFunction(x).column(0)), column(out, 1));
    }

    @Test
    void regressorsAndOneClassTrainOnSvmlightAndPredictItSparse() throws IOException {
        CsrMatrix x = sparseIris();
        double[] y = new double[x.rows()];   // reassigned below
        for (int i = 0; i < y.length; i++) {
            y[i] = x.get(i, 3) * 1.5 + x.get(i, 0) * 0.1;
        }
        Path svm = dir.resolve("iris_reg.svm");
        Svmlight.dump(svm, x, y);
        y = Svmlight.load(svm, null, 0).y();   // the file holds the targets with 16 significant digits

        Path out = trainAndPredict(svm, "svr", "prediction", "--C", "3", "--epsilon", "0.05");
        assertEquals(reprs(SVR.defaults().withC(3.0).withEpsilon(0.05).fit(x, y).predict(x)), column(out, 0));
        out = trainAndPredict(svm, "nusvr", "prediction", "--nu", "0.4", "--kernel", "linear");
        assertEquals(reprs(NuSVR.defaults().withNu(0.4).withKernel(dev.petal.svm.Kernel.LINEAR).fit(x, y).predict(x)),
                column(out, 0));
        out = trainAndPredict(svm, "oneclass", "prediction,decision_0", "--nu", "0.2");
        OneClassSVMModel oc = OneClassSVM.defaults().withNu(0.2).fit(x);
        assertEquals(ints(oc.predict(x)), column(out, 0));
        assertEquals(reprs(oc.decisionFunction(x)), column(out, 1));
    }

    @Test
    void svmlightRefusesALabelColumn() throws IOException {
        Path svm = dir.resolve("iris.svm");
        Svmlight.dump(svm, sparseIris(), Datasets.iris().y(), false, null, null);
        CliResult r = petal("train", "--data", svm.toString(), "--format", "svmlight", "--model",
                dir.resolve("m.petal").toString(), "--estimator", "svr", "--label", "y");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: --label does not apply to --format svmlight"), r.err());
    }
}
