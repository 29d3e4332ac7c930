package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code petal import} end to end: scikit-learn's gzip joblib pipeline in, {@code petal predict} answers as scikit-learn did. */
class ImportCommandTest {
    @TempDir
    Path tmp;

    private static Path resource(String name) throws Exception {
        return Path.of(ImportCommandTest.class.getResource("/dev/petal/cli/interop/" + name).toURI());
    }

    @Test
    void importedPipelinePredictsAsScikitLearnByColumnName() throws Exception {
        Path model = tmp.resolve("wine.petal");
        CliResult r = CliResult.petal("import", "--from", resource("pipeline_scaler_svc.gz.joblib").toString(),
                "--model", model.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("imported a scikit-learn pipeline with 3 classes and 13 features from "), r.out());

        JsonNode exp = new ObjectMapper().readTree(resource("pipeline_scaler_svc.expected.json").toFile());
        StringBuilder csv = new StringBuilder();
        List<String> names = new java.util.ArrayList<>();
        exp.get("feature_names_in").forEach(n -> names.add(n.asText()));
        java.util.Collections.reverse(names);
        csv.append(String.join(",", names)).append('\n');   // read by name, so another column order works
        for (JsonNode row : exp.get("probe")) {
            for (int j = row.size() - 1; j >= 0; j--) {
                csv.append(row.get(j).asText()).append(j > 0 ? "," : "\n");
            }
        }
        Path data = tmp.resolve("probe.csv");
        Files.writeString(data, csv, StandardCharsets.UTF_8);
        Path out = tmp.resolve("pred.csv");
        r = CliResult.petal("predict", "--model", model.toString(), "--data", data.toString(), "--output", out.toString(),
                "--proba");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("prediction,proba_barbera,proba_barolo,proba_grignolino", lines.get(0));
        for (int i = 0; i < exp.get("predict").size(); i++) {
            String[] cells = lines.get(i + 1).split(",");
            assertEquals(exp.get("predict").get(i).asText(), cells[0], "row " + i);
            for (int c = 0; c < 3; c++) {
                assertEquals(exp.get("predict_proba").get(i).get(c).asDouble(), Double.parseDouble(cells[c + 1]), "row " + i);
            }
        }
    }

    @Test
    void exportWritesOnnxAndJoblibThatImportBack() throws Exception {
        Path model = tmp.resolve("wine.petal");
        assertEquals(0, CliResult.petal("import", "--from", resource("pipeline_scaler_svc.gz.joblib").toString(),
                "--model", model.toString()).code());
        Path onnx = tmp.resolve("wine.onnx");
        CliResult r = CliResult.petal("export", "--model", model.toString(), "--format", "onnx", "--output", onnx.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("exported the pipeline in " + model + " as onnx to " + onnx, r.out().strip());
        byte[] b = Files.readAllBytes(onnx);
        assertTrue(new String(b, StandardCharsets.ISO_8859_1).contains("SVMClassifier"));
        Path joblib = tmp.resolve("wine.joblib");
        r = CliResult.petal("export", "--model", model.toString(), "--format", "joblib", "--output", joblib.toString());
        assertEquals(0, r.code(), r.err());
        Path again = tmp.resolve("again.petal");
        assertEquals(0, CliResult.petal("import", "--from", joblib.toString(), "--model", again.toString()).code());
        r = CliResult.petal("export", "--model", model.toString(), "--format", "pmml", "--output", joblib.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: Invalid value for option '--format'"), r.err());
    }

    @Test
    void aRefusedFileIsOneErrorLineWithStatusOne() throws Exception {
        Path evil = tmp.resolve("evil.pkl");
        // PROTO 2, GLOBAL 'posix system', ...: refused when named
        Files.write(evil, "\u0080\u0002cposix\nsystem\nq\u0000X\u0002\u0000\u0000\u0000lsq\u0001\u0085R.".getBytes(StandardCharsets.ISO_8859_1));
        Path model = tmp.resolve("evil.petal");
        CliResult r = CliResult.petal("import", "--from", evil.toString(), "--model", model.toString());
        assertEquals(1, r.code());
        assertEquals("error: " + evil + " refers to posix.system, which is not one of the scikit-learn or numpy names a "
                + "model file may use; refusing it. Nothing from the file was run.", r.err().strip());
        assertFalse(Files.exists(model));
    }
}
