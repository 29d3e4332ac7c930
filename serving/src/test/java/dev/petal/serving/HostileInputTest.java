package dev.petal.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every kind of bad request answers a 4xx with {"error": "..."} naming the problem, over real HTTP. */
class HostileInputTest {
    private static ScoringServer server;
    private static ScoringServer small;
    private static ScoringServer noProba;
    private static Http http;

    @BeforeAll
    static void start() {
        server = ScoringServer.start(ServingFixtures.iris(), ServingConfig.defaults().withRequestLog(line -> { }));
        small = ScoringServer.start(ServingFixtures.iris(), ServingConfig.defaults().withRequestLog(line -> { }).withMaxBodyBytes(1000));
        noProba = ScoringServer.start(ServedModel.of("plain", LinearClassifier.iris(false)), ServingConfig.defaults().withRequestLog(line -> { }));
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
        small.close();
        noProba.close();
    }

    private static void refused(Http.Answer a, int status, String message) {
        assertEquals(status, a.status(), a.body());
        assertEquals("application/json", a.contentType());
        assertEquals(message, ServingFixtures.parse(a.body()).get("error").asText());
    }

    private static void score(String body, String message) {
        refused(http.postJson("/score", body), 400, message);
    }

    @Test
    void malformedJson() {
        score("{\"data\": [[1,2,3,4]]", "Malformed JSON at line 1, column 21: Unexpected end-of-input: expected close marker for Object"
                + " (start marker at line 1, column 1)");
        score("{'data': 1}", "Malformed JSON at line 1, column 2: Unexpected character (''' (code 39)): was expecting double-quote to start field name");
        score("{\"data\": [[1,2,3,4]]} x", "Malformed JSON at line 1, column 23: Unrecognized token 'x': was expecting"
                + " (JSON String, Number (or 'NaN'/'+INF'/'-INF'), Array, Object or token 'null', 'true' or 'false')");
        score("{\"data\": [[1,2,3,4]], \"data\": []}", "Malformed JSON at line 1, column 29: Duplicate field 'data'");
        refused(http.post("/score", "application/json", new byte[] {'{', '"', (byte) 0xff, '"', ':', '1', '}'}), 400,
                "Malformed JSON at line 1, column 5: Invalid UTF-8 start byte 0xff");
    }

    @Test
    void hostileJsonShapesAreRefusedByTheParserLimits() {
        assertEquals(400, http.postJson("/score", "[".repeat(5000)).status());
        assertEquals(400, http.postJson("/score", "{\"data\": [[1" + "0".repeat(2000) + ", 2, 3, 4]]}").status());
    }

    @Test
    void emptyBody() {
        String message = "The request body is empty; send a JSON object such as {\"data\": [[5.1, 3.5, 1.4, 0.2]]}.";
        score("", message);
        score("  \n", message);
        refused(http.postJson("/invocations", ""), 400, message);
        refused(http.postJson("/v2/models/sklearn-iris/infer", ""), 400, message);
        refused(http.post("/invocations", "text/csv", new byte[0]), 400,
                "The request body is empty; send a CSV header row and at least one row of numbers.");
    }

    @Test
    void wrongFeatureCount() {
        String message = "X has 3 features, but SVC is expecting 4 features as input.";
        score("{\"data\": [[1, 2, 3]]}", message);
        refused(http.postJson("/invocations", "{\"inputs\": [[1, 2, 3]]}"), 400, message);
        refused(http.postJson("/v2/models/sklearn-iris/infer",
                "{\"inputs\": [{\"name\": \"x\", \"shape\": [1, 3], \"datatype\": \"FP64\", \"data\": [1, 2, 3]}]}"), 400, message);
        score("{\"data\": [[1, 2, 3, 4], [1, 2, 3]]}", "data[1] has 3 values, but data[0] has 4; all rows must have the same length.");
    }

    @Test
    void nonNumbers() {
        score("{\"data\": [[1, \"a\", 3, 4]]}", "data[0][1] is the string \"a\", not a number.");
        score("{\"data\": [[1, 2, 3, 4], [1, 2, null, 4]]}", "data[1][2] is null, not a number.");
        score("{\"data\": [[1, 2, 3, true]]}", "data[0][3] is true, not a number.");
        score("{\"data\": [[1, 2, 3, [4]]]}", "data[0][3] is a list, not a number.");
        score("{\"data\": [1, 2, 3, 4]}", "data[0] is the number 1, not a row; send rows as lists of numbers,"
                + " e.g. [[5.1, 3.5, 1.4, 0.2]] (a 2-D array).");
        score("{\"data\": \"1,2,3,4\"}", "data is the string \"1,2,3,4\"; expected a list of rows such as [[5.1, 3.5, 1.4, 0.2]].");
        refused(http.post("/invocations", "text/csv", "a,b,c,d\n1,2,x,4\n".getBytes(StandardCharsets.UTF_8)), 400,
                "The CSV header has no column \"sepal length (cm)\"; the model needs the columns"
                        + " ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'].");
        String header = String.join(",", ServingFixtures.FEATURES) + "\n";
        refused(http.post("/invocations", "text/csv", (header + "1,2,x,4\n").getBytes(StandardCharsets.UTF_8)), 400,
                "CSV line 2, column \"petal length (cm)\": \"x\" is not a number.");
        refused(http.post("/invocations", "text/csv", (header + "1,2,3\n").getBytes(StandardCharsets.UTF_8)), 400,
                "CSV line 2 has 3 fields, but the header has 4.");
    }

    @Test
    void malformedCsv() {
        String header = String.join(",", ServingFixtures.FEATURES) + "\n";
        Http.Answer a = http.post("/invocations", "text/csv", (header + "1,2,\"3,4\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(400, a.status(), a.body());
        assertEquals(true, ServingFixtures.parse(a.body()).get("error").asText().startsWith("Malformed CSV: "), a.body());
        refused(http.post("/invocations", "text/csv", header.getBytes(StandardCharsets.UTF_8)), 400,
                "The CSV has a header but no rows; send at least one row of numbers.");
        refused(http.post("/invocations", "text/csv", new byte[] {'a', (byte) 0xc3, '\n'}), 400, "The CSV body is not valid UTF-8.");
        refused(http.post("/invocations", "text/csv", "a,a,b,c\n1,2,3,4\n".getBytes(StandardCharsets.UTF_8)), 400,
                "The CSV header names column \"a\" twice.");
    }

    @Test
    void nanAndInfinity() {
        score("{\"data\": [[NaN, 1, 2, 3]]}", "Input X contains NaN.");
        score("{\"data\": [[1e400, 1, 2, 3]]}", "Input X contains infinity or a value too large for dtype('float64').");
        score("{\"data\": [[-Infinity, 1, 2, 3]]}", "Input X contains infinity or a value too large for dtype('float64').");
        String header = String.join(",", ServingFixtures.FEATURES) + "\n";
        refused(http.post("/invocations", "text/csv", (header + "1,,3,4\n").getBytes(StandardCharsets.UTF_8)), 400, "Input X contains NaN.");
    }

    @Test
    void emptyBatch() {
        score("{\"data\": []}", "data is empty: found array with 0 sample(s) (shape=(0, 4)) while a minimum of 1 is required by SVC.");
        refused(http.postJson("/v2/models/sklearn-iris/infer",
                "{\"inputs\": [{\"name\": \"x\", \"shape\": [0, 4], \"datatype\": \"FP64\", \"data\": []}]}"), 400,
                "inputs[0] is empty: found array with 0 sample(s) (shape=(0, 4)) while a minimum of 1 is required by SVC.");
    }

    @Test
    void oversizedBodyWithAndWithoutContentLength() {
        Http tiny = new Http(small.uri());
        byte[] body = ("{\"data\": [" + "[1, 2, 3, 4], ".repeat(100) + "[1, 2, 3, 4]]}").getBytes(StandardCharsets.UTF_8);
        refused(tiny.post("/score", "application/json", body), 413, "The request body is " + body.length
                + " bytes; the limit is 1000 bytes. Send fewer rows per request or raise the limit (maxBodyBytes, --max-body-bytes).");
        Http.Answer chunked = tiny.send(HttpRequest.newBuilder(small.uri().resolve("/invocations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        refused(chunked, 413, "The request body is more than 1000 bytes; the limit is 1000 bytes."
                + " Send fewer rows per request or raise the limit (maxBodyBytes, --max-body-bytes).");
        assertEquals(200, tiny.postJson("/score", "{\"data\": [[1, 2, 3, 4]]}").status());
    }

    @Test
    void defaultLimitIsTenMegabytes() {
        byte[] body = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(body, (byte) ' ');
        refused(http.post("/score", "application/json", body), 413, "The request body is 10485761 bytes; the limit is 10485760 bytes."
                + " Send fewer rows per request or raise the limit (maxBodyBytes, --max-body-bytes).");
    }

    @Test
    void unknownMethod() {
        score("{\"data\": [[1, 2, 3, 4]], \"method\": \"predict_log_proba\"}",
                "Method 'predict_log_proba' is not supported; use 'predict', 'predict_proba' or 'decision_function'.");
        score("{\"data\": [[1, 2, 3, 4]], \"method\": 3}", "\"method\" is the number 3; use \"predict\", \"predict_proba\" or \"decision_function\".");
        refused(http.postJson("/invocations", "{\"inputs\": [[1, 2, 3, 4]], \"params\": {\"method\": \"transform\"}}"), 400,
                "params.method 'transform' is not supported; use 'predict', 'predict_proba' or 'decision_function'.");
        refused(http.postJson("/v2/models/sklearn-iris/infer", "{\"inputs\": [{\"name\": \"x\", \"shape\": [1, 4], \"datatype\": \"FP64\","
                + " \"data\": [1, 2, 3, 4]}], \"outputs\": [{\"name\": \"score\"}]}"), 400,
                "Output 'score' is not supported; use 'predict', 'predict_proba' or 'decision_function'.");
    }

    @Test
    void errorsQuoteAtMostAShortPieceOfTheInput() {
        String huge = "x".repeat(1_000_000);
        score("{\"data\": [[1, 2, 3, 4]], \"method\": \"" + huge + "\"}", "Method '" + "x".repeat(40)
                + "...' is not supported; use 'predict', 'predict_proba' or 'decision_function'.");
        for (String body : List.of("{\"data\": [[1, 2, 3, 4]], \"" + huge + "\": 1}", "{\"data\": [[\"" + huge + "\"]]}",
                "{\"data\": " + huge + "}", "{\"" + huge)) {
            Http.Answer a = http.postJson("/score", body);
            assertEquals(400, a.status());
            assertTrue(a.body().length() < 500, () -> a.body().length() + " characters: " + a.body().substring(0, 200));
        }
    }

    @Test
    void predictProbaWithoutProbabilities() {
        refused(new Http(noProba.uri()).postJson("/score", "{\"data\": [[1, 2, 3, 4]], \"method\": \"predict_proba\"}"), 400,
                "predict_proba is not available: the model was fitted with probability=False;"
                        + " use 'predict' or 'decision_function', or refit with probability=True.");
    }

    @Test
    void unknownContentType() {
        byte[] body = "{\"data\": [[1, 2, 3, 4]]}".getBytes(StandardCharsets.UTF_8);
        refused(http.post("/score", "text/plain", body), 415, "Content-Type 'text/plain' is not supported here; send application/json.");
        refused(http.post("/score", "text/csv", body), 415, "Content-Type 'text/csv' is not supported here; send application/json.");
        refused(http.post("/invocations", "application/xml", body), 415,
                "Content-Type 'application/xml' is not supported here; send application/json or text/csv.");
        refused(http.post("/invocations", "application/json; charset=latin-1", body), 415,
                "Charset 'latin-1' is not supported; send the body in utf-8.");
        refused(http.post("/invocations", "application/json; format=pandas-split", body), 415,
                "Content-Type parameter 'format' is not supported; send 'application/json' or 'application/json; charset=utf-8'.");
        refused(http.post("/v2/models/sklearn-iris/infer", "application/octet-stream", body), 415,
                "Content-Type 'application/octet-stream' is not supported here; send application/json.");
    }

    @Test
    void wrongAzureShapes() {
        score("[[1, 2, 3, 4]]", "The request body is a list; send a JSON object such as {\"data\": [[5.1, 3.5, 1.4, 0.2]], \"method\": \"predict\"}.");
        score("{\"rows\": [[1, 2, 3, 4]]}", "Unknown field \"rows\" in the request; expected \"data\" and optionally \"method\".");
        score("{}", "The request has no \"data\" field; send {\"data\": [[5.1, 3.5, 1.4, 0.2]]}.");
    }

    @Test
    void wrongMlflowShapes() {
        String formats = "send a JSON object with exactly one of \"dataframe_split\", \"dataframe_records\", \"instances\" or \"inputs\""
                + " (MLflow 2 format), e.g. {\"inputs\": [[5.1, 3.5, 1.4, 0.2]]}.";
        refused(http.postJson("/invocations", "[[1, 2, 3, 4]]"), 400, "Received a list; " + formats);
        refused(http.postJson("/invocations", "{}"), 400, "No input field in the request; " + formats);
        refused(http.postJson("/invocations", "{\"inputs\": [[1, 2, 3, 4]], \"instances\": [[1, 2, 3, 4]]}"), 400,
                "Several input fields [inputs, instances] in the request; " + formats);
        refused(http.postJson("/invocations", "{\"columns\": [\"a\"], \"data\": [[1]]}"), 400, "Unknown field \"columns\"; " + formats);
        refused(http.postJson("/invocations", "{\"dataframe_split\": {\"columns\": [\"sepal length (cm)\"], \"data\": [[1]]}}"), 400,
                "dataframe_split.data has no column \"sepal width (cm)\"; the model needs the columns"
                        + " ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'].");
        refused(http.postJson("/invocations", "{\"dataframe_records\": [{\"sepal length (cm)\": 1}]}"), 400,
                "dataframe_records[0] has no column \"sepal width (cm)\"; every record needs"
                        + " ['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)'].");
        refused(http.postJson("/invocations", "{\"inputs\": [[1, 2, 3, 4]], \"params\": {\"temperature\": 1}}"), 400,
                "Unknown parameter \"temperature\" in \"params\"; the only parameter is \"method\".");
    }

    @Test
    void wrongInferenceRequests() {
        refused(http.postJson("/v2/models/other/infer", "{}"), 404, "Model 'other' is not served here; this server serves 'sklearn-iris'.");
        refused(http.get("/v2/models/sklearn-iris/versions/2"), 404,
                "Model 'sklearn-iris' version '2' is not served here; this server serves version '1'.");
        String prefix = "{\"inputs\": [{\"name\": \"x\", ";
        refused(http.postJson("/v2/models/sklearn-iris/infer", prefix + "\"shape\": [2, 4], \"datatype\": \"FP64\", \"data\": [1, 2, 3, 4]}]}"),
                400, "inputs[0].data has 4 values, but shape [2, 4] needs 8.");
        refused(http.postJson("/v2/models/sklearn-iris/infer", prefix + "\"shape\": [2147483647, 4], \"datatype\": \"FP64\", \"data\": [1, 2, 3, 4]}]}"),
                400, "inputs[0].data has 4 values, but shape [2147483647, 4] needs 8589934588.");
        refused(http.postJson("/v2/models/sklearn-iris/infer", prefix + "\"shape\": [1, 4], \"datatype\": \"FP64\", \"data\": [1, 2, [3, \"x\"]]}]}"),
                400, "inputs[0].data[2][1] is the string \"x\", not a number.");
        refused(http.postJson("/v2/models/sklearn-iris/infer", prefix + "\"shape\": [1, 4], \"datatype\": \"BYTES\", \"data\": [\"a\"]}]}"),
                400, "inputs[0].datatype is the string \"BYTES\"; the model takes a numeric tensor such as \"FP64\" or \"FP32\".");
        refused(http.postJson("/v2/models/sklearn-iris/infer", prefix + "\"shape\": [4], \"datatype\": \"FP64\", \"data\": [1, 2, 3, 4]}]}"),
                400, "inputs[0].shape is a list [4]; expected [rows, 4].");
        refused(http.postJson("/v2/models/sklearn-iris/infer", "{\"inputs\": []}"), 400, "\"inputs\" must be a list of exactly one tensor; got 0 tensors.");
        refused(http.postJson("/v2/models/sklearn-iris/infer", "{\"data\": [[1, 2, 3, 4]]}"), 400,
                "Unknown field \"data\" in the inference request; expected \"inputs\" and optionally \"id\", \"parameters\", \"outputs\".");
    }

    @Test
    void unknownRoutesAndVerbs() {
        refused(http.get("/nope"), 404, "No route for GET /nope; see GET / for the endpoints.");
        refused(http.get("/score"), 405, "Method GET is not allowed on /score; see GET / for the endpoints.");
        refused(http.postJson("/health", "{}"), 405, "Method POST is not allowed on /health; see GET / for the endpoints.");
    }

    @Test
    void theServerKeepsServingAfterAbuse() {
        malformedJson();
        nonNumbers();
        assertEquals("[0]", http.postJson("/score", "{\"data\": [[5.1, 3.5, 1.4, 0.2]]}").body());
    }
}
