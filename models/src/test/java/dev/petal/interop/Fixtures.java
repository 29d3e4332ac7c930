package dev.petal.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.linalg.Matrix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The files fixtures/gen_interop.py wrote with scikit-learn 1.2.1, and what scikit-learn answered on them. */
final class Fixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/dev/petal/interop/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing fixture " + name + "; run fixtures/gen_interop.py", e);
        }
    }

    /** Every model file in the index, e.g. {@code svc_poly_ovo.p5.pkl}. */
    static List<String> files() {
        try {
            List<String> out = new ArrayList<>();
            for (String line : Files.readAllLines(path("index.txt"), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(line.strip());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The case a file belongs to: {@code svc_poly_ovo.p5.pkl} -> {@code svc_poly_ovo}. */
    static String caseOf(String file) {
        return file.substring(0, file.indexOf('.'));
    }

    static JsonNode expected(String caseName) {
        try {
            return JSON.readTree(path(caseName + ".expected.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Matrix matrix(JsonNode rows) {
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            out[i] = new double[rows.get(i).size()];
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] = rows.get(i).get(j).asDouble();
            }
        }
        return Matrix.of(out);
    }

    static List<String> strings(JsonNode a) {
        List<String> out = new ArrayList<>();
        a.forEach(v -> out.add(v.asText()));
        return out;
    }
}
