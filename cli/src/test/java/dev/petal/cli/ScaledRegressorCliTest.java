package dev.petal.cli;

import static dev.petal.cli.CliResult.petal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.check.PyRepr;
import dev.petal.datasets.Datasets;
import dev.petal.linalg.Matrix;
import dev.petal.linear.LinearSVR;
import dev.petal.pipeline.OneClassPipeline;
import dev.petal.pipeline.OneClassPipelineModel;
import dev.petal.pipeline.RegressorPipeline;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.svm.NuSVR;
import dev.petal.svm.OneClassSVM;
import dev.petal.svm.SVR;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code petal train --scale} for SVR, NuSVR, LinearSVR and OneClassSVM, and {@code petal predict} of the saved pipelines. */
class ScaledRegressorCliTest {
    @TempDir
    Path dir;

    /** Iris's first three columns, the fourth (petal width) times 10 as the target, one column in thousands. */
    private static Matrix features() {
        Matrix x = Datasets.iris().x();
        double[] v = new double[x.rows() * 3];
        for (int i = 0; i < x.rows(); i++) {
            v[i * 3] = x.get(i, 0) * 1000;
            v[i * 3 + 1] = x.get(i, 1);
            v[i * 3 + 2] = x.get(i, 2);
        }
        return Matrix.of(x.rows(), 3, v);
    }

    private static double[] target() {
        double[] t = Datasets.iris().x().column(3);
        for (int i = 0; i < t.length; i++) {
            t[i] *= 10;
        }
        return t;
    }

    private Path csv(Matrix x, double[] y) throws IOException {
        StringBuilder sb = new StringBuilder("a,b,c,width\n");
        for (int i = 0; i < x.rows(); i++) {
            for (double v : x.row(i)) {
                PyRepr.appendTo(sb, v).append(',');
            }
            PyRepr.appendTo(sb, y[i]).append('\n');
        }
        return Files.writeString(dir.resolve("data.csv"), sb);
    }

    private static List<String> reprs(double[] v) {
        List<String> out = new ArrayList<>();
        for (double d : v) {
            out.add(PyRepr.of(d));
        }
        return out;
    }

    private List<String> trainPredict(Path data, String col, String... trainFlags) throws IOException {
        Path model = dir.resolve("m.petal");
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--model", model.toString(),
                "--scale"));
        args.addAll(List.of(trainFlags));
        CliResult r = petal(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("trained StandardScaler + "), r.out());
        Path out = dir.resolve("p.csv");
        boolean decision = col.equals("decision_0");
        r = decision ? petal("predict", "--model", model.toString(), "--data", data.toString(), "--output", out.toString(),
                "--decision-function") : petal("predict", "--model", model.toString(), "--data", data.toString(), "--output",
                out.toString());
        assertEquals(0, r.code(), r.err());
        int c = decision ? 1 : 0;
        assertEquals(col, Files.readAllLines(out).get(0).split(",")[c]);
        return Files.readAllLines(out).stream().skip(1).map(l -> l.split(",")[c]).toList();
    }

    @Test
    void scaledRegressorsTrainAndPredictAsTheJavaPipeline() throws IOException {
        Matrix x = features();
        double[] y = target();
        Path data = csv(x, y);
        assertEquals(reprs(RegressorPipeline.of(StandardScaler.defaults(), SVR.defaults().withC(3.0)).fit(x, y).predict(x)),
                trainPredict(data, "prediction", "--estimator", "svr", "--C", "3"));
        assertEquals(reprs(RegressorPipeline.of(StandardScaler.defaults(), NuSVR.defaults().withNu(0.3)).fit(x, y)
                .predict(x)), trainPredict(data, "prediction", "--estimator", "nusvr", "--nu", "0.3"));
        assertEquals(reprs(RegressorPipeline.of(StandardScaler.defaults(), LinearSVR.defaults().withEpsilon(0.1)
                .withRandomState(0L)).fit(x, y).predict(x)), trainPredict(data, "prediction", "--estimator", "linearsvr",
                "--epsilon", "0.1", "--random-state", "0"));
    }

    @Test
    void aScaledOneClassSvmTrainsAndPredictsAsTheJavaPipeline() throws IOException {
        Matrix x = features();
        Path data = csv(x, target());
        OneClassPipelineModel m = OneClassPipeline.of(StandardScaler.defaults(), OneClassSVM.defaults().withNu(0.2)).fit(x);
        List<String> dec = trainPredict(data, "decision_0", "--estimator", "oneclass", "--nu", "0.2", "--label",
                "width");
        assertEquals(reprs(m.decisionFunction(x)), dec);
        assertEquals(Arrays.stream(m.predict(x)).filter(v -> v == 1).count(),
                dec.stream().filter(s -> !s.startsWith("-")).count());
    }
}
