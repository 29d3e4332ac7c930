package dev.petal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.tracking.Run;
import dev.petal.tracking.store.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API over a demo workspace, through HTTP. */
class UiApiTest {
    @TempDir
    static Path dir;
    static DemoWorkspace demo;
    static UiServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        demo = new DemoWorkspace(dir.resolve("ws"));
        server = UiServer.start(demo.ws, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(server.uri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), r.body());
        return Json.parse(r.body(), path);
    }

    @Test
    void runsArePagedWithChildrenNestedAndSortable() throws Exception {
        JsonNode page = json("/api/runs?experiment=iris-svc&order=metrics.Accuracy%20DESC");
        assertEquals(1, page.get("total").asInt());
        assertEquals(7, page.get("totalRuns").asInt());
        JsonNode children = page.get("runs").get(0).get("children");
        assertEquals(6, children.size());
        assertEquals(demo.best.id(), children.get(0).get("id").asText());
        for (int i = 1; i < children.size(); i++) {
            assertTrue(children.get(i - 1).get("metrics").get("Accuracy").asDouble()
                    >= children.get(i).get("metrics").get("Accuracy").asDouble());
        }
        JsonNode all = json("/api/runs?size=1&page=1");
        assertEquals(3, all.get("total").asInt());
        assertEquals(1, all.get("runs").size());
        JsonNode filtered = json("/api/runs?filter=" + java.net.URLEncoder.encode("status = 'Canceled'",
                java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(demo.canceled.id(), filtered.get("runs").get(0).get("id").asText());
    }

    @Test
    void badInputIsA400WithOneMessage() throws Exception {
        HttpResponse<String> r = get("/api/runs?filter=metrics.Accuracy%20~%201");
        assertEquals(400, r.statusCode());
        assertEquals("filter 'metrics.Accuracy ~ 1' at position 18: expected a comparison operator (=, !=, <, <=, >,"
                + " >=, LIKE or ILIKE) after 'metrics.Accuracy'", Json.parse(r.body(), "e").get("error").asText());
        assertEquals(400, get("/api/runs?size=100000").statusCode());
        assertEquals(404, get("/api/runs/nope").statusCode());
        assertEquals(404, get("/api/runs/" + demo.plain.id() + "/files/../run.json").statusCode());
        assertEquals(404, get("/api/runs/" + demo.plain.id() + "/files/metrics.jsonl").statusCode());
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(server.uri().resolve("/api/runs"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode(), "read-only: no writes");
    }

    @Test
    void runPageDataHasSeriesTablesMatricesSweepAndFiles() throws Exception {
        JsonNode p = json("/api/runs/" + demo.sweep.id());
        JsonNode h = p.get("hyperdrive");
        assertEquals("Accuracy", h.get("primaryMetric").asText());
        assertEquals(demo.best.id(), h.get("bestRunId").asText());
        assertEquals("[\"kernel\",\"C\"]", h.get("hyperparameters").toString());
        long cut = 0;
        for (JsonNode c : h.get("children")) {
            cut += c.get("canceledByPolicy").asBoolean() ? 1 : 0;
        }
        assertEquals(1, cut);
        JsonNode b = json("/api/runs/" + demo.best.id());
        assertEquals(8, b.get("series").get("Accuracy").size());
        assertEquals(7, b.get("series").get("Accuracy").get(7).get(0).asInt());
        assertEquals("confusion_matrix", b.get("confusionMatrices").get("Confusion matrix").get("schema_type").asText());
        JsonNode plain = json("/api/runs/" + demo.plain.id());
        assertEquals("row", plain.get("tables").get("per class").get("type").asText());
        String image = plain.get("images").get(0).get("path").asText();
        HttpResponse<String> img = get("/api/runs/" + demo.plain.id() + "/files/" + image);
        assertEquals(200, img.statusCode());
        assertEquals("image/png", img.headers().firstValue("Content-Type").orElse(""));
        assertTrue(img.headers().firstValue("Content-Security-Policy").orElse("").startsWith("sandbox"));
        JsonNode log = json("/api/runs/" + demo.plain.id() + "/log?offset=0");
        assertTrue(log.get("text").asText().contains("Accuracy of SVM classifier on test set: 0.97"));
        long offset = log.get("offset").asLong();
        Files.writeString(demo.plain.folder().resolve("logs/std_log.txt"), "epoch 2 done\n",
                java.nio.file.StandardOpenOption.APPEND);
        JsonNode tail = json("/api/runs/" + demo.plain.id() + "/log?offset=" + offset);
        assertEquals("epoch 2 done\n", tail.get("text").asText(), "a tail reads only what was appended");
        JsonNode models = json("/api/models");
        assertEquals("iris-svc", models.get(0).get("name").asText());
        assertTrue(models.get(0).get("versions").get(0).get("serve").asText()
                .startsWith("petal serve --model iris-svc@champion --workspace "));
    }

    @Test
    void newRunsAppearWithoutARestartAndPagesCarryACsp() throws Exception {
        int before = json("/api/runs?view=all").get("totalRuns").asInt();
        Run r = demo.ws.experiment("late").startLogging();
        r.log("x", 1.0);
        Thread.sleep(1100);
        assertEquals(before + 1, json("/api/runs?view=all").get("totalRuns").asInt());
        r.complete();
        HttpResponse<String> index = get("/");
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("/webjars/echarts/5.3.1/dist/echarts.min.js"));
        assertTrue(index.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertEquals(200, get("/webjars/echarts/5.3.1/dist/echarts.min.js").statusCode());
        assertTrue(Files.exists(demo.ws.root()));
    }
}
