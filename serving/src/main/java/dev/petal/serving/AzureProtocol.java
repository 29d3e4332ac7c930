package dev.petal.serving;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;

/**
 * Azure ML's no-code scikit-learn protocol: {@code POST /score} with
 * {@code {"data": [[...], ...], "method": "predict"}} answers a bare JSON array.
 */
final class AzureProtocol {
    private AzureProtocol() {
    }

    /** Scores one request body and returns the response body. */
    static byte[] score(ServedModel model, byte[] body) {
        JsonNode request = Json.parse(body);
        if (!request.isObject()) {
            throw RequestException.badRequest("The request body is " + Json.describe(request)
                    + "; send a JSON object such as {\"data\": [[5.1, 3.5, 1.4, 0.2]], \"method\": \"predict\"}.");
        }
        for (Iterator<String> it = request.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.equals("data") && !key.equals("method")) {
                throw RequestException.badRequest("Unknown field " + Json.quote(key)
                        + " in the request; expected \"data\" and optionally \"method\".");
            }
        }
        JsonNode data = request.get("data");
        if (data == null) {
            throw RequestException.badRequest("The request has no \"data\" field; send {\"data\": [[5.1, 3.5, 1.4, 0.2]]}.");
        }
        Method method = method(request.get("method"));
        Scores scores = Scores.compute(model, new Inputs(model).rows(data, "data"), method);
        return Json.write(scores::write);
    }

    /** The "method" field: absent means predict; otherwise a string naming a method. */
    static Method method(JsonNode m) {
        if (m == null) {
            return Method.PREDICT;
        }
        if (!m.isTextual()) {
            throw RequestException.badRequest("\"method\" is " + Json.describe(m)
                    + "; use \"predict\", \"predict_proba\" or \"decision_function\".");
        }
        return Method.parse(m.textValue(), "Method");
    }
}
