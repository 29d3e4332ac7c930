package dev.petal.selection;

import static dev.petal.fixtures.Fixtures.ints;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Labels of the datasets the split fixtures use (read from the fixture itself, so core needs no datasets module). */
final class SplitFixtures {
    private SplitFixtures() {
    }

    /** The labels of a bundled dataset (iris, wine, ...) or of a synthetic label set in {@code root.synthetic}. */
    static int[] labels(JsonNode root, String dataset) {
        if (root.get("synthetic").has(dataset)) {
            return ints(root.get("synthetic").get(dataset));
        }
        return datasetLabels(dataset);
    }

    /** The target column of a bundled dataset CSV, read from the test resources. */
    static int[] datasetLabels(String dataset) {
        String path = "/fixtures/foundation/targets/" + dataset + ".txt";
        try (InputStream in = SplitFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            String[] parts = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim().split("\\s+");
            int[] y = new int[parts.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = Integer.parseInt(parts[i]);
            }
            return y;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A split size from its fixture form: null, {"fraction": "0.25"} or {"count": 30}. */
    static SplitSize size(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.has("fraction")) {
            return SplitSize.fraction(Double.parseDouble(node.get("fraction").asText()));
        }
        return SplitSize.count(node.get("count").asInt());
    }
}
