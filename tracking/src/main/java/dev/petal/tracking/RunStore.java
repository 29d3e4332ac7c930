package dev.petal.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.tracking.store.AtomicFiles;
import dev.petal.tracking.store.Json;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Consumer;

/** Reads and atomically rewrites a run's {@code run.json}; every read-modify-write holds the run's lock file. */
final class RunStore {
    static final String FILE = "run.json";
    static final String LOCK = ".run.lock";

    private RunStore() {
    }

    static ObjectNode read(Path runFolder) {
        JsonNode n = Json.read(runFolder.resolve(FILE));
        if (!n.isObject()) {
            throw new IllegalArgumentException(runFolder.resolve(FILE) + " is not a JSON object");
        }
        return (ObjectNode) n;
    }

    static void write(Path runFolder, ObjectNode node) {
        AtomicFiles.replace(runFolder.resolve(FILE), Json.pretty(node));
    }

    /** Applies {@code change} to the current content under the lock and writes the result atomically. */
    static ObjectNode update(Path runFolder, Consumer<ObjectNode> change) {
        return AtomicFiles.locked(runFolder.resolve(LOCK), () -> {
            ObjectNode n = read(runFolder);
            change.accept(n);
            write(runFolder, n);
            return n;
        });
    }

    /** Sets the status, appends it to the history and stamps start/end times; no-op if already terminal. */
    static void setStatus(ObjectNode n, RunStatus status, String error) {
        RunStatus current = RunStatus.parse(n.path("status").asText());
        if (current.isTerminal()) {
            return;
        }
        String now = Json.time(Instant.now());
        n.put("status", status.azureName());
        history(n, status, now);
        if (status == RunStatus.RUNNING && !n.hasNonNull("startTime")) {
            n.put("startTime", now);
        }
        if (status.isTerminal()) {
            if (!n.hasNonNull("startTime")) {
                n.put("startTime", now);
            }
            n.put("endTime", now);
            if (error != null) {
                n.put("error", error);
            }
        }
    }

    /**
     * Makes an ended run Running again (its end time and error cleared); the history keeps how it ended and
     * records the reopening with {@code note}.
     */
    static void reopen(ObjectNode n, String note) {
        n.put("status", RunStatus.RUNNING.azureName());
        n.remove("endTime");
        n.remove("error");
        history(n, RunStatus.RUNNING, Json.time(Instant.now())).put("note", note);
    }

    /** Appends {@code status} at {@code time} to the run's history; returns the new entry. */
    private static ObjectNode history(ObjectNode n, RunStatus status, String time) {
        ObjectNode h = Json.object();
        h.put("status", status.azureName());
        h.put("time", time);
        n.withArray("history").add(h);
        return h;
    }
}
