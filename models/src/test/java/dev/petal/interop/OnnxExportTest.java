package dev.petal.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.api.DecisionClassifier;
import dev.petal.api.Regressor;
import dev.petal.linalg.Matrix;
import dev.petal.modelio.LoadedModel;
import dev.petal.modelio.ModelIO;
import dev.petal.preprocessing.StandardScalerModel;
import dev.petal.svm.OneClassSVMModel;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each scikit-learn fixture, imported and exported to ONNX, runs in ONNX Runtime (Java API) with the
 * labels Petal and scikit-learn give on every probe row. ONNX computes in float32: probabilities agree
 * within {@value #PROBA_TOL} absolute and scaled values within {@value #SCALE_TOL} relative, about 8
 * float32 ulps at 1.0 (measured: the largest differences on these cases lie between 2e-7 and 1e-6).
 */
class OnnxExportTest {
    /** Largest |ONNX - Petal| allowed for a probability. */
    static final double PROBA_TOL = 1e-6;
    /** Largest |ONNX - Petal| allowed for a scaled value, relative to max(1, |value|). */
    static final double SCALE_TOL = 1e-6;
    /**
     * Largest |ONNX - Petal| for a regression output, relative to max(1, |value|): kernel sums over
     * hundreds of support vectors with large dual coefficients cancel, so float32 loses more here.
     */
    static final double REGRESSION_TOL = 1e-5;

    static Stream<String> cases() {
        return Stream.of("svc_rbf_binary_proba.joblib", "svc_rbf_multi_proba_strings.joblib",
                "svc_linear_multi_object_labels.joblib", "svc_poly_ovo.joblib", "svc_sigmoid_binary.joblib",
                "svc_wine_feature_names.joblib", "pipeline_scaler_svc.joblib", "scaler.joblib", "scaler_no_mean.joblib",
                "linearsvc_multi_strings.joblib", "linearsvc_binary_no_intercept.joblib", "linearsvr.joblib",
                "pipeline_scaler_linearsvc.joblib", "nusvc_multi_proba_strings.joblib", "svr_rbf.joblib",
                "nusvr_linear.joblib", "oneclass_rbf.joblib");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void onnxRuntimeGivesTheSameLabelsAndProbabilities(String file) throws Exception {
        LoadedModel m = ModelIO.importSklearn(Fixtures.path(file));
        JsonNode exp = Fixtures.expected(Fixtures.caseOf(file));
        Matrix x = Fixtures.matrix(exp.get("probe"));
        byte[] onnx = OnnxExport.toBytes(m.model(), m.metadata());
        float[][] xf = new float[x.rows()][x.cols()];
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < x.cols(); j++) {
                xf[i][j] = (float) x.get(i, j);
            }
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions()) {
            opts.setIntraOpNumThreads(1);
            try (OrtSession session = env.createSession(onnx, opts);
                 OnnxTensor in = OnnxTensor.createTensor(env, xf);
                 OrtSession.Result r = session.run(Map.of("X", in))) {
                if (m.model() instanceof StandardScalerModel s) {
                    float[][] got = (float[][]) r.get(0).getValue();
                    Matrix want = s.transform(x);
                    for (int i = 0; i < x.rows(); i++) {
                        for (int j = 0; j < x.cols(); j++) {
                            double w = want.get(i, j);
                            assertTrue(Math.abs(got[i][j] - w) <= SCALE_TOL * Math.max(1, Math.abs(w)),
                                    file + " row " + i + " col " + j + ": " + got[i][j] + " vs " + w);
                        }
                    }
                    return;
                }
                if (m.model() instanceof OneClassSVMModel oc) {
                    float[][] got = (float[][]) r.get(0).getValue();
                    int[] want = oc.predict(x);
                    for (int i = 0; i < want.length; i++) {
                        assertEquals(want[i], (int) got[i][0], file + " row " + i);
                    }
                    return;
                }
                if (m.model() instanceof Regressor reg) {
                    float[][] got = (float[][]) r.get(0).getValue();
                    double[] want = reg.predict(x);
                    for (int i = 0; i < want.length; i++) {
                        assertTrue(Math.abs(got[i][0] - want[i]) <= REGRESSION_TOL * Math.max(1, Math.abs(want[i])),
                                file + " row " + i + ": " + got[i][0] + " vs " + want[i]);
                    }
                    return;
                }
                DecisionClassifier c = m.asClassifier();
                int[] pred = c.predict(x);
                Object labels = r.get(0).getValue();
                for (int i = 0; i < pred.length; i++) {
                    String want = m.metadata().classNames().isEmpty() ? String.valueOf(pred[i])
                            : m.metadata().classNames().get(pred[i]);
                    String got = labels instanceof long[] ls ? String.valueOf(ls[i]) : ((String[]) labels)[i];
                    assertEquals(want, got, file + " row " + i);
                    assertEquals(exp.get("predict").get(i).asText(), got, file + " row " + i + " against scikit-learn");
                }
                if (c.supportsProba()) {
                    float[][] got = (float[][]) r.get(1).getValue();
                    Matrix want = c.predictProba(x);
                    for (int i = 0; i < x.rows(); i++) {
                        for (int j = 0; j < want.cols(); j++) {
                            assertTrue(Math.abs(got[i][j] - want.get(i, j)) <= PROBA_TOL,
                                    file + " row " + i + " class " + j + ": " + got[i][j] + " vs " + want.get(i, j));
                        }
                    }
                }
            }
        }
    }

    @Test
    void breakTiesHasNoFaithfulOnnxFormAndIsRefused() throws Exception {
        LoadedModel m = ModelIO.importSklearn(Fixtures.path("svc_rbf_break_ties.joblib"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnnxExport.toBytes(m.model(), m.metadata()));
        assertTrue(e.getMessage().startsWith("an SVC with break_ties=True predicts by the 'ovr' decision function"));
    }

    @Test
    void theModelDeclaresItsOpsets() throws Exception {
        LoadedModel m = ModelIO.importSklearn(Fixtures.path("scaler.joblib"));
        byte[] b = OnnxExport.toBytes(m.model(), m.metadata());
        assertArrayEquals(new byte[] {0x08, 0x08}, new byte[] {b[0], b[1]}); // ir_version 8
        assertTrue(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1).contains("ai.onnx.ml"));
    }
}
