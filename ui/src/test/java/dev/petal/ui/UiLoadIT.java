package dev.petal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.tracking.Run;
import dev.petal.tracking.Workspace;
import dev.petal.tracking.store.Json;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace of 10,000 runs (written as files, as 10,000 finished runs leave them): the first page of the runs API,
 * cold and warm, and sorted by a metric. Measures and records the times in {@code target/ui-load.txt}; asserts only
 * what is answered, never how fast.
 */
class UiLoadIT {
    static final int RUNS = 10_000;

    @TempDir
    Path dir;

    @Test
    void tenThousandRunsFirstPage() throws Exception {
        Workspace ws = Workspace.at(dir.resolve("ws"));
        Run template;
        try (Run r = ws.experiment("load").startLogging()) {
            r.logParams(java.util.Map.of("kernel", "rbf", "C", 1.0));
            r.log("Accuracy", 0.5, 0);
            template = r;
        }
        String json = Files.readString(template.folder().resolve("run.json"), StandardCharsets.UTF_8);
        byte[] metrics = Files.readAllBytes(template.folder().resolve("metrics.jsonl"));
        String metricLine = new String(metrics, StandardCharsets.UTF_8);
        long t0 = System.currentTimeMillis() - RUNS * 1000L;
        for (int i = 0; i < RUNS; i++) {
            String id = String.format(Locale.ROOT, "load_%d_%08x", t0 + i * 1000L, i);
            Path f = ws.experimentsDir().resolve("load").resolve(id);
            Files.createDirectories(f);
            Files.writeString(f.resolve("run.json"), json.replace(template.id(), id).replace(
                    "\"createdTime\" : \"" + Json.time(template.getDetails().createdTime()),
                    "\"createdTime\" : \"" + Json.time(java.time.Instant.ofEpochMilli(t0 + i * 1000L))));
            Files.writeString(f.resolve("metrics.jsonl"), metricLine.replace("\"value\":0.5,", "\"value\":" + (i % 997) / 997.0 + ","));
        }
        HttpClient http = HttpClient.newHttpClient();
        List<String> report = new ArrayList<>();
        RunIndex index = new RunIndex(ws);
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        report.add(String.format(Locale.ROOT, "load average before: %.1f on %d cores",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors()));
        for (String what : new String[] {"index: first scan", "index: rescan"}) {
            long start = System.nanoTime();
            long cpuStart = cpu.getCurrentThreadCpuTime();
            assertEquals(RUNS + 1, index.refresh().runs().size());
            report.add(String.format(Locale.ROOT, "%-19s %8.1f ms  (%.1f ms of CPU)", what,
                    (System.nanoTime() - start) / 1e6, (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e6));
        }
        try (UiServer server = UiServer.start(ws, "127.0.0.1", 0)) {
            for (String[] q : new String[][] {{"first page at start", "/api/runs?size=50"},
                    {"warm first page", "/api/runs?size=50"},
                    {"sorted by metric", "/api/runs?size=50&order=metrics.Accuracy%20DESC"},
                    {"filtered", "/api/runs?size=50&filter=metrics.Accuracy%20%3E%200.9"}}) {
                long start = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.uri().resolve(q[1])).build(),
                        HttpResponse.BodyHandlers.ofString());
                double ms = (System.nanoTime() - start) / 1e6;
                assertEquals(200, r.statusCode(), r.body());
                JsonNode page = Json.parse(r.body(), q[0]);
                assertEquals(50, page.get("runs").size());
                report.add(String.format(Locale.ROOT, "%-19s %8.1f ms  (%d bytes, total %d)", q[0], ms,
                        r.body().length(), page.get("total").asInt()));
                if (!q[0].equals("filtered")) {
                    assertEquals(RUNS + 1, page.get("total").asInt());
                }
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "ui-load.txt"), report);
    }
}
