package dev.petal.modelio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.svm.OneClassSVMModel;
import dev.petal.svm.SVCModel;
import dev.petal.svm.SVRModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed golden files of libsvm models fitted on CSR input ({@link SparseGoldenFileWriter}), one set per
 * format version that wrote them: every later Petal must load them, still fitted on sparse input, and predict bit
 * for bit what was recorded, on the CSR probe rows and on their dense copy. Never rewritten.
 */
class SparseGoldenFileTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path golden(int version, String file) throws Exception {
        return Path.of(SparseGoldenFileTest.class.getResource("/golden/v" + version + "/" + file).toURI());
    }

    private static double[] doubles(JsonNode n) {
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asDouble();
        }
        return out;
    }

    private static void bits(double[] want, double[] got) {
        assertEquals(want.length, got.length);
        for (int i = 0; i < want.length; i++) {
            assertEquals(Double.doubleToLongBits(want[i]), Double.doubleToLongBits(got[i]), "[" + i + "]");
        }
    }

    private static LoadedModel load(int version, String name) throws Exception {
        LoadedModel m = ModelIO.load(golden(version, name + ".petal"));
        assertEquals(version, m.formatVersion());
        return m;
    }

    private static JsonNode expected(int version, String name) throws Exception {
        return JSON.readTree(Files.readAllBytes(golden(version, name + ".expected.json")));
    }

    private static Matrix probe(JsonNode e) {
        int rows = e.get("probe_rows").intValue();
        double[] v = doubles(e.get("probe"));
        return Matrix.of(rows, v.length / rows, v);
    }

    @ParameterizedTest(name = "format {0}")
    @ValueSource(ints = {1})
    void sparseSvcLoadsAndPredictsAsRecorded(int version) throws Exception {
        SVCModel m = load(version, "sparse_svc_proba").model(SVCModel.class);
        assertTrue(m.fittedOnSparse());
        JsonNode e = expected(version, "sparse_svc_proba");
        Matrix dense = probe(e);
        for (var probe : new dev.petal.linalg.RowSource[] {dense, CsrMatrix.fromDense(dense)}) {
            bits(doubles(e.get("predict")), FamilyGoldenFileTest.flat(m.predict(probe)));
            bits(doubles(e.get("decision_function")), m.decisionFunction(probe).toFlatArray());
            bits(doubles(e.get("more")), m.predictProba(probe).toFlatArray());
        }
    }

    @ParameterizedTest(name = "format {0}")
    @ValueSource(ints = {1})
    void sparseSvrAndOneClassLoadAndPredictAsRecorded(int version) throws Exception {
        SVRModel svr = load(version, "sparse_svr").model(SVRModel.class);
        assertTrue(svr.fittedOnSparse());
        JsonNode e = expected(version, "sparse_svr");
        bits(doubles(e.get("predict")), svr.predict(probe(e)));
        bits(doubles(e.get("predict")), svr.predict(CsrMatrix.fromDense(probe(e))));
        OneClassSVMModel oc = load(version, "sparse_one_class_svm").model(OneClassSVMModel.class);
        assertTrue(oc.fittedOnSparse());
        e = expected(version, "sparse_one_class_svm");
        bits(doubles(e.get("predict")), FamilyGoldenFileTest.flat(oc.predict(CsrMatrix.fromDense(probe(e)))));
        bits(doubles(e.get("decision_function")), oc.decisionFunction(probe(e)));
        bits(doubles(e.get("more")), oc.scoreSamples(probe(e)));
    }
}
