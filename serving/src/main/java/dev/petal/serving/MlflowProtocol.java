package dev.petal.serving;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.linalg.Matrix;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * MLflow's scoring protocol: {@code POST /invocations} with a JSON object holding exactly one of
 * {@code dataframe_split}, {@code dataframe_records}, {@code instances}, {@code inputs} (and
 * optionally {@code params}), or a {@code text/csv} body; answers {@code {"predictions": [...]}}.
 * {@code params.method} selects {@code predict_proba} or {@code decision_function}.
 */
final class MlflowProtocol {
    private static final Set<String> INPUT_KEYS = Set.of("dataframe_split", "dataframe_records", "instances", "inputs");
    private static final String FORMATS = "send a JSON object with exactly one of \"dataframe_split\", \"dataframe_records\","
            + " \"instances\" or \"inputs\" (MLflow 2 format), e.g. {\"inputs\": [[5.1, 3.5, 1.4, 0.2]]}";

    private MlflowProtocol() {
    }

    /** Scores one request body of the given Content-Type and returns the response body. */
    static byte[] invocations(ServedModel model, byte[] body, String contentTypeHeader) {
        ContentType type = ContentType.require(contentTypeHeader, ContentType.JSON, ContentType.CSV);
        Inputs inputs = new Inputs(model);
        Matrix x;
        Method method = Method.PREDICT;
        if (type.mediaType().equals(ContentType.CSV)) {
            x = CsvInput.read(body, inputs);
        } else {
            JsonNode request = Json.parse(body);
            if (request.isArray()) {
                throw RequestException.badRequest("Received a list; " + FORMATS + ".");
            }
            if (!request.isObject()) {
                throw RequestException.badRequest("The request body is " + Json.describe(request) + "; " + FORMATS + ".");
            }
            List<String> found = new ArrayList<>();
            for (Iterator<String> it = request.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (INPUT_KEYS.contains(key)) {
                    found.add(key);
                } else if (!key.equals("params")) {
                    throw RequestException.badRequest("Unknown field " + Json.quote(key) + "; " + FORMATS + ".");
                }
            }
            if (found.size() != 1) {
                throw RequestException.badRequest((found.isEmpty() ? "No input field" : "Several input fields " + found)
                        + " in the request; " + FORMATS + ".");
            }
            method = params(request.get("params"));
            String key = found.get(0);
            x = switch (key) {
                case "dataframe_split" -> split(inputs, request.get(key));
                case "dataframe_records" -> inputs.records(request.get(key), key);
                default -> tensor(inputs, request.get(key), key);
            };
        }
        Scores scores = Scores.compute(model, x, method);
        return Json.write(g -> {
            g.writeStartObject();
            g.writeFieldName("predictions");
            scores.write(g);
            g.writeEndObject();
        });
    }

    /** {@code params}: optional object whose optional "method" names the method. */
    private static Method params(JsonNode params) {
        if (params == null) {
            return Method.PREDICT;
        }
        if (!params.isObject()) {
            throw RequestException.badRequest("\"params\" is " + Json.describe(params) + "; expected an object such as {\"method\": \"predict_proba\"}.");
        }
        for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("method")) {
                throw RequestException.badRequest("Unknown parameter " + Json.quote(key) + " in \"params\"; the only parameter is \"method\".");
            }
        }
        JsonNode m = params.get("method");
        if (m == null) {
            return Method.PREDICT;
        }
        if (!m.isTextual()) {
            throw RequestException.badRequest("params.method is " + Json.describe(m)
                    + "; use \"predict\", \"predict_proba\" or \"decision_function\".");
        }
        return Method.parse(m.textValue(), "params.method");
    }

    /** pandas orient=split: {"columns": [...], "data": [[...]]} ("index" is accepted and ignored). */
    private static Matrix split(Inputs inputs, JsonNode split) {
        if (!split.isObject()) {
            throw RequestException.badRequest("dataframe_split is " + Json.describe(split)
                    + "; expected {\"columns\": [...], \"data\": [[...], ...]}.");
        }
        for (Iterator<String> it = split.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("columns") && !key.equals("data") && !key.equals("index")) {
                throw RequestException.badRequest("Unknown field " + Json.quote(key)
                        + " in dataframe_split; expected \"columns\", \"data\" and optionally \"index\".");
            }
        }
        JsonNode data = split.get("data");
        if (data == null) {
            throw RequestException.badRequest("dataframe_split has no \"data\"; expected {\"columns\": [...], \"data\": [[...], ...]}.");
        }
        JsonNode columns = split.get("columns");
        if (columns == null) {
            return inputs.rows(data, "dataframe_split.data");
        }
        if (!columns.isArray()) {
            throw RequestException.badRequest("dataframe_split.columns is " + Json.describe(columns) + "; expected a list of column names.");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            JsonNode c = columns.get(i);
            if (!c.isTextual()) {
                throw RequestException.badRequest("dataframe_split.columns[" + i + "] is " + Json.describe(c) + ", not a column name.");
            }
            names.add(c.textValue());
        }
        return inputs.namedRows(names, data, "dataframe_split.data");
    }

    /** TF-serving formats: a list of rows (or of records), or for "inputs" an object of named columns. */
    private static Matrix tensor(Inputs inputs, JsonNode value, String key) {
        if (value.isObject() && key.equals("inputs")) {
            return inputs.columns(value, key);
        }
        if (value.isArray() && value.size() > 0 && value.get(0).isObject()) {
            return inputs.records(value, key);
        }
        return inputs.rows(value, key);
    }
}
