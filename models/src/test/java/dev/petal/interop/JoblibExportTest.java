package dev.petal.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.api.DecisionClassifier;
import dev.petal.api.Regressor;
import dev.petal.linalg.Matrix;
import dev.petal.modelio.LoadedModel;
import dev.petal.modelio.ModelIO;
import dev.petal.preprocessing.StandardScalerModel;
import dev.petal.svm.OneClassSVMModel;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Petal's joblib export read back by Petal's strict importer answers bit for bit as scikit-learn did on
 * the original; {@code JoblibExportIT} has scikit-learn itself load the same files.
 */
class JoblibExportTest {
    static Stream<String> cases() {
        return Stream.of("svc_rbf_binary_proba", "svc_rbf_multi_proba_strings", "svc_linear_multi_object_labels",
                "svc_poly_ovo", "svc_sigmoid_binary", "svc_rbf_break_ties", "svc_wine_feature_names",
                "pipeline_scaler_svc", "scaler", "scaler_no_mean", "linearsvc_multi_strings",
                "linearsvc_binary_no_intercept", "linearsvr", "pipeline_scaler_linearsvc", "nusvc_multi_proba_strings",
                "svr_rbf", "nusvr_linear", "oneclass_rbf");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void exportedFileImportsBackToTheSameAnswers(String name, @TempDir Path tmp) throws Exception {
        LoadedModel m = ModelIO.importSklearn(Fixtures.path(name + ".joblib"));
        Path out = tmp.resolve(name + ".joblib");
        JoblibExport.write(out, m.model(), m.metadata());
        LoadedModel back = ModelIO.importSklearn(out);
        assertEquals(m.metadata(), back.metadata());
        JsonNode exp = Fixtures.expected(name);
        Matrix x = Fixtures.matrix(exp.get("probe"));
        if (back.model() instanceof StandardScalerModel s) {
            assertArrayEquals(Fixtures.matrix(exp.get("transform")).toFlatArray(), s.transform(x).toFlatArray());
            return;
        }
        if (back.model() instanceof OneClassSVMModel oc) {
            assertArrayEquals(m.model(OneClassSVMModel.class).predict(x), oc.predict(x));
            assertArrayEquals(Fixtures.matrix(exp.get("decision_function")).toFlatArray(), oc.decisionFunction(x));
            return;
        }
        if (back.model() instanceof Regressor r) {
            assertArrayEquals(m.model(Regressor.class).predict(x), r.predict(x));
            return;
        }
        DecisionClassifier a = m.asClassifier();
        DecisionClassifier b = back.asClassifier();
        assertArrayEquals(a.predict(x), b.predict(x));
        assertArrayEquals(a.decisionFunction(x).toFlatArray(), b.decisionFunction(x).toFlatArray());
        if (exp.has("predict_proba")) {
            assertArrayEquals(a.predictProba(x).toFlatArray(), b.predictProba(x).toFlatArray());
        }
    }
}
