package dev.petal.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.tracking.store.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of a run's {@code run.json}, Azure's {@code get_details()}.
 *
 * @param id the run id, {@code <experiment>_<epoch-millis>_<8 hex>}
 * @param experiment the experiment name
 * @param displayName an optional display name (child runs: the name given), or null
 * @param runType {@code script} for submitted runs, {@code interactive} for logged-from-code runs
 * @param status the current status (a run whose process died reads as Failed)
 * @param parentId the parent run's id, or null
 * @param createdTime when the run was created
 * @param startTime when it started running, or null
 * @param endTime when it reached a terminal status, or null
 * @param runDefinition the submitted definition, or null for interactive runs
 * @param javaVersion the Java version of the process that created the run
 * @param petalVersion the Petal version of the process that created the run
 * @param tags mutable tags (values may be null)
 * @param properties immutable properties
 * @param error the error text of a Failed or Canceled run, or null
 * @param history every status the run went through, in order
 * @param pid the process that owns the run's lifecycle
 * @param host that process's host
 * @param scriptPid the child JVM running the script, or 0
 * @param params the logged parameters, in logging order
 * @param deleted whether the run is soft-deleted ({@link Run#delete()})
 */
public record RunDetails(String id, String experiment, String displayName, String runType, RunStatus status,
                         String parentId, Instant createdTime, Instant startTime, Instant endTime,
                         RunDefinition runDefinition, String javaVersion, String petalVersion,
                         Map<String, String> tags, Map<String, String> properties, String error,
                         List<StatusChange> history, long pid, String host, long scriptPid,
                         Map<String, String> params, boolean deleted) {
    /** Copies the maps and lists (tag values may be null). */
    public RunDetails {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        history = List.copyOf(history);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * One status transition.
     *
     * @param status the status entered
     * @param time when
     */
    public record StatusChange(RunStatus status, Instant time) {
    }

    /** The run's duration: end (or now) minus start, or zero when it never started. */
    public Duration duration() {
        if (startTime == null) {
            return Duration.ZERO;
        }
        return Duration.between(startTime, endTime == null ? Instant.now() : endTime);
    }

    /** Parses a {@code run.json} tree. */
    static RunDetails fromJson(JsonNode n) {
        RunDefinition def = null;
        JsonNode d = n.get("runDefinition");
        if (d != null && d.isObject()) {
            List<String> args = new ArrayList<>();
            d.path("arguments").forEach(a -> args.add(a.asText()));
            List<String> opts = new ArrayList<>();
            d.path("environment").path("jvmOptions").forEach(a -> opts.add(a.asText()));
            def = new RunDefinition(Json.text(d, "script"), args, Json.text(d, "sourceDirectory"),
                    Json.text(d, "computeTarget"), d.path("environment").path("name").asText(null), opts,
                    Json.stringMap(d.path("environment").path("variables")),
                    Duration.ofMillis(d.path("maxRunDurationMillis").asLong(Long.MAX_VALUE)));
        }
        List<StatusChange> history = new ArrayList<>();
        n.path("history").forEach(h -> history.add(new StatusChange(RunStatus.parse(h.path("status").asText()),
                Json.time(h.get("time")))));
        return new RunDetails(Json.text(n, "id"), Json.text(n, "experiment"), Json.text(n, "displayName"),
                Json.text(n, "runType"), RunStatus.parse(n.path("status").asText()), Json.text(n, "parentId"),
                Json.time(n.get("createdTime")), Json.time(n.get("startTime")), Json.time(n.get("endTime")), def,
                Json.text(n, "javaVersion"), Json.text(n, "petalVersion"), Json.stringMap(n.get("tags")),
                Json.stringMap(n.get("properties")), Json.text(n, "error"), history, n.path("pid").asLong(0),
                Json.text(n, "host"), n.path("scriptPid").asLong(0), Json.stringMap(n.get("params")),
                "deleted".equals(Json.text(n, "lifecycleStage")));
    }
}
