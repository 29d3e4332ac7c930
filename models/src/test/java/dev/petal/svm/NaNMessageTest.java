package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.linear.LinearSVC;
import dev.petal.linear.LinearSVR;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NaN in X names the estimator, as scikit-learn 1.2.1's text does ("Input X contains NaN.\nSVR does not accept
 * missing values ..."), at fit on dense and on CSR rows and at predict: the texts come from
 * {@code fixtures/gen_svm_nan.py}.
 */
class NaNMessageTest {
    private static final Matrix X = Matrix.of(new double[][] {{0, 1}, {2, 0.5}, {1, 1}, {3, 2}, {0.5, 0.2}, {2.5, 1.5}});
    private static final int[] Y = {0, 1, 0, 1, 0, 1};
    private static final double[] T = {0, 1, 0, 1, 0, 1};

    /** Per estimator: fit on given rows, and a predict on given rows of a model fitted on clean X. */
    private record Case(Function<Object, Object> fit, Function<Matrix, Object> predict) {
    }

    private static Matrix bad() {
        double[] v = X.toFlatArray();
        v[2] = Double.NaN;
        return Matrix.of(X.rows(), X.cols(), v);
    }

    private static Map<String, Case> cases() {
        Map<String, Case> m = new LinkedHashMap<>();
        SVCModel svc = SVC.defaults().fit(X, Y);
        m.put("SVC", new Case(x -> SVC.defaults().fit((dev.petal.linalg.RowSource) x, Y), svc::predict));
        NuSVCModel nusvc = NuSVC.defaults().fit(X, Y);
        m.put("NuSVC", new Case(x -> NuSVC.defaults().fit((dev.petal.linalg.RowSource) x, Y), nusvc::predict));
        SVRModel svr = SVR.defaults().fit(X, T);
        m.put("SVR", new Case(x -> SVR.defaults().fit((dev.petal.linalg.RowSource) x, T), svr::predict));
        NuSVRModel nusvr = NuSVR.defaults().fit(X, T);
        m.put("NuSVR", new Case(x -> NuSVR.defaults().fit((dev.petal.linalg.RowSource) x, T), nusvr::predict));
        OneClassSVMModel oc = OneClassSVM.defaults().fit(X);
        m.put("OneClassSVM", new Case(x -> OneClassSVM.defaults().fit((dev.petal.linalg.RowSource) x), oc::predict));
        var lsvc = LinearSVC.defaults().fit(X, Y);
        m.put("LinearSVC", new Case(x -> LinearSVC.defaults().fit((dev.petal.linalg.RowSource) x, Y, null), lsvc::predict));
        var lsvr = LinearSVR.defaults().fit(X, T);
        m.put("LinearSVR", new Case(x -> LinearSVR.defaults().fit((dev.petal.linalg.RowSource) x, T), lsvr::predict));
        return m;
    }

    static Stream<Arguments> estimators() throws IOException {
        JsonNode doc;
        try (InputStream in = NaNMessageTest.class.getResourceAsStream("/fixtures/svm_nan_messages.json")) {
            doc = new ObjectMapper().readTree(in);
        }
        return cases().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue(), doc.get(e.getKey())));
    }

    private static String message(Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("estimators")
    void theNaNMessageNamesTheEstimator(String name, Case c, JsonNode want) {
        Matrix bad = bad();
        assertEquals(want.get("fit_dense").textValue(), message(() -> c.fit().apply(bad)), name + " fit dense");
        assertEquals(want.get("fit_sparse").textValue(), message(() -> c.fit().apply(CsrMatrix.fromDense(bad))),
                name + " fit sparse");
        assertEquals(want.get("predict").textValue(), message(() -> c.predict().apply(bad)), name + " predict");
    }
}
