package dev.petal.modelio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.svm.Kernel;
import dev.petal.svm.NuSVC;
import dev.petal.svm.NuSVCModel;
import dev.petal.svm.NuSVR;
import dev.petal.svm.NuSVRModel;
import dev.petal.svm.OneClassSVM;
import dev.petal.svm.OneClassSVMModel;
import dev.petal.svm.SVC;
import dev.petal.svm.SVCModel;
import dev.petal.svm.SVR;
import dev.petal.svm.SVRModel;
import dev.petal.io.ArchiveLimits;
import dev.petal.io.ModelFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.Set;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files of the libsvm family fitted on CSR input: the file says {@code "sparse": true}, and the loaded
 * model is fitted-on-sparse again and predicts bit for bit as the original (through libsvm's sparse path).
 */
class SparseModelIOTest {
    @TempDir
    Path dir;

    /** The blobs with about a third of the values zeroed, as CSR. */
    static CsrMatrix sparseBlobs(long seed, int perClass) {
        double[] v = SvcModelIOTest.blobs(seed, perClass).toFlatArray();
        for (int i = 0; i < v.length; i++) {
            if ((i * 7 + seed) % 3 == 0) {
                v[i] = 0.0;
            }
        }
        return CsrMatrix.fromDense(Matrix.of(3 * perClass, 4, v));
    }

    private Object roundTrip(Object model) throws IOException {
        Path f = dir.resolve("m.petal");
        ModelIO.save(f, model);
        assertTrue(petalJson(model).replace(" ", "").contains("\"sparse\":true"),
                "petal.json marks the model as fitted on sparse input");
        return ModelIO.load(f).model();
    }

    private static String petalJson(Object model) throws IOException {
        return new String(Zips.entries(ModelIO.toBytes(model, ModelMetadata.NONE)).get("petal.json"), StandardCharsets.UTF_8);
    }

    @Test
    void classifiersFittedOnSparseInputRoundTrip() throws IOException {
        CsrMatrix x = sparseBlobs(5, 30);
        int[] y = SvcModelIOTest.labels(30);
        CsrMatrix probe = sparseBlobs(6, 7);
        Matrix probeDense = probe.toDense();
        for (SVC est : new SVC[] {SVC.defaults(), SVC.defaults().withKernel(Kernel.LINEAR).withProbability(true)
                .withRandomState(0L)}) {
            SVCModel m = est.fit(x, y);
            assertTrue(m.fittedOnSparse());
            SVCModel back = (SVCModel) roundTrip(m);
            assertEquals(m.state(), back.state());
            assertTrue(back.fittedOnSparse());
            assertArrayEquals(m.predict(probe), back.predict(probe));
            assertEquals(m.decisionFunction(probe), back.decisionFunction(probeDense));
        }
        NuSVCModel nu = NuSVC.defaults().withNu(0.3).fit(x, y);
        NuSVCModel nuBack = (NuSVCModel) roundTrip(nu);
        assertEquals(nu.state(), nuBack.state());
        assertEquals(nu.decisionFunction(probe), nuBack.decisionFunction(probe));
    }

    @Test
    void regressorsAndOneClassFittedOnSparseInputRoundTrip() throws IOException {
        CsrMatrix x = sparseBlobs(5, 30);
        double[] y = new double[x.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = x.get(i, 0) - 0.5 * x.get(i, 2) + i % 5;
        }
        CsrMatrix probe = sparseBlobs(6, 7);
        SVRModel svr = SVR.defaults().withC(5.0).fit(x, y);
        SVRModel svrBack = (SVRModel) roundTrip(svr);
        assertEquals(svr.state(), svrBack.state());
        assertTrue(svrBack.fittedOnSparse());
        assertArrayEquals(svr.predict(probe), svrBack.predict(probe), 0.0);
        NuSVRModel nusvr = NuSVR.defaults().withKernel(Kernel.POLY).fit(x, y);
        NuSVRModel nusvrBack = (NuSVRModel) roundTrip(nusvr);
        assertEquals(nusvr.state(), nusvrBack.state());
        assertArrayEquals(nusvr.predict(probe), nusvrBack.predict(probe.toDense()), 0.0);
        OneClassSVMModel oc = OneClassSVM.defaults().fit(x);
        OneClassSVMModel ocBack = (OneClassSVMModel) roundTrip(oc);
        assertEquals(oc.state(), ocBack.state());
        assertArrayEquals(oc.decisionFunction(probe), ocBack.decisionFunction(probe), 0.0);
    }

    @Test
    void aSparseFitIsFormat2WithCsrSupportVectorsHeldAndWrittenOnce() throws IOException {
        CsrMatrix x = SparseGoldenFileWriter.sparseBlobsWithStoredZeros(5, 30);
        SVCModel m = SVC.defaults().fit(x, SvcModelIOTest.labels(30));
        CsrMatrix sv = (CsrMatrix) m.supportVectorRows();
        assertEquals(x.selectRows(m.support()), sv, "support_vectors_ is X[support_] as stored, zeros included");
        assertEquals(sv.toDense(), m.supportVectors());
        Map<String, byte[]> e = Zips.entries(ModelIO.toBytes(m, ModelMetadata.NONE));
        assertTrue(petalJson(m).contains("\"format_version\" : 2"), petalJson(m));
        assertFalse(e.containsKey("support_vectors.npy"));
        assertEquals(Set.of("petal.json", "support.npy", "support_vectors_data.npy", "support_vectors_indices.npy",
                "support_vectors_indptr.npy", "n_support.npy", "dual_coef.npy", "intercept.npy", "prob_a.npy",
                "prob_b.npy", "n_iter.npy"), e.keySet());
        SVCModel back = (SVCModel) roundTrip(m);
        assertEquals(sv, back.supportVectorRows());
    }

    /**
     * The memory budget ({@link ArchiveLimits#maxModelBytes}) counts a sparse fit's stored values, not n_SV x
     * n_features: 60 support vectors over 20,000 features with 4 values each fit in 64 KiB (dense they would need
     * about 18 MiB), and a budget below their few KiB is refused in one line.
     */
    @Test
    void theMemoryBudgetOfASparseFitCountsItsStoredValues() throws IOException {
        int rows = 60;
        int[] indptr = new int[rows + 1];
        int[] indices = new int[4 * rows];
        double[] data = new double[4 * rows];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            indptr[i + 1] = 4 * (i + 1);
            for (int k = 0; k < 4; k++) {
                indices[4 * i + k] = (i * 331 + k * 4999) % 5000 + 5000 * k;
                data[4 * i + k] = 1 + (i + k) % 3;
            }
            y[i] = i % 2;
        }
        SVCModel m = SVC.defaults().withC(0.01).fit(CsrMatrix.of(rows, 20000, indptr, indices, data), y);
        assertEquals(rows, m.support().length);
        Path f = dir.resolve("wide.petal");
        ModelIO.save(f, m);
        assertEquals(m.state(), ModelIO.load(f, ArchiveLimits.DEFAULT.withMaxModelBytes(64 << 10)).model(SVCModel.class)
                .state());
        String msg = assertThrows(ModelFormatException.class,
                () -> ModelIO.load(f, ArchiveLimits.DEFAULT.withMaxModelBytes(1024))).getMessage();
        assertTrue(msg.startsWith(f + ": an svc with 2 classes, 20000 features and 60 support vectors needs about "), msg);
    }

    /** One CSR array edited in a sparse SVR's file (values as little-endian int32 from {@code at}). */
    private String refusedWith(String entry, int at, int... values) throws IOException {
        CsrMatrix x = sparseBlobs(5, 10);
        double[] y = new double[x.rows()];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 4;
        }
        Map<String, byte[]> e = Zips.entries(ModelIO.toBytes(SVR.defaults().fit(x, y), ModelMetadata.NONE));
        byte[] npy = e.get(entry);
        ByteBuffer b = ByteBuffer.wrap(npy).order(ByteOrder.LITTLE_ENDIAN);
        int header = 10 + (b.getShort(8) & 0xffff);
        for (int i = 0; i < values.length; i++) {
            b.putInt(header + 4 * (at + i), values[i]);
        }
        Path f = dir.resolve("bad.petal");
        java.nio.file.Files.write(f, Zips.zip(e));
        String msg = assertThrows(ModelFormatException.class, () -> ModelIO.load(f)).getMessage();
        assertFalse(msg.contains("\n"), msg);
        return msg.substring(f.toString().length());
    }

    @Test
    void hostileCsrArraysAreRefusedInOneLine() throws IOException {
        assertEquals(": array support_vectors_indices holds the column 4 in row 0, outside [0, 4).",
                refusedWith("support_vectors_indices.npy", 0, 4));
        assertEquals(": array support_vectors_indices holds the column -1 in row 0, outside [0, 4).",
                refusedWith("support_vectors_indices.npy", 0, -1));
        assertEquals(": array support_vectors_indices must strictly increase within a row, but row 0 has 0 after 0.",
                refusedWith("support_vectors_indices.npy", 0, 0, 0));
        assertTrue(refusedWith("support_vectors_indptr.npy", 0, 1).startsWith(
                ": array support_vectors_indptr must start at 0 and end at "));
        assertEquals(": array support_vectors_indptr must never decrease, but [2] = 0 follows 3.",
                refusedWith("support_vectors_indptr.npy", 1, 3, 0));
    }

    @Test
    void aModelFittedOnDenseInputStaysDense() throws IOException {
        SVRModel m = SVR.defaults().fit(SvcModelIOTest.blobs(5, 10), new double[30]);
        assertFalse(petalJson(m).contains("sparse"), "a dense model's file has no sparse field");
        assertTrue(petalJson(m).contains("\"format_version\" : 1,"), "a dense model's file stays format 1");
        Path f = dir.resolve("d.petal");
        ModelIO.save(f, m);
        assertFalse(((SVRModel) ModelIO.load(f).model()).fittedOnSparse());
    }
}
