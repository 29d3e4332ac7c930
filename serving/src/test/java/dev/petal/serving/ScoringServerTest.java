package dev.petal.serving;

import static dev.petal.serving.ServingFixtures.ROWS_JSON;
import static dev.petal.serving.ServingFixtures.flat;
import static dev.petal.serving.ServingFixtures.parse;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.api.Version;
import dev.petal.linalg.Matrix;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every endpoint over real HTTP on an ephemeral port, with answers checked against the model itself. */
class ScoringServerTest {
    private static final List<String> LOG = new CopyOnWriteArrayList<>();
    private static ScoringServer server;
    private static Http http;
    private static final LinearClassifier MODEL = (LinearClassifier) ServingFixtures.iris().classifier();
    private static final Matrix X = ServingFixtures.rows();

    @BeforeAll
    static void start() {
        server = ScoringServer.start(ServingFixtures.iris(), ServingFixtures.config(LOG));
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void bindsToLoopbackOnAnEphemeralPort() {
        assertEquals("127.0.0.1", server.uri().getHost());
        assertTrue(server.port() > 0);
    }

    @Test
    void rootIsLivenessAndListsEndpoints() {
        Http.Answer a = http.get("/");
        assertEquals(200, a.status());
        assertEquals("application/json", a.contentType());
        JsonNode n = parse(a.body());
        assertEquals("Healthy", n.get("status").asText());
        assertEquals("sklearn-iris", n.get("model").asText());
        assertEquals("1", n.get("version").asText());
        assertEquals(4, n.get("n_features").asInt());
        assertEquals("POST /v2/models/sklearn-iris/infer", n.get("endpoints").get("infer").asText());
    }

    @Test
    void healthPingAndVersion() {
        assertEquals("{\"status\":\"Healthy\"}", http.get("/health").body());
        assertEquals("{\"status\":\"Healthy\"}", http.get("/ping").body());
        JsonNode v = parse(http.get("/version").body());
        assertEquals(Version.petal(), v.get("petal").asText());
        assertEquals(Version.java(), v.get("java").asText());
        assertEquals("sklearn-iris", v.get("model").asText());
        assertEquals("1", v.get("model_version").asText());
    }

    @Test
    void scorePredictsTheWholeBatch() {
        Http.Answer a = http.postJson("/score", "{\"data\": " + ROWS_JSON + "}");
        assertEquals(200, a.status());
        assertEquals("[0,1,2,1,2]", a.body());
        assertEquals("[0,1,2,1,2]", http.postJson("/score", "{\"data\": " + ROWS_JSON + ", \"method\": \"predict\"}").body());
    }

    @Test
    void scorePredictProbaAndDecisionFunctionMatchTheModel() {
        JsonNode p = parse(http.postJson("/score", "{\"data\": " + ROWS_JSON + ", \"method\": \"predict_proba\"}").body());
        assertEquals(5, p.size());
        assertEquals(3, p.get(0).size());
        assertArrayEquals(MODEL.predictProba(X).toFlatArray(), flat(p));
        JsonNode d = parse(http.postJson("/score", "{\"method\": \"decision_function\", \"data\": " + ROWS_JSON + "}").body());
        assertEquals(3, d.get(4).size());
        assertArrayEquals(MODEL.decisionFunction(X).toFlatArray(), flat(d));
    }

    @Test
    void scoreAcceptsCharsetUtf8AndNoContentType() {
        assertEquals("[0]", http.post("/score", "application/json; charset=UTF-8",
                "{\"data\": [[5.1, 3.5, 1.4, 0.2]]}".getBytes(StandardCharsets.UTF_8)).body());
        assertEquals("[0]", http.post("/score", null, "{\"data\": [[5.1, 3.5, 1.4, 0.2]]}".getBytes(StandardCharsets.UTF_8)).body());
    }

    @Test
    void invocationsDataframeSplitReordersColumnsByName() {
        String body = "{\"dataframe_split\": {\"columns\": [\"petal width (cm)\", \"petal length (cm)\", \"sepal width (cm)\","
                + " \"sepal length (cm)\", \"species\"], \"index\": [0, 1], \"data\": [[0.2, 1.4, 3.5, 5.1, 9], [2.5, 6.0, 3.3, 6.3, 9]]}}";
        Http.Answer a = http.postJson("/invocations", body);
        assertEquals(200, a.status());
        assertEquals("{\"predictions\":[0,2]}", a.body());
    }

    @Test
    void invocationsDataframeSplitWithoutColumnsIsPositional() {
        assertEquals("{\"predictions\":[0,1,2,1,2]}", http.postJson("/invocations", "{\"dataframe_split\": {\"data\": " + ROWS_JSON + "}}").body());
    }

    @Test
    void invocationsDataframeRecords() {
        String body = "{\"dataframe_records\": [{\"petal width (cm)\": 1.4, \"petal length (cm)\": 4.7, \"sepal width (cm)\": 3.2,"
                + " \"sepal length (cm)\": 7.0}]}";
        assertEquals("{\"predictions\":[1]}", http.postJson("/invocations", body).body());
    }

    @Test
    void invocationsInstancesAndInputs() {
        assertEquals("{\"predictions\":[0,1,2,1,2]}", http.postJson("/invocations", "{\"instances\": " + ROWS_JSON + "}").body());
        assertEquals("{\"predictions\":[0,1,2,1,2]}", http.postJson("/invocations", "{\"inputs\": " + ROWS_JSON + "}").body());
        String columnar = "{\"inputs\": {\"sepal length (cm)\": [5.1, 6.3], \"sepal width (cm)\": [3.5, 3.3],"
                + " \"petal length (cm)\": [1.4, 6.0], \"petal width (cm)\": [0.2, 2.5]}}";
        assertEquals("{\"predictions\":[0,2]}", http.postJson("/invocations", columnar).body());
        String records = "{\"instances\": [{\"sepal length (cm)\": 5.1, \"sepal width (cm)\": 3.5,"
                + " \"petal length (cm)\": 1.4, \"petal width (cm)\": 0.2}]}";
        assertEquals("{\"predictions\":[0]}", http.postJson("/invocations", records).body());
    }

    @Test
    void invocationsParamsSelectTheMethod() {
        JsonNode p = parse(http.postJson("/invocations", "{\"inputs\": " + ROWS_JSON + ", \"params\": {\"method\": \"predict_proba\"}}").body());
        assertArrayEquals(MODEL.predictProba(X).toFlatArray(), flat(p.get("predictions")));
    }

    @Test
    void invocationsCsvPicksColumnsByName() {
        String csv = "petal width (cm),sepal length (cm),sepal width (cm),petal length (cm),species\n"
                + "0.2,5.1,3.5,1.4,setosa\n2.5,6.3,3.3,6.0,virginica\n";
        Http.Answer a = http.post("/invocations", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, a.status());
        assertEquals("{\"predictions\":[0,2]}", a.body());
    }

    @Test
    void v2ServerEndpoints() {
        assertEquals("{\"live\":true}", http.get("/v2/health/live").body());
        assertEquals("{\"ready\":true}", http.get("/v2/health/ready").body());
        assertEquals("{\"name\":\"petal\",\"version\":\"" + Version.petal() + "\",\"extensions\":[]}", http.get("/v2").body());
    }

    @Test
    void v2ModelMetadataAndReadiness() {
        JsonNode m = parse(http.get("/v2/models/sklearn-iris").body());
        assertEquals("sklearn-iris", m.get("name").asText());
        assertEquals("[\"1\"]", m.get("versions").toString());
        assertEquals("petal", m.get("platform").asText());
        assertEquals("[{\"name\":\"input-0\",\"datatype\":\"FP64\",\"shape\":[-1,4]}]", m.get("inputs").toString());
        assertEquals("[{\"name\":\"predict\",\"datatype\":\"INT64\",\"shape\":[-1]},"
                + "{\"name\":\"decision_function\",\"datatype\":\"FP64\",\"shape\":[-1,3]},"
                + "{\"name\":\"predict_proba\",\"datatype\":\"FP64\",\"shape\":[-1,3]}]", m.get("outputs").toString());
        assertEquals(ServingFixtures.FEATURES.get(2), m.get("parameters").get("feature_names").get(2).asText());
        assertEquals(m, parse(http.get("/v2/models/sklearn-iris/versions/1").body()));
        assertEquals("{\"name\":\"sklearn-iris\",\"ready\":true}", http.get("/v2/models/sklearn-iris/ready").body());
        assertEquals("{\"name\":\"sklearn-iris\",\"ready\":true}", http.get("/v2/models/sklearn-iris/versions/1/ready").body());
    }

    @Test
    void v2InferDefaultsToPredictAndEchoesTheId() {
        String body = "{\"id\": \"req-42\", \"inputs\": [{\"name\": \"input-0\", \"shape\": [5, 4], \"datatype\": \"FP64\", \"data\": "
                + ROWS_JSON + "}]}";
        Http.Answer a = http.postJson("/v2/models/sklearn-iris/infer", body);
        assertEquals(200, a.status());
        assertEquals("{\"model_name\":\"sklearn-iris\",\"model_version\":\"1\",\"id\":\"req-42\",\"parameters\":{\"input\":\"input-0\"},"
                + "\"outputs\":[{\"name\":\"predict\",\"shape\":[5],\"datatype\":\"INT64\",\"data\":[0,1,2,1,2]}]}", a.body());
    }

    @Test
    void v2InferFlatDataAndSeveralOutputs() {
        String body = "{\"inputs\": [{\"name\": \"x\", \"shape\": [2, 4], \"datatype\": \"FP32\", \"data\": [5.1, 3.5, 1.4, 0.2, 7.0, 3.2, 4.7, 1.4]}],"
                + " \"outputs\": [{\"name\": \"predict_proba\"}, {\"name\": \"decision_function\"}]}";
        JsonNode r = parse(http.postJson("/v2/models/sklearn-iris/versions/1/infer", body).body());
        Matrix two = Matrix.of(new double[][] {ServingFixtures.ROWS[0], ServingFixtures.ROWS[1]});
        JsonNode proba = r.get("outputs").get(0);
        assertEquals("predict_proba", proba.get("name").asText());
        assertEquals("[2,3]", proba.get("shape").toString());
        assertEquals("FP64", proba.get("datatype").asText());
        assertArrayEquals(MODEL.predictProba(two).toFlatArray(), flat(proba.get("data")));
        JsonNode decision = r.get("outputs").get(1);
        assertEquals("decision_function", decision.get("name").asText());
        assertArrayEquals(MODEL.decisionFunction(two).toFlatArray(), flat(decision.get("data")));
        assertEquals("", r.get("id").asText());
    }

    @Test
    void everyRequestIsLoggedOnOneLine() {
        http.get("/health");
        http.postJson("/score", "{\"data\": [[1]]}");
        assertTrue(LOG.stream().anyMatch(l -> l.matches("GET /health 200 \\d+\\.\\d ms")), LOG::toString);
        assertTrue(LOG.stream().anyMatch(l -> l.matches("POST /score 400 \\d+\\.\\d ms")), LOG::toString);
    }
}
