package dev.petal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.tracking.Metric;
import dev.petal.tracking.Run;
import dev.petal.tracking.RunDetails;
import dev.petal.tracking.store.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON object {@code petal runs show --json} prints. */
final class RunJson {
    private RunJson() {
    }

    /** id, experiment, status, times, error, definition, tags, properties, metrics (name → values), files. */
    static ObjectNode of(Run run) {
        RunDetails d = run.getDetails();
        ObjectNode o = Json.object();
        o.put("id", d.id());
        o.put("experiment", d.experiment());
        o.put("status", d.status().azureName());
        o.put("displayName", d.displayName());
        o.put("runType", d.runType());
        o.put("parentId", d.parentId());
        o.put("createdTime", Json.time(d.createdTime()));
        o.put("startTime", Json.time(d.startTime()));
        o.put("endTime", Json.time(d.endTime()));
        o.put("durationSeconds", d.duration().toMillis() / 1000.0);
        o.put("error", d.error());
        if (d.runDefinition() != null) {
            ObjectNode def = o.putObject("runDefinition");
            def.put("script", d.runDefinition().script());
            ArrayNode args = def.putArray("arguments");
            d.runDefinition().arguments().forEach(args::add);
            def.put("computeTarget", d.runDefinition().computeTarget());
            def.put("sourceDirectory", d.runDefinition().sourceDirectory());
        } else {
            o.putNull("runDefinition");
        }
        o.put("javaVersion", d.javaVersion());
        o.put("petalVersion", d.petalVersion());
        o.put("deleted", d.deleted());
        o.set("params", Json.fromStringMap(d.params()));
        o.set("tags", Json.fromStringMap(d.tags()));
        o.set("properties", Json.fromStringMap(d.properties()));
        Map<String, List<Object>> metrics = new LinkedHashMap<>();
        ObjectNode history = Json.object();
        for (Metric m : run.getMetricHistory()) {
            metrics.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m.value());
            ObjectNode h = history.withArray(m.name()).addObject();
            h.set("value", Json.toNode(m.value()));
            if (m.step() == null) {
                h.putNull("step");
            } else {
                h.put("step", m.step());
            }
            h.put("time", Json.time(m.time()));
            h.put("type", m.type().id());
        }
        o.set("metrics", Json.toNode(metrics));
        o.set("metricHistory", history);
        ArrayNode files = o.putArray("files");
        run.getFileNames().forEach(files::add);
        ArrayNode children = o.putArray("children");
        List<Run> kids = new ArrayList<>(run.getChildren());
        java.util.Collections.reverse(kids);
        kids.forEach(c -> children.add(c.id()));
        return o;
    }
}
