package dev.petal.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.io.ModelFormatException;
import dev.petal.modelio.ModelIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files an importer must refuse, each with one line, without running anything from them, and
 * without allocating what a header merely announces.
 */
class HostileFileTest {
    @TempDir
    Path tmp;

    private static String refusal(Path p) {
        return refusal(p, ImportLimits.DEFAULT);
    }

    private static String refusal(Path p, ImportLimits limits) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> SklearnImport.read(p, limits));
        String m = e.getMessage();
        assertFalse(m.contains("\n"), m);
        assertTrue(m.startsWith(p.toString()), m);
        return m;
    }

    @Test
    void aPickleCallingOsSystemIsRefusedByNameAndNothingRuns() throws IOException {
        Path marker = Path.of("/tmp/petal-interop-pwned");
        Files.deleteIfExists(marker);
        Path p = Fixtures.path("hostile/os_system.pkl");
        assertEquals(p + " refers to posix.system, which is not one of the scikit-learn or numpy names a model file may "
                + "use; refusing it. Nothing from the file was run.", refusal(p));
        assertFalse(Files.exists(marker));
    }

    @Test
    void osSystemHiddenInAFittedSvcsStateIsRefusedToo() {
        Path p = Fixtures.path("hostile/os_system_in_state.pkl");
        assertTrue(refusal(p).contains("refers to posix.system"));
    }

    @Test
    void anUnsupportedEstimatorIsNamed() {
        Path p = Fixtures.path("hostile/logistic.joblib");
        assertEquals(p + " holds a scikit-learn LogisticRegression (sklearn.linear_model._logistic.LogisticRegression), "
                + "which Petal cannot import; Petal imports SVC, NuSVC, SVR, NuSVR, OneClassSVM, LinearSVC, LinearSVR, "
                + "StandardScaler, Pipeline(StandardScaler, SVC, NuSVC or LinearSVC). "
                + "Nothing from the file was run.", refusal(p));
    }

    @Test
    void aJoblibArrayAnnouncingAHugeShapeIsRefusedBeforeAllocating() {
        Path p = Fixtures.path("hostile/huge_shape.joblib");
        assertTrue(refusal(p).contains("announces a joblib array of shape (10000000, 10000000) and dtype <f8, more "
                + "elements than Petal reads"), refusal(p));
    }

    @Test
    void aPickledArrayAnnouncingAHugeShapeIsRefused() {
        Path p = Fixtures.path("hostile/huge_shape_ndarray.pkl");
        assertTrue(refusal(p).contains("announces an array of shape (1000000, 1000000)"), refusal(p));
    }

    @Test
    void aHeaderAnnouncingMoreBytesThanTheFileIsRefusedBeforeAllocating() throws IOException {
        // PROTO 4, BINBYTES8 announcing 2^40 bytes
        byte[] b = {(byte) 0x80, 4, (byte) 0x8e, 0, 0, 0, 0, 0, 1, 0, 0};
        Path p = write("big.pkl", b);
        assertTrue(refusal(p).contains("BINBYTES8 needs 1099511627776 more bytes, beyond the limit"), refusal(p));
    }

    @Test
    void aCompressionBombStopsAtTheLimit() {
        // 38 KB of bz2 that inflates to 1 GiB of valid opcodes (push None, pop)
        Path p = Fixtures.path("hostile/bomb.bz2.joblib");
        String m = refusal(p, new ImportLimits(32 << 20, Integer.MAX_VALUE, 64));
        assertTrue(m.contains("beyond the limit of 33554432 bytes for a pickle stream (a damaged file or a compression bomb)"), m);
    }

    @Test
    void aGzipBombStopsAtTheLimit() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (var z = new java.util.zip.GZIPOutputStream(raw)) {
            z.write(new byte[] {(byte) 0x80, 4});
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i < chunk.length; i += 2) {
                chunk[i] = 'N';
                chunk[i + 1] = '0';
            }
            for (int i = 0; i < 24; i++) {
                z.write(chunk);
            }
        }
        Path p = write("bomb.gz.joblib", raw.toByteArray());
        assertTrue(refusal(p, new ImportLimits(8 << 20, Integer.MAX_VALUE, 64)).contains("compression bomb"));
    }

    @Test
    void deeplyNestedMarksAreRefused() throws IOException {
        byte[] b = new byte[2 + 100_000];
        b[0] = (byte) 0x80;
        b[1] = 2;
        Arrays.fill(b, 2, b.length, (byte) '(');
        Path p = write("marks.pkl", b);
        assertTrue(refusal(p).contains("nests deeper than 64 levels"), refusal(p));
    }

    @Test
    void deeplyNestedListsAreReadWithoutRecursionAndRefusedAsNotAnEstimator() throws IOException {
        int depth = 200_000;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0x80);
        b.write(2);
        for (int i = 0; i < depth; i++) {
            b.write(']');
        }
        for (int i = 1; i < depth; i++) {
            b.write('a');
        }
        b.write('.');
        Path p = write("lists.pkl", b.toByteArray());
        assertTrue(refusal(p).contains("holds a list, not a scikit-learn estimator"), refusal(p));
    }

    @Test
    void tooManyValuesAreRefused() throws IOException {
        byte[] b = new byte[2 + 3_000];
        b[0] = (byte) 0x80;
        b[1] = 2;
        Arrays.fill(b, 2, b.length, (byte) 'N');
        Path p = write("nones.pkl", b);
        assertTrue(refusal(p, new ImportLimits(1 << 20, 1_000, 64)).contains("holds more than 1000 values"));
    }

    @Test
    void truncationAtEveryByteOfASmallFileIsOneCleanLine() throws IOException {
        // every byte of two files; every 3rd of a gzip one and every 13th of an xz one (each xz open
        // allocates its dictionary), to keep the test to seconds
        for (String name : new String[] {"scaler.joblib", "scaler.p2.pkl", "svc_rbf_binary_proba.gz.joblib",
            "svc_rbf_binary_proba.xz.joblib"}) {
            byte[] whole = Files.readAllBytes(Fixtures.path(name));
            for (int n = 0; n < whole.length; n += name.contains(".xz.") ? 13 : name.contains(".gz.") ? 3 : 1) {
                Path p = write("cut", Arrays.copyOf(whole, n));
                String m = refusal(p);
                assertTrue(m.contains("truncated") || m.contains("not a pickle or joblib file") || m.contains("damaged"),
                        name + " cut at " + n + ": " + m);
            }
        }
    }

    @Test
    void everyByteFlippedInSmallFilesIsReadOrRefusedCleanly() throws IOException {
        // a scaler (protocol 5), an SVC with string labels (joblib wrappers, object arrays as nested pickles),
        // a pipeline (protocol 2: _reconstruct, _codecs.encode, copy_reg); any exception but a one-line
        // ModelFormatException fails the test
        for (String name : new String[] {"scaler.p5.pkl", "svc_rbf_multi_proba_strings.joblib",
            "pipeline_scaler_svc.p2.pkl"}) {
            byte[] whole = Files.readAllBytes(Fixtures.path(name));
            for (int i = 0; i < whole.length; i += name.startsWith("scaler") ? 1 : 31) {
                byte[] b = whole.clone();
                b[i] ^= (byte) 0xA5;
                Path p = write("flip", b);
                try {
                    SklearnImport.read(p);
                } catch (ModelFormatException e) {
                    assertFalse(e.getMessage().contains("\n"), name + " flipped at " + i + ": " + e.getMessage());
                }
            }
        }
    }

    @Test
    void aPetalFileIsPointedToModelIoLoad() throws IOException {
        Path p = tmp.resolve("m.petal");
        ModelIO.save(p, ModelIO.importSklearn(Fixtures.path("scaler.joblib")).model());
        assertTrue(refusal(p).contains("is a ZIP archive (a Petal model file?)"));
    }

    private Path write(String name, byte[] b) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, b);
        return p;
    }
}
