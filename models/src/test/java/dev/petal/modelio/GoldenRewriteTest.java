package dev.petal.modelio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.io.ModelArchive;
import dev.petal.io.NpyArray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden file, written again from its own header and arrays by today's {@link ModelArchive}, comes out byte
 * for byte as the Petal that wrote it wrote it: the header's JSON layout, the .npy encoding and the ZIP framing.
 */
class GoldenRewriteTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> goldenFiles() {
        return Stream.of("v1/svc_poly_ovo", "v1/pipeline_scaler_svc", "v1/scaler_no_mean", "v1/nu_svc_proba",
                "v1/one_class_svm", "v1/nu_svr", "v1/svr_poly", "v1/linear_svr", "v1/linear_svc_ovr",
                "v1/sparse_svr", "v1/sparse_one_class_svm", "v1/sparse_svc_proba", "v2/sparse_svr",
                "v2/sparse_one_class_svm", "v2/sparse_svc_proba");
    }

    @ParameterizedTest
    @MethodSource("goldenFiles")
    void rewritesByteForByte(String name) throws Exception {
        Path file = Path.of(GoldenRewriteTest.class.getResource("/golden/" + name + ".petal").toURI());
        byte[] original = Files.readAllBytes(file);
        ObjectNode root = (ObjectNode) JSON.readTree(Zips.entries(original).get(ModelArchive.HEADER_ENTRY));
        int version = root.remove("format_version").intValue();
        JsonNode manifest = root.remove("arrays");
        ModelArchive archive = ModelArchive.read(file);
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (Iterator<String> it = manifest.fieldNames(); it.hasNext(); ) {
            String array = it.next();
            arrays.put(array, archive.array(array));
        }
        assertEquals(archive.formatVersion(), version);
        assertArrayEquals(original, ModelArchive.toBytes(root, arrays, version), name);
    }
}
