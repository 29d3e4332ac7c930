package dev.petal.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.tracking.store.AtomicFiles;
import dev.petal.tracking.store.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The append-only {@code metrics.jsonl} of a run: one JSON object per value, each appended with one locked write. */
final class MetricLog {
    static final String FILE = "metrics.jsonl";

    private MetricLog() {
    }

    /** Appends one value. */
    static void append(Path runFolder, String name, MetricType type, Object value, Long step) {
        ObjectNode o = Json.object();
        o.put("name", name);
        o.put("type", type.id());
        o.set("value", Json.toNode(value));
        if (step == null) {
            o.putNull("step");
        } else {
            o.put("step", step);
        }
        o.put("time", Json.time(Instant.now()));
        AtomicFiles.appendLine(runFolder.resolve(FILE), (Json.compact(o) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Every value in logging order; torn lines (a writer killed mid-write) are skipped. */
    static List<Metric> read(Path runFolder) {
        Path file = runFolder.resolve(FILE);
        List<Metric> list = new ArrayList<>();
        if (!Files.exists(file)) {
            return list;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        int start = 0;
        int lineNo = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                break;
            }
            lineNo++;
            String line = text.substring(start, end);
            start = end + 1;
            if (line.isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = Json.parse(line, file + " line " + lineNo);
            } catch (IllegalArgumentException torn) {
                continue;
            }
            if (!n.isObject() || !n.hasNonNull("name") || !n.has("value") || !n.hasNonNull("time")) {
                continue;
            }
            JsonNode step = n.get("step");
            list.add(new Metric(n.path("name").asText(), MetricType.parse(n.path("type").asText("scalar")),
                    Json.toJava(n.get("value")), step == null || step.isNull() ? null : step.asLong(),
                    Json.time(n.get("time"))));
        }
        return list;
    }
}
