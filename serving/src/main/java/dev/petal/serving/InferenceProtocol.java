package dev.petal.serving;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.api.Version;
import dev.petal.linalg.Matrix;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The Open Inference Protocol v2 (KServe V2) REST API: one input tensor of shape [n, features];
 * outputs named after the methods ({@code predict}, {@code predict_proba}, {@code decision_function}),
 * {@code predict} when none are requested.
 */
final class InferenceProtocol {
    private static final Set<String> NUMERIC = Set.of("FP64", "FP32", "FP16", "INT8", "INT16", "INT32", "INT64",
            "UINT8", "UINT16", "UINT32", "UINT64");

    private InferenceProtocol() {
    }

    /** {@code GET /v2}: server metadata. */
    static byte[] serverMetadata() {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("name", "petal");
            g.writeStringField("version", Version.petal());
            g.writeArrayFieldStart("extensions");
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** {@code GET /v2/models/{name}}: the model's name, versions, platform and tensor metadata. */
    static byte[] modelMetadata(ServedModel model) {
        int f = model.classifier().nFeatures();
        int k = model.classifier().classes().length;
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("name", model.name());
            g.writeArrayFieldStart("versions");
            if (!model.version().isEmpty()) {
                g.writeString(model.version());
            }
            g.writeEndArray();
            g.writeStringField("platform", "petal");
            g.writeArrayFieldStart("inputs");
            tensorMeta(g, "input-0", "FP64", -1, f);
            g.writeEndArray();
            g.writeArrayFieldStart("outputs");
            tensorMeta(g, Method.PREDICT.wireName(), model.classNames().isEmpty() ? "INT64" : "BYTES", -1, 0);
            tensorMeta(g, Method.DECISION_FUNCTION.wireName(), "FP64", -1, k == 2 ? 0 : k);
            if (model.classifier().supportsProba()) {
                tensorMeta(g, Method.PREDICT_PROBA.wireName(), "FP64", -1, k);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("parameters");
            g.writeStringField("model_type", model.modelType());
            strings(g, "feature_names", model.featureNames());
            g.writeArrayFieldStart("classes");
            for (int c : model.classifier().classes()) {
                g.writeNumber(c);
            }
            g.writeEndArray();
            strings(g, "class_names", model.classNames());
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** {@code GET /v2/models/{name}/ready}. */
    static byte[] modelReady(ServedModel model) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("name", model.name());
            g.writeBooleanField("ready", true);
            g.writeEndObject();
        });
    }

    /** {@code POST /v2/models/{name}/infer}: scores the input tensor and answers one tensor per requested output. */
    static byte[] infer(ServedModel model, byte[] body) {
        JsonNode request = Json.parse(body);
        if (!request.isObject()) {
            throw RequestException.badRequest("The request body is " + Json.describe(request)
                    + "; send {\"inputs\": [{\"name\": \"input-0\", \"shape\": [1, " + model.classifier().nFeatures()
                    + "], \"datatype\": \"FP64\", \"data\": [...]}]}.");
        }
        for (Iterator<String> it = request.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!Set.of("id", "parameters", "inputs", "outputs").contains(key)) {
                throw RequestException.badRequest("Unknown field " + Json.quote(key)
                        + " in the inference request; expected \"inputs\" and optionally \"id\", \"parameters\", \"outputs\".");
            }
        }
        JsonNode id = request.get("id");
        if (id != null && !id.isTextual()) {
            throw RequestException.badRequest("\"id\" is " + Json.describe(id) + "; expected a string.");
        }
        JsonNode inputs = request.get("inputs");
        if (inputs == null || !inputs.isArray() || inputs.size() != 1) {
            throw RequestException.badRequest("\"inputs\" must be a list of exactly one tensor; got "
                    + (inputs != null && inputs.isArray() ? inputs.size() + " tensors" : Json.describe(inputs)) + ".");
        }
        JsonNode tensor = inputs.get(0);
        String inputName = tensorName(tensor, "inputs[0]");
        Matrix x = tensor(model, tensor, "inputs[0]");
        List<Method> methods = outputs(request.get("outputs"));
        List<Scores> answers = new ArrayList<>();
        for (Method m : methods) {
            answers.add(Scores.compute(model, x, m));
        }
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("model_name", model.name());
            if (!model.version().isEmpty()) {
                g.writeStringField("model_version", model.version());
            }
            g.writeStringField("id", id == null ? "" : id.textValue());
            g.writeObjectFieldStart("parameters");
            g.writeStringField("input", inputName);
            g.writeEndObject();
            g.writeArrayFieldStart("outputs");
            for (Scores s : answers) {
                g.writeStartObject();
                g.writeStringField("name", s.method().wireName());
                g.writeArrayFieldStart("shape");
                for (int d : s.shape()) {
                    g.writeNumber(d);
                }
                g.writeEndArray();
                g.writeStringField("datatype", s.method() == Method.PREDICT ? (s.namedLabels() ? "BYTES" : "INT64") : "FP64");
                g.writeFieldName("data");
                s.writeFlat(g);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static String tensorName(JsonNode tensor, String where) {
        if (!tensor.isObject()) {
            throw RequestException.badRequest(where + " is " + Json.describe(tensor)
                    + "; expected a tensor {\"name\", \"shape\", \"datatype\", \"data\"}.");
        }
        JsonNode name = tensor.get("name");
        if (name == null || !name.isTextual()) {
            throw RequestException.badRequest(where + ".name is " + Json.describe(name) + "; every tensor needs a string name.");
        }
        return name.textValue();
    }

    /** The input tensor as a matrix: shape [n, features], numeric datatype, data nested or flat, row-major. */
    private static Matrix tensor(ServedModel model, JsonNode tensor, String where) {
        for (Iterator<String> it = tensor.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!Set.of("name", "shape", "datatype", "parameters", "data").contains(key)) {
                throw RequestException.badRequest("Unknown field " + Json.quote(key) + " in " + where + ".");
            }
        }
        JsonNode datatype = tensor.get("datatype");
        if (datatype == null || !datatype.isTextual() || !NUMERIC.contains(datatype.textValue())) {
            throw RequestException.badRequest(where + ".datatype is " + Json.describe(datatype)
                    + "; the model takes a numeric tensor such as \"FP64\" or \"FP32\".");
        }
        JsonNode shape = tensor.get("shape");
        if (shape == null || !shape.isArray() || shape.size() != 2 || !shape.get(0).canConvertToExactIntegral()
                || !shape.get(1).canConvertToExactIntegral() || !shape.get(0).canConvertToInt() || !shape.get(1).canConvertToInt()
                || shape.get(0).intValue() < 0 || shape.get(1).intValue() < 0) {
            throw RequestException.badRequest(where + ".shape is " + Json.describe(shape) + (shape != null && shape.isArray() ? " " + shape : "")
                    + "; expected [rows, " + model.classifier().nFeatures() + "].");
        }
        int n = shape.get(0).intValue();
        int f = shape.get(1).intValue();
        dev.petal.check.Check.nFeatures(model.estimator(), model.classifier().nFeatures(), f);
        if (n == 0) {
            throw RequestException.badRequest(String.format(
                    "%s is empty: found array with 0 sample(s) (shape=(0, %d)) while a minimum of 1 is required by %s.",
                    where, f, model.estimator()));
        }
        JsonNode data = tensor.get("data");
        if (data == null || !data.isArray()) {
            throw RequestException.badRequest(where + ".data is " + Json.describe(data) + "; expected a list of numbers.");
        }
        long needed = (long) n * f;
        long count = count(data);
        if (count != needed) {
            throw RequestException.badRequest(where + ".data has " + count + " values, but shape [" + n + ", " + f
                    + "] needs " + needed + ".");
        }
        double[] flat = new double[(int) needed];
        flatten(data, where + ".data", flat, new int[1]);
        return Matrix.of(n, f, flat);
    }

    /** The number of leaf values in nested lists (counted before anything is allocated). */
    private static long count(JsonNode data) {
        long n = 0;
        for (JsonNode v : data) {
            n += v.isArray() ? count(v) : 1;
        }
        return n;
    }

    private static void flatten(JsonNode data, String where, double[] flat, int[] next) {
        for (int i = 0; i < data.size(); i++) {
            JsonNode v = data.get(i);
            if (v.isArray()) {
                flatten(v, where + "[" + i + "]", flat, next);
            } else {
                flat[next[0]++] = Inputs.number(v, where + "[" + i + "]");
            }
        }
    }

    private static List<Method> outputs(JsonNode outputs) {
        if (outputs == null) {
            return List.of(Method.PREDICT);
        }
        if (!outputs.isArray() || outputs.isEmpty()) {
            throw RequestException.badRequest("\"outputs\" is " + Json.describe(outputs)
                    + "; expected a non-empty list such as [{\"name\": \"predict_proba\"}].");
        }
        List<Method> methods = new ArrayList<>();
        for (int i = 0; i < outputs.size(); i++) {
            String name = tensorName(outputs.get(i), "outputs[" + i + "]");
            Method m = Method.parse(name, "Output");
            if (methods.contains(m)) {
                throw RequestException.badRequest("Output '" + name + "' is requested twice.");
            }
            methods.add(m);
        }
        return methods;
    }

    private static void tensorMeta(JsonGenerator g, String name, String datatype, int rows, int cols) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("datatype", datatype);
        g.writeArrayFieldStart("shape");
        g.writeNumber(rows);
        if (cols > 0) {
            g.writeNumber(cols);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
