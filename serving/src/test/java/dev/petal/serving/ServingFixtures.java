package dev.petal.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.linalg.Matrix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Shared models, rows and JSON helpers for the serving tests. */
final class ServingFixtures {
    static final List<String> FEATURES = List.of("sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)");
    static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");
    /** Five iris rows: setosa, versicolor, virginica, versicolor, virginica. */
    static final double[][] ROWS = {
            {5.1, 3.5, 1.4, 0.2}, {7.0, 3.2, 4.7, 1.4}, {6.3, 3.3, 6.0, 2.5}, {6.1, 2.8, 4.7, 1.2}, {5.8, 2.7, 5.1, 1.9}};
    static final String ROWS_JSON = "[[5.1, 3.5, 1.4, 0.2], [7.0, 3.2, 4.7, 1.4], [6.3, 3.3, 6.0, 2.5], [6.1, 2.8, 4.7, 1.2], [5.8, 2.7, 5.1, 1.9]]";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ServingFixtures() {
    }

    /** The iris model, version 1, with probabilities and feature names, answering with class indices. */
    static ServedModel iris() {
        return new ServedModel("sklearn-iris", "1", "SVC", LinearClassifier.iris(true), FEATURES, List.of());
    }

    /** A config on a free port of 127.0.0.1 that logs into {@code log}. */
    static ServingConfig config(List<String> log) {
        return ServingConfig.defaults().withRequestLog(log::add);
    }

    static Matrix rows() {
        return Matrix.of(ROWS);
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON array of numbers as a flat double array. */
    static double[] flat(JsonNode array) {
        java.util.List<Double> out = new java.util.ArrayList<>();
        collect(array, out);
        double[] d = new double[out.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = out.get(i);
        }
        return d;
    }

    private static void collect(JsonNode n, java.util.List<Double> out) {
        if (n.isArray()) {
            n.forEach(c -> collect(c, out));
        } else {
            out.add(n.doubleValue());
        }
    }
}
