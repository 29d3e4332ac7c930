package dev.petal.modelio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.io.ModelArchive;
import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.svm.OneClassSVMModel;
import dev.petal.svm.SVCModel;
import dev.petal.svm.SVRModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The committed golden files of libsvm models fitted on CSR input ({@link SparseGoldenFileWriter}), one set per
 * format version that wrote them: every later Petal must load them, still fitted on sparse input, and predict bit
 * for bit what was recorded, on the CSR probe rows and on their dense copy, which is also what real scikit-learn
 * predicts from the files' arrays. Never rewritten.
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

    /** Format 1 held a sparse fit's support vectors dense; format 2 holds them as scipy's three CSR arrays. */
    @ParameterizedTest(name = "format {0}")
    @ValueSource(ints = {1, 2})
    void theSupportVectorsAreDenseInFormat1AndCsrInFormat2(int version) throws Exception {
        Set<String> sv = version == 1 ? Set.of("support_vectors")
                : Set.of("support_vectors_data", "support_vectors_indices", "support_vectors_indptr");
        assertEquals(union(sv, Set.of("support", "n_support", "dual_coef", "intercept", "prob_a", "prob_b", "n_iter")),
                ModelArchive.read(golden(version, "sparse_svc_proba.petal")).arrayNames());
        assertEquals(union(sv, Set.of("support", "dual_coef")),
                ModelArchive.read(golden(version, "sparse_svr.petal")).arrayNames());
        SVCModel m = load(version, "sparse_svc_proba").model(SVCModel.class);
        CsrMatrix held = (CsrMatrix) m.supportVectorRows();
        long storedZeros = java.util.Arrays.stream(held.data()).filter(v -> v == 0.0).count();
        if (version == 1) {
            assertEquals(0, storedZeros, "format 1 held them dense, so the stored zeros are gone");
        } else {
            assertTrue(storedZeros > 0, "format 2 keeps the stored zeros of the training rows, as scikit-learn does");
        }
    }

    /**
     * What real scikit-learn 1.2.1 predicts from each file's arrays, given as a scipy CSR {@code support_vectors_}
     * and predicting through libsvm_sparse (fixtures/gen_modelio.py): the recorded bits.
     */
    @ParameterizedTest(name = "format {0}")
    @ValueSource(ints = {1, 2})
    void scikitLearnPredictsTheSameFromTheFilesArrays(int version) throws Exception {
        for (String name : new String[] {"sparse_svc_proba", "sparse_svr", "sparse_one_class_svm"}) {
            JsonNode e = expected(version, name);
            JsonNode numpy = JSON.readTree(Files.readAllBytes(golden(version, name + ".numpy.json")));
            assertEquals(version, numpy.get("format_version").intValue());
            bits(doubles(e.get("predict")), doubles(numpy.get("sklearn_predict")));
            if (numpy.has("sklearn_decision_function")) {
                bits(doubles(e.get("decision_function")), doubles(numpy.get("sklearn_decision_function")));
            }
            JsonNode more = numpy.has("sklearn_predict_proba") ? numpy.get("sklearn_predict_proba")
                    : numpy.get("sklearn_score_samples");
            if (more != null) {
                bits(doubles(e.get("more")), doubles(more));
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new java.util.HashSet<>(a);
        u.addAll(b);
        return u;
    }

    @ParameterizedTest(name = "format {0}")
    @ValueSource(ints = {1, 2})
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
    @ValueSource(ints = {1, 2})
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
