package dev.petal.serving;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seeded random damage to valid requests never earns a 5xx: always a JSON answer, 200 or 4xx. */
class FuzzTest {
    private static final String[] PATHS = {"/score", "/invocations", "/v2/models/sklearn-iris/infer"};
    private static final String[] VALID = {
        "{\"data\": [[5.1, 3.5, 1.4, 0.2], [6.3, 3.3, 6.0, 2.5]], \"method\": \"predict_proba\"}",
        "{\"dataframe_split\": {\"columns\": [\"sepal length (cm)\", \"sepal width (cm)\", \"petal length (cm)\", \"petal width (cm)\"],"
                + " \"data\": [[5.1, 3.5, 1.4, 0.2]]}, \"params\": {\"method\": \"decision_function\"}}",
        "{\"dataframe_records\": [{\"sepal length (cm)\": 5.1, \"sepal width (cm)\": 3.5, \"petal length (cm)\": 1.4, \"petal width (cm)\": 0.2}]}",
        "{\"inputs\": {\"sepal length (cm)\": [5.1], \"sepal width (cm)\": [3.5], \"petal length (cm)\": [1.4], \"petal width (cm)\": [0.2]}}",
        "{\"id\": \"a\", \"inputs\": [{\"name\": \"x\", \"shape\": [1, 4], \"datatype\": \"FP64\", \"data\": [[5.1, 3.5, 1.4, 0.2]]}],"
                + " \"outputs\": [{\"name\": \"predict_proba\"}]}",
        "sepal length (cm),sepal width (cm),petal length (cm),petal width (cm)\n5.1,3.5,1.4,0.2\n",
    };
    private static final String[] TYPES = {"application/json", "text/csv", "application/json; charset=utf-8"};
    private static final byte[] NOISE = "{}[]\",:0123456789.-eE NaInfinity\\\n\u00e9".getBytes(StandardCharsets.UTF_8);
    private static ScoringServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = ScoringServer.start(ServingFixtures.iris(), ServingConfig.defaults().withRequestLog(line -> { }));
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void damagedRequestsAnswerJsonWithoutServerErrors() {
        Random random = new Random(20261127L);
        int ok = 0;
        for (int round = 0; round < 600; round++) {
            byte[] body = damage(VALID[random.nextInt(VALID.length)].getBytes(StandardCharsets.UTF_8), random);
            String path = PATHS[random.nextInt(PATHS.length)];
            String type = TYPES[random.nextInt(TYPES.length)];
            Http.Answer a = http.post(path, type, body);
            String request = path + " " + type + " " + new String(body, StandardCharsets.UTF_8);
            assertTrue(a.status() == 200 || (a.status() >= 400 && a.status() < 500), a.status() + " for " + request + ": " + a.body());
            JsonNode n = ServingFixtures.parse(a.body());
            assertTrue(a.status() == 200 || n.get("error").asText().length() > 0, request);
            ok += a.status() == 200 ? 1 : 0;
        }
        assertTrue(ok > 0, "no damaged request was still valid; the fuzzer is too blunt to exercise the success path");
    }

    private static byte[] damage(byte[] body, Random random) {
        byte[] b = body.clone();
        int edits = random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int kind = random.nextInt(3);
            int at = random.nextInt(b.length);
            if (kind == 0) {
                b[at] = NOISE[random.nextInt(NOISE.length)];
            } else if (kind == 1) {
                byte[] shorter = new byte[b.length - 1];
                System.arraycopy(b, 0, shorter, 0, at);
                System.arraycopy(b, at + 1, shorter, at, b.length - at - 1);
                b = shorter.length == 0 ? b : shorter;
            } else {
                int len = 1 + random.nextInt(b.length - at);
                byte[] longer = new byte[b.length + len];
                System.arraycopy(b, 0, longer, 0, at + len);
                System.arraycopy(b, at, longer, at + len, b.length - at);
                b = longer;
            }
        }
        return b;
    }
}
