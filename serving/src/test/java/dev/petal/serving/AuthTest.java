package dev.petal.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Key auth as Azure's services have it: {@code Authorization: Bearer <key>} or 401; health probes stay open. */
class AuthTest {
    private static final String KEY = "s3cr3t-key_0123456789";
    private static ScoringServer server;
    private static Http http;

    @BeforeAll
    static void start() {
        server = ScoringServer.start(ServingFixtures.iris(), ServingConfig.defaults().withRequestLog(line -> { }).withApiKey(KEY));
        http = new Http(server.uri());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Http.Answer score(String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve("/score")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"data\": [[5.1, 3.5, 1.4, 0.2]]}"));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return http.send(b);
    }

    @Test
    void theRightKeyScores() {
        Http.Answer a = score("Bearer " + KEY);
        assertEquals(200, a.status());
        assertEquals("[0]", a.body());
        assertEquals(200, score("bearer " + KEY).status(), "the scheme is case-insensitive (RFC 7235)");
    }

    @Test
    void noKeyIs401() {
        Http.Answer a = score(null);
        assertEquals(401, a.status());
        assertEquals("{\"error\":\"This service requires a key: send the header 'Authorization: Bearer <key>'.\"}", a.body());
    }

    /** Every call goes over one kept-alive connection, so Jetty's per-connection header cache is in play. */
    @Test
    void aWrongKeyIs401() {
        for (String auth : new String[] {"Bearer wrong", "Bearer " + KEY + "x", KEY, "Basic " + KEY, "Bearer", "Bearer " + KEY.toUpperCase(java.util.Locale.ROOT)}) {
            Http.Answer a = score(auth);
            assertEquals(401, a.status(), auth);
            assertEquals("{\"error\":\"The key in the Authorization header is not valid for this service.\"}", a.body());
        }
    }

    @Test
    void metadataNeedsTheKeyButProbesDoNot() {
        assertEquals(401, http.get("/v2/models/sklearn-iris").status());
        assertEquals(401, http.get("/version").status());
        assertEquals(200, http.get("/v2/models/sklearn-iris", "Bearer " + KEY).status());
        assertEquals(200, http.get("/").status());
        assertEquals(200, http.get("/health").status());
        assertEquals(200, http.get("/v2/health/live").status());
        assertEquals(200, http.get("/v2/health/ready").status());
    }

    @Test
    void unknownRoutesNeedTheKeyToo() {
        assertEquals(401, http.get("/nope").status());
        assertEquals(404, http.get("/nope", "Bearer " + KEY).status());
    }
}
