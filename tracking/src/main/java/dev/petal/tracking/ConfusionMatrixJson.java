package dev.petal.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.tracking.store.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds and validates Azure's confusion-matrix JSON: {@code {"schema_type": "confusion_matrix", ...}}. */
final class ConfusionMatrixJson {
    private ConfusionMatrixJson() {
    }

    static Map<String, Object> of(List<?> labels, long[][] matrix) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("confusion matrix needs at least one class label");
        }
        if (matrix.length != labels.size()) {
            throw new IllegalArgumentException("confusion matrix has " + matrix.length + " rows but "
                    + labels.size() + " class labels");
        }
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < matrix.length; i++) {
            if (matrix[i].length != labels.size()) {
                throw new IllegalArgumentException("confusion matrix row " + i + " has " + matrix[i].length
                        + " values but there are " + labels.size() + " class labels");
            }
            List<Object> row = new ArrayList<>();
            for (long v : matrix[i]) {
                if (v < 0) {
                    throw new IllegalArgumentException("confusion matrix count " + v + " in row " + i + " is negative");
                }
                row.add(v);
            }
            rows.add(row);
        }
        List<Object> labelList = new ArrayList<>();
        for (Object l : labels) {
            if (!(l instanceof String || l instanceof Number)) {
                throw new IllegalArgumentException("class label " + l + " must be a string or a number");
            }
            labelList.add(l);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("class_labels", labelList);
        data.put("matrix", rows);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("schema_type", "confusion_matrix");
        out.put("schema_version", "1.0.0");
        out.put("data", data);
        return out;
    }

    static Map<String, Object> parse(String json) {
        JsonNode n;
        try {
            n = Json.parse(json, "confusion matrix");
        } catch (Exception e) {
            throw new IllegalArgumentException("Invalid JSON provided");
        }
        if (n == null || !n.isObject() || !"confusion_matrix".equals(n.path("schema_type").asText())) {
            throw new IllegalArgumentException("confusion matrix JSON must have \"schema_type\": \"confusion_matrix\"");
        }
        JsonNode data = n.path("data");
        if (!data.path("class_labels").isArray() || !data.path("matrix").isArray()) {
            throw new IllegalArgumentException("confusion matrix JSON must have data.class_labels and data.matrix arrays");
        }
        List<Object> labels = new ArrayList<>();
        data.path("class_labels").forEach(l -> labels.add(Json.toJava(l)));
        JsonNode m = data.path("matrix");
        long[][] matrix = new long[m.size()][];
        for (int i = 0; i < m.size(); i++) {
            if (!m.get(i).isArray()) {
                throw new IllegalArgumentException("confusion matrix row " + i + " is not an array");
            }
            matrix[i] = new long[m.get(i).size()];
            for (int j = 0; j < matrix[i].length; j++) {
                JsonNode v = m.get(i).get(j);
                if (!v.canConvertToLong() || !v.isIntegralNumber()) {
                    throw new IllegalArgumentException("confusion matrix entry [" + i + "][" + j + "] = " + v
                            + " is not an integer count");
                }
                matrix[i][j] = v.asLong();
            }
        }
        Map<String, Object> out = of(labels, matrix);
        if (n.hasNonNull("schema_version")) {
            out.put("schema_version", n.get("schema_version").asText());
        }
        return out;
    }
}
