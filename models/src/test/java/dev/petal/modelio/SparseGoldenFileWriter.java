package dev.petal.modelio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.svm.OneClassSVM;
import dev.petal.svm.OneClassSVMModel;
import dev.petal.svm.SVC;
import dev.petal.svm.SVCModel;
import dev.petal.svm.SVR;
import dev.petal.svm.SVRModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the golden files of libsvm models fitted on CSR input into {@code golden/v<format version>/}, once per
 * format version: {@code ./mvnw -o -pl models -am test -Dtest=SparseGoldenFileWriter -Dpetal.golden.write=true
 * -Dsurefire.failIfNoSpecifiedTests=false}. Format 1 held their support vectors dense; later formats hold them as
 * CSR. Not a {@code *Test}, so a normal build neither runs nor skips it; existing files are never rewritten.
 */
class SparseGoldenFileWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The blobs as CSR with about a third of the values zeroed, and an explicitly stored zero wherever
     * {@code (row + col) % 5 == 0} (scipy keeps those, and so does a sparse fit's {@code support_vectors_}).
     */
    static CsrMatrix sparseBlobsWithStoredZeros(long seed, int perClass) {
        CsrMatrix dense = SparseModelIOTest.sparseBlobs(seed, perClass);
        int rows = dense.rows();
        int cols = dense.cols();
        int[] indptr = new int[rows + 1];
        List<Integer> indices = new ArrayList<>();
        List<Double> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = dense.get(i, j);
                if (v != 0.0 || (i + j) % 5 == 0) {
                    indices.add(j);
                    data.add(v);
                }
            }
            indptr[i + 1] = indices.size();
        }
        return CsrMatrix.of(rows, cols, indptr, indices.stream().mapToInt(Integer::intValue).toArray(),
                data.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static double[] target(CsrMatrix x) {
        double[] y = new double[x.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = x.get(i, 0) - 0.5 * x.get(i, 2) + i % 5;
        }
        return y;
    }

    @Test
    @EnabledIfSystemProperty(named = "petal.golden.write", matches = "true")
    void writeGoldenFiles() throws IOException {
        Files.createDirectories(GoldenFileWriter.DIR);
        CsrMatrix x = sparseBlobsWithStoredZeros(5, 30);
        int[] y = SvcModelIOTest.labels(30);
        CsrMatrix probe = sparseBlobsWithStoredZeros(6, 5);
        SVCModel svc = SVC.defaults().withProbability(true).withRandomState(0L).fit(x, y);
        write("sparse_svc_proba", svc, probe, FamilyGoldenFileTest.flat(svc.predict(probe)),
                svc.decisionFunction(probe).toFlatArray(), svc.predictProba(probe).toFlatArray());
        SVRModel svr = SVR.defaults().withC(5.0).fit(x, target(x));
        write("sparse_svr", svr, probe, svr.predict(probe), null, null);
        OneClassSVMModel oc = OneClassSVM.defaults().withNu(0.3).fit(x);
        write("sparse_one_class_svm", oc, probe, FamilyGoldenFileTest.flat(oc.predict(probe)), oc.decisionFunction(probe),
                oc.scoreSamples(probe));
    }

    private static void write(String name, Object model, CsrMatrix probe, double[] predict, double[] decision,
                              double[] more) throws IOException {
        Path file = GoldenFileWriter.DIR.resolve(name + ".petal");
        if (Files.exists(file)) {
            throw new IllegalStateException(file + " exists; golden files are never rewritten.");
        }
        ModelIO.save(file, model, ModelMetadata.NONE);
        ObjectNode expected = JSON.createObjectNode();
        Matrix dense = probe.toDense();
        expected.put("probe_rows", dense.rows());
        put(expected.putArray("probe"), dense.toFlatArray());
        put(expected.putArray("predict"), predict);
        if (decision != null) {
            put(expected.putArray("decision_function"), decision);
        }
        if (more != null) {
            put(expected.putArray("more"), more);
        }
        JSON.writeValue(GoldenFileWriter.DIR.resolve(name + ".expected.json").toFile(), expected);
    }

    private static void put(ArrayNode a, double[] v) {
        for (double d : v) {
            a.add(d);
        }
    }
}
