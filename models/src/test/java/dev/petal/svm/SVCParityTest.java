package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.linalg.Matrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parity with real scikit-learn 1.2.1 on iris, wine, breast_cancer, digits and three synthetic sets:
 * identical classes, support indices, support vectors, per-class counts, iteration counts, fit status,
 * gamma and predictions, and bit-identical dual coefficients, intercepts, decision values, Platt
 * parameters, probabilities and log-probabilities (the fixtures come from the reference machine: OpenBLAS's
 * Haswell/Zen kernels and glibc's FMA exp and log, which Blas, GlibcExp and GlibcLog reproduce; Petal's
 * own results do not depend on the machine). A summary is written to {@code target/svm-parity.txt}.
 */
class SVCParityTest {
    static final String[] FILES = {"iris", "iris_binary", "iris_precomputed", "wine_raw", "wine", "breast_cancer",
        "digits", "classification", "moons", "blobs", "large_binary", "tiny"};
    private static final List<String> REPORT = new ArrayList<>();

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String f : FILES) {
            JsonNode doc = Fixtures.load(f);
            for (JsonNode c : doc.get("cases")) {
                out.add(Arguments.of(f + "/" + c.get("name").textValue(), doc, c));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesScikitLearn(String name, JsonNode doc, JsonNode c) {
        Matrix x = Fixtures.matrix(doc.get("X"));
        int[] y = Fixtures.ints(doc.get("y"));
        Matrix xt = Fixtures.matrix(doc.get("X_test"));
        SVC svc = Fixtures.svc(c.get("params"));
        JsonNode sw = c.get("sample_weight");
        SVCModel m = sw == null || sw.isNull() ? svc.fit(x, y) : svc.fit(x, y, Fixtures.doubles(sw));
        JsonNode e = c.get("expected");
        Tally t = new Tally(name);

        assertArrayEquals(Fixtures.ints(e.get("classes")), m.classes(), name + " classes");
        assertEquals(e.get("gamma").doubleValue(), m.gamma(), 0.0, name + " gamma");
        assertArrayEquals(Fixtures.ints(e.get("support")), m.support(), name + " support");
        assertArrayEquals(Fixtures.ints(e.get("n_support")), m.nSupport(), name + " n_support");
        assertEquals(e.get("fit_status").intValue(), m.fitStatus(), name + " fit_status");
        double[][] sv = Fixtures.doubles2(e.get("support_vectors"));
        assertEquals(sv.length, m.supportVectors().rows(), name + " support_vectors rows");
        if (sv.length > 0) {
            assertArrayEquals(Matrix.of(sv).toFlatArray(), m.supportVectors().toFlatArray(), 0.0, name + " support_vectors");
        }
        assertArrayEquals(Fixtures.ints(e.get("predict")), m.predict(xt), name + " predict");
        assertArrayEquals(Fixtures.ints(e.get("train_predict")), m.predict(x), name + " train predict");

        t.close("dual_coef", Fixtures.doubles2(e.get("dual_coef")), m.dualCoef());
        t.close("intercept", new double[][] {Fixtures.doubles(e.get("intercept"))}, new double[][] {m.intercept()});
        t.close("decision_function", decision(e.get("decision_function")), m.decisionFunction(xt).toArray());
        t.close("probA", new double[][] {Fixtures.doubles(e.get("probA"))}, new double[][] {m.probA()});
        t.close("probB", new double[][] {Fixtures.doubles(e.get("probB"))}, new double[][] {m.probB()});
        if (e.has("predict_proba")) {
            t.close("predict_proba", Fixtures.doubles2(e.get("predict_proba")), m.predictProba(xt).toArray());
            t.close("predict_log_proba", Fixtures.doubles2(e.get("predict_log_proba")), m.predictLogProba(xt).toArray());
        }
        int[] nIter = Fixtures.ints(e.get("n_iter"));
        t.note("n_iter " + (java.util.Arrays.equals(nIter, m.nIter()) ? "equal" : "DIFFERENT"));
        assertArrayEquals(nIter, m.nIter(), name + " n_iter");
        REPORT.add(t.toString());
    }

    /** Binary decision functions are one value per row; shape them as one column. */
    private static double[][] decision(JsonNode d) {
        if (d.size() > 0 && !d.get(0).isArray()) {
            double[] v = Fixtures.doubles(d);
            double[][] out = new double[v.length][1];
            for (int i = 0; i < v.length; i++) {
                out[i][0] = v[i];
            }
            return out;
        }
        return Fixtures.doubles2(d);
    }

    @AfterAll
    static void writeReport() throws IOException {
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.write(target.resolve("svm-parity.txt"), REPORT);
        }
    }

    /** Compares arrays bit for bit and records the report line. */
    private static final class Tally {
        private final String name;
        private final StringBuilder sb = new StringBuilder();

        Tally(String name) {
            this.name = name;
            sb.append(name).append(':');
        }

        void close(String what, double[][] expected, double[][] actual) {
            assertEquals(expected.length, actual.length, name + " " + what + " rows");
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i].length, actual[i].length, name + " " + what + " columns");
                for (int j = 0; j < expected[i].length; j++) {
                    double a = expected[i][j];
                    double b = actual[i][j];
                    assertEquals(Double.doubleToLongBits(a), Double.doubleToLongBits(b),
                            name + " " + what + "[" + i + "][" + j + "]: expected " + a + " but was " + b);
                }
            }
            sb.append(' ').append(what).append("=exact");
        }

        void note(String s) {
            sb.append(' ').append(s);
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }
}
