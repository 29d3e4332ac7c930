package dev.petal.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.api.DecisionClassifier;
import dev.petal.api.Regressor;
import dev.petal.linalg.Matrix;
import dev.petal.modelio.LoadedModel;
import dev.petal.modelio.ModelIO;
import dev.petal.modelio.ModelType;
import dev.petal.preprocessing.StandardScalerModel;
import dev.petal.svm.OneClassSVMModel;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture scikit-learn 1.2.1 wrote (each supported estimator, joblib with every compressor,
 * pickle protocols 2-5, string labels, a pipeline with feature names) imports to a model that answers
 * exactly as scikit-learn did: predictions, decision values and probabilities compared bit for bit.
 */
class SklearnImportTest {
    static Stream<String> files() {
        return Fixtures.files().stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void importedModelAnswersExactlyAsScikitLearn(String file, @TempDir Path tmp) throws Exception {
        LoadedModel m = ModelIO.importSklearn(Fixtures.path(file));
        check(file, m);
        // and the same after a round trip through a Petal model file
        Path petal = tmp.resolve("m.petal");
        ModelIO.save(petal, m.model(), m.metadata());
        check(file, ModelIO.load(petal));
    }

    /**
     * Petal's LinearSVC / LinearSVR sum x . coef_ left to right, while scikit-learn's {@code X @ coef_.T}
     * runs through OpenBLAS, whose summation order differs: with the imported coef_ and intercept_ bit for
     * bit the pickled ones, their values differ by rounding only, bounded here by {@value #LINEAR_TOL} times
     * max(1, |value|) (measured: up to 2e-16 absolute); labels are exact.
     */
    static final double LINEAR_TOL = 1e-12;

    private static boolean linear(LoadedModel m) {
        return m.type() == ModelType.LINEAR_SVC || m.type() == ModelType.LINEAR_SVR
                || m.model() instanceof dev.petal.pipeline.PipelineModel p && p.classifier() instanceof dev.petal.linear.LinearSVCModel;
    }

    private static void assertUlps(double[] want, double[] got, String what) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++) {
            assertTrue(Math.abs(want[i] - got[i]) <= LINEAR_TOL * Math.max(1, Math.abs(want[i])), what + " [" + i + "]: " + got[i]
                    + " vs " + want[i]);
        }
    }

    private static void check(String file, LoadedModel m) {
        JsonNode exp = Fixtures.expected(Fixtures.caseOf(file));
        Matrix x = Fixtures.matrix(exp.get("probe"));
        if (exp.has("feature_names_in")) {
            assertEquals(Fixtures.strings(exp.get("feature_names_in")), m.metadata().featureNames(), file);
        } else {
            assertEquals(List.of(), m.metadata().featureNames(), file);
        }
        if (exp.has("transform")) {
            assertEquals(ModelType.STANDARD_SCALER, m.type());
            Matrix t = m.model(StandardScalerModel.class).transform(x);
            assertArrayEquals(Fixtures.matrix(exp.get("transform")).toFlatArray(), t.toFlatArray(), file);
            return;
        }
        if (m.model() instanceof OneClassSVMModel oc) {
            double[] want = new double[exp.get("predict").size()];
            int[] pred = oc.predict(x);
            double[] got = new double[pred.length];
            for (int i = 0; i < want.length; i++) {
                want[i] = exp.get("predict").get(i).asDouble();
                got[i] = pred[i];
            }
            assertArrayEquals(want, got, file + " predict");
            assertArrayEquals(Fixtures.matrix(exp.get("decision_function")).toFlatArray(), oc.decisionFunction(x),
                    file + " decision_function");
            return;
        }
        if (!exp.has("classes")) {
            double[] want = new double[exp.get("predict").size()];
            for (int i = 0; i < want.length; i++) {
                want[i] = exp.get("predict").get(i).asDouble();
            }
            if (linear(m)) {
                assertUlps(want, m.model(Regressor.class).predict(x), file + " predict");
            } else {
                assertArrayEquals(want, m.model(Regressor.class).predict(x), file + " predict");
            }
            return;
        }
        DecisionClassifier c = m.asClassifier();
        List<String> names = m.metadata().classNames();
        List<String> classes = Fixtures.strings(exp.get("classes"));
        int[] pred = c.predict(x);
        String[] got = new String[pred.length];
        for (int i = 0; i < pred.length; i++) {
            got[i] = names.isEmpty() ? String.valueOf(pred[i]) : names.get(pred[i]);
        }
        assertArrayEquals(Fixtures.strings(exp.get("predict")).toArray(), got, file + " predict");
        if (!names.isEmpty()) {
            assertEquals(classes, names, file + " class names");
        }
        double[] dec = Fixtures.matrix(exp.get("decision_function")).toFlatArray();
        if (linear(m)) {
            assertUlps(dec, c.decisionFunction(x).toFlatArray(), file + " decision_function");
        } else {
            assertArrayEquals(dec, c.decisionFunction(x).toFlatArray(), file + " decision_function");
        }
        assertEquals(exp.has("predict_proba"), c.supportsProba(), file);
        if (exp.has("predict_proba")) {
            assertArrayEquals(Fixtures.matrix(exp.get("predict_proba")).toFlatArray(), c.predictProba(x).toFlatArray(),
                    file + " predict_proba");
        }
        assertTrue(m.type() == ModelType.SVC || m.type() == ModelType.PIPELINE || m.type() == ModelType.LINEAR_SVC
                || m.type() == ModelType.NU_SVC);
    }
}
