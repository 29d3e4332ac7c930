package dev.petal.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.registry.Model;
import dev.petal.registry.Registry;
import dev.petal.tracking.Metric;
import dev.petal.tracking.MetricType;
import dev.petal.tracking.RunDetails;
import dev.petal.tracking.RunListing;
import dev.petal.tracking.RunSearch;
import dev.petal.tracking.Workspace;
import dev.petal.tracking.store.Json;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** The JSON API under {@code /api/} (documented in ui/README.md); every route is a GET and reads only. */
final class UiApi {
    static final int MAX_PAGE_SIZE = 500;
    static final int MAX_POINTS = 5000;
    static final int LOG_CHUNK = 256 * 1024;

    private final Workspace workspace;
    private final RunIndex index;

    UiApi(Workspace workspace, RunIndex index) {
        this.workspace = workspace;
        this.index = index;
    }

    void routes(Javalin app) {
        app.get("/api", ctx -> json(ctx, about()));
        app.get("/api/experiments", ctx -> json(ctx, experiments()));
        app.get("/api/runs", this::runs);
        app.get("/api/runs/{id}", ctx -> json(ctx, run(view(ctx))));
        app.get("/api/runs/{id}/metrics/{name}", ctx -> json(ctx, history(view(ctx), ctx.pathParam("name"))));
        app.get("/api/runs/{id}/log", this::log);
        app.get("/api/runs/{id}/files/<path>", this::file);
        app.get("/api/models", ctx -> json(ctx, models()));
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        app.exception(NotFound.class, (e, ctx) -> error(ctx, 404, e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> error(ctx, 500, e.getClass().getSimpleName() + ": "
                + e.getMessage()));
        app.error(404, ctx -> {
            if (ctx.path().startsWith("/api")) {
                error(ctx, 404, "no such API path " + ctx.path() + "; see GET /api");
            }
        });
    }

    /** A missing run or file. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    private static void json(Context ctx, JsonNode node) {
        ctx.contentType("application/json; charset=utf-8");
        ctx.header("Cache-Control", "no-store");
        ctx.result(Json.compact(node));
    }

    private static void error(Context ctx, int status, String message) {
        ObjectNode o = Json.object();
        o.put("error", message == null ? "error" : message.length() > 500 ? message.substring(0, 500) + "…" : message);
        ctx.status(status);
        json(ctx, o);
    }

    private ObjectNode about() {
        ObjectNode o = Json.object();
        o.put("workspace", workspace.name());
        o.put("root", workspace.root().toString());
        ArrayNode paths = o.putArray("paths");
        for (String p : List.of("/api/experiments", "/api/runs?experiment=&filter=&order=&view=&page=&size=",
                "/api/runs/{id}", "/api/runs/{id}/metrics/{name}", "/api/runs/{id}/log?offset=",
                "/api/runs/{id}/files/{path}", "/api/models")) {
            paths.add(p);
        }
        return o;
    }

    private ArrayNode experiments() {
        RunIndex.Snapshot s = index.current();
        Map<String, int[]> counts = new LinkedHashMap<>();
        workspace.experiments().forEach(e -> counts.put(e.name(), new int[2]));
        for (RunIndex.View v : s.runs()) {
            if (v.details().deleted()) {
                continue;
            }
            int[] c = counts.computeIfAbsent(v.details().experiment(), k -> new int[2]);
            c[0]++;
            if (v.details().parentId() == null) {
                c[1]++;
            }
        }
        ArrayNode arr = Json.array();
        counts.forEach((name, c) -> {
            ObjectNode o = arr.addObject();
            o.put("name", name);
            o.put("runs", c[0]);
            o.put("topLevelRuns", c[1]);
        });
        return arr;
    }

    private void runs(Context ctx) {
        String experiment = ctx.queryParam("experiment");
        String filter = ctx.queryParam("filter");
        String order = ctx.queryParam("order");
        String view = ctx.queryParamAsClass("view", String.class).getOrDefault("active");
        int page = intParam(ctx, "page", 0, 0, Integer.MAX_VALUE);
        int size = intParam(ctx, "size", 50, 1, MAX_PAGE_SIZE);
        if (!List.of("active", "deleted", "all").contains(view)) {
            throw new IllegalArgumentException("view must be active, deleted or all, not '" + view + "'");
        }
        Predicate<RunSearch.Row> test = RunSearch.filter(filter);
        Comparator<RunSearch.Row> cmp = order == null || order.isBlank() ? null : RunSearch.order(order);
        RunIndex.Snapshot s = index.current();
        boolean needsMetrics = mentionsMetrics(filter) || mentionsMetrics(order);
        List<RunIndex.View> matching = new ArrayList<>();
        Map<RunIndex.View, RunSearch.Row> rows = new LinkedHashMap<>();
        for (RunIndex.View v : s.runs()) {
            RunDetails d = v.details();
            if (experiment != null && !experiment.isEmpty() && !experiment.equals(d.experiment())
                    || view.equals("active") && d.deleted() || view.equals("deleted") && !d.deleted()) {
                continue;
            }
            RunSearch.Row row = new RunSearch.Row(d, needsMetrics ? v.latest() : Map.of());
            if (test.test(row)) {
                matching.add(v);
                rows.put(v, row);
            }
        }
        if (cmp != null) {
            matching.sort((a, b) -> cmp.compare(rows.get(a), rows.get(b)));
        }
        Set<String> ids = new LinkedHashSet<>();
        matching.forEach(v -> ids.add(v.details().id()));
        List<RunIndex.View> top = new ArrayList<>();
        Map<String, List<RunIndex.View>> kids = new LinkedHashMap<>();
        for (RunIndex.View v : matching) {
            String p = v.details().parentId();
            if (p != null && ids.contains(p)) {
                kids.computeIfAbsent(p, k -> new ArrayList<>()).add(v);
            } else {
                top.add(v);
            }
        }
        ObjectNode o = Json.object();
        o.put("total", top.size());
        o.put("totalRuns", matching.size());
        o.put("page", page);
        o.put("size", size);
        Set<String> metricNames = new LinkedHashSet<>();
        Set<String> paramNames = new LinkedHashSet<>();
        ArrayNode arr = o.putArray("runs");
        long from = (long) page * size;
        for (int i = (int) Math.min(from, top.size()); i < Math.min(from + size, top.size()); i++) {
            arr.add(row(top.get(i), kids, metricNames, paramNames, 0));
        }
        ArrayNode mn = o.putArray("metricNames");
        metricNames.forEach(mn::add);
        ArrayNode pn = o.putArray("paramNames");
        paramNames.forEach(pn::add);
        ArrayNode dmg = o.putArray("damaged");
        for (RunListing.Damaged d : s.damaged()) {
            ObjectNode x = dmg.addObject();
            x.put("id", d.id());
            x.put("experiment", d.experiment());
            x.put("reason", d.reason());
        }
        json(ctx, o);
    }

    /** Whether a filter or ordering looks at metrics (only then are 10,000 runs' metrics read). */
    private static boolean mentionsMetrics(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).matches("(?s).*\\bmetrics?\\s*\\..*");
    }

    private static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer in " + min + ".." + max + ", got '"
                    + (v.length() > 40 ? v.substring(0, 40) + "…" : v) + "'");
        }
    }

    private ObjectNode row(RunIndex.View v, Map<String, List<RunIndex.View>> kids, Set<String> metricNames,
                           Set<String> paramNames, int depth) {
        Map<String, Metric> latest = v.latest();
        ObjectNode o = summary(v, latest);
        v.details().params().keySet().forEach(paramNames::add);
        latest.forEach((k, m) -> {
            if (m.type() == MetricType.SCALAR) {
                metricNames.add(k);
            }
        });
        List<RunIndex.View> children = kids.getOrDefault(v.details().id(), List.of());
        ArrayNode c = o.putArray("children");
        if (depth < 8) {
            children.forEach(k -> c.add(row(k, kids, metricNames, paramNames, depth + 1)));
        }
        return o;
    }

    /** The fields of a run shown in tables. */
    static ObjectNode summary(RunIndex.View v) {
        return summary(v, v.latest());
    }

    static ObjectNode summary(RunIndex.View v, Map<String, Metric> latest) {
        RunDetails d = v.details();
        ObjectNode o = Json.object();
        o.put("id", d.id());
        o.put("experiment", d.experiment());
        o.put("displayName", d.displayName());
        o.put("status", d.status().azureName());
        o.put("parentId", d.parentId());
        o.put("runType", d.runType());
        o.put("createdTime", Json.time(d.createdTime()));
        o.put("startTime", Json.time(d.startTime()));
        o.put("endTime", Json.time(d.endTime()));
        o.put("durationSeconds", d.duration().toMillis() / 1000.0);
        o.put("deleted", d.deleted());
        o.put("sweep", "hyperdrive".equals(d.properties().get("run_kind")));
        o.set("params", Json.fromStringMap(d.params()));
        o.set("tags", Json.fromStringMap(d.tags()));
        ObjectNode m = o.putObject("metrics");
        latest.forEach((k, x) -> {
            if (x.type() == MetricType.SCALAR) {
                m.set(k, Json.toNode(x.value()));
            }
        });
        return o;
    }

    private RunIndex.View view(Context ctx) {
        String id = ctx.pathParam("id");
        RunIndex.View v = index.current().byId().get(id);
        if (v == null) {
            throw new NotFound("no run '" + (id.length() > 100 ? id.substring(0, 100) + "…" : id)
                    + "' in workspace " + workspace.name());
        }
        return v;
    }

    private ObjectNode run(RunIndex.View v) {
        RunIndex.Snapshot s = index.current();
        RunDetails d = v.details();
        ObjectNode o = summary(v);
        o.put("error", d.error());
        o.set("properties", Json.fromStringMap(d.properties()));
        if (d.runDefinition() != null) {
            ObjectNode def = o.putObject("runDefinition");
            def.put("script", d.runDefinition().script());
            ArrayNode args = def.putArray("arguments");
            d.runDefinition().arguments().forEach(args::add);
            def.put("computeTarget", d.runDefinition().computeTarget());
        }
        ArrayNode hist = o.putArray("history");
        d.history().forEach(h -> hist.addObject().put("status", h.status().azureName()).put("time", Json.time(h.time())));
        ObjectNode series = o.putObject("series");
        Map<String, List<Metric>> scalars = new LinkedHashMap<>();
        for (Metric m : v.run().getMetricHistory()) {
            if (m.type() == MetricType.SCALAR && m.isNumber()) {
                scalars.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m);
            }
        }
        scalars.forEach((name, ms) -> series.set(name, points(ms)));
        ObjectNode other = o.putObject("tables");
        ObjectNode matrices = o.putObject("confusionMatrices");
        ArrayNode images = o.putArray("images");
        Map<String, Object> summary = v.run().getMetrics();
        for (Map.Entry<String, Metric> e : v.latest().entrySet()) {
            Metric m = e.getValue();
            switch (m.type()) {
                case LIST, ROW, TABLE -> {
                    ObjectNode t = other.putObject(e.getKey());
                    t.put("type", m.type().id());
                    t.set("value", Json.toNode(summary.get(e.getKey())));
                }
                case CONFUSION_MATRIX -> matrices.set(e.getKey(), Json.toNode(m.value()));
                case IMAGE -> {
                    for (Metric im : v.run().getMetricHistory(e.getKey())) {
                        images.addObject().put("name", e.getKey()).put("path", String.valueOf(im.value()));
                    }
                }
                default -> {
                    if (!m.isNumber()) {
                        ObjectNode t = other.putObject(e.getKey());
                        t.put("type", "text");
                        t.set("value", Json.toNode(v.run().getMetricHistory(e.getKey()).stream()
                                .map(Metric::value).toList()));
                    }
                }
            }
        }
        ArrayNode files = o.putArray("files");
        v.run().getFileNames().forEach(files::add);
        ArrayNode children = o.putArray("children");
        List<RunIndex.View> kids = new ArrayList<>(s.children().getOrDefault(d.id(), List.of()));
        java.util.Collections.reverse(kids);
        kids.forEach(k -> children.add(summary(k)));
        if (Boolean.TRUE.equals(o.get("sweep").asBoolean())) {
            o.set("hyperdrive", sweep(d, kids));
        }
        List<Model> models = new ArrayList<>();
        try {
            models = workspace.registry().findByRun(d.id());
        } catch (RuntimeException damagedRegistry) {
            // the run page still shows; the models page names the problem
        }
        ArrayNode reg = o.putArray("registeredModels");
        models.forEach(m -> reg.addObject().put("name", m.name()).put("version", m.version()));
        return o;
    }

    private static ArrayNode points(List<Metric> ms) {
        ArrayNode arr = Json.array();
        int stride = Math.max(1, (ms.size() + MAX_POINTS - 1) / MAX_POINTS);
        for (int i = 0; i < ms.size(); i += stride) {
            Metric m = ms.get(i);
            ArrayNode p = arr.addArray();
            p.add(m.step() == null ? i : m.step());
            p.add(m.asDouble());
            p.add(Json.time(m.time()));
        }
        return arr;
    }

    private ObjectNode sweep(RunDetails parent, List<RunIndex.View> kids) {
        String primary = parent.properties().get("primary_metric_name");
        boolean minimize = "minimize".equals(parent.properties().get("primary_metric_goal"));
        ObjectNode o = Json.object();
        o.put("primaryMetric", primary);
        o.put("goal", minimize ? "minimize" : "maximize");
        o.put("sampling", parent.properties().get("sampling"));
        o.put("policy", parent.properties().get("policy"));
        o.put("maxTotalRuns", parent.properties().get("max_total_runs"));
        Set<String> hyper = new LinkedHashSet<>();
        String space = parent.properties().get("search_space");
        if (space != null) {
            try {
                Json.parse(space, "search_space").fieldNames().forEachRemaining(hyper::add);
            } catch (IllegalArgumentException ignored) {
                // fall back to the children's params
            }
        }
        kids.forEach(k -> hyper.addAll(k.details().params().keySet()));
        ArrayNode hn = o.putArray("hyperparameters");
        hyper.forEach(hn::add);
        ArrayNode rows = o.putArray("children");
        String best = null;
        double bestValue = Double.NaN;
        for (RunIndex.View k : kids) {
            ObjectNode r = rows.addObject();
            r.put("id", k.details().id());
            r.put("status", k.details().status().azureName());
            r.set("params", Json.fromStringMap(k.details().params()));
            double b = Double.NaN;
            int n = 0;
            if (primary != null) {
                for (Metric m : k.run().getMetricHistory(primary)) {
                    if (m.isNumber()) {
                        n++;
                        double x = m.asDouble();
                        b = Double.isNaN(b) ? x : minimize ? Math.min(b, x) : Math.max(b, x);
                    }
                }
            }
            if (Double.isNaN(b)) {
                r.putNull("bestPrimaryMetric");
            } else {
                r.put("bestPrimaryMetric", b);
                if (Double.isNaN(bestValue) || (minimize ? b < bestValue : b > bestValue)) {
                    bestValue = b;
                    best = k.details().id();
                }
            }
            r.put("intervals", n);
            String cut = k.details().tags().get("early_termination");
            r.put("earlyTermination", cut);
            r.put("canceledByPolicy", cut != null);
        }
        String tagged = parent.tags().get("best_child_run_id");
        o.put("bestRunId", tagged != null ? tagged : best);
        if (!Double.isNaN(bestValue)) {
            o.put("bestPrimaryMetric", bestValue);
        }
        return o;
    }

    private ObjectNode history(RunIndex.View v, String name) {
        ObjectNode o = Json.object();
        o.put("id", v.details().id());
        o.put("name", name);
        List<Metric> ms = v.run().getMetricHistory(name).stream().filter(Metric::isNumber).toList();
        o.set("points", points(ms));
        return o;
    }

    private void log(Context ctx) throws IOException {
        RunIndex.View v = view(ctx);
        long offset = ctx.queryParam("offset") == null ? 0 : intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        Path f = v.run().folder().resolve("logs/std_log.txt");
        ObjectNode o = Json.object();
        StringBuilder text = new StringBuilder();
        long next = offset;
        if (Files.isRegularFile(f)) {
            long size = Files.size(f);
            if (offset > size) {
                offset = 0;
            }
            long start = offset == 0 && size > LOG_CHUNK ? size - LOG_CHUNK : offset;
            try (InputStream in = Files.newInputStream(f)) {
                in.skipNBytes(start);
                byte[] b = in.readNBytes((int) Math.min(LOG_CHUNK, size - start));
                int cut = b.length;
                int i = cut - 1;
                while (i >= 0 && cut - i < 4 && (b[i] & 0xC0) == 0x80) {
                    i--;
                }
                if (i >= 0 && (b[i] & 0x80) != 0) {
                    int need = (b[i] & 0xE0) == 0xC0 ? 2 : (b[i] & 0xF0) == 0xE0 ? 3 : 4;
                    if (cut - i < need) {
                        cut = i;
                    }
                }
                text.append(new String(b, 0, cut, StandardCharsets.UTF_8));
                next = start + cut;
            }
        }
        o.put("offset", next);
        o.put("text", text.toString());
        o.put("running", !v.details().status().isTerminal());
        json(ctx, o);
    }

    private void file(Context ctx) throws IOException {
        RunIndex.View v = view(ctx);
        String name = ctx.pathParam("path");
        if (!v.run().getFileNames().contains(name)) {
            throw new NotFound("run " + v.details().id() + " has no file '"
                    + (name.length() > 200 ? name.substring(0, 200) + "…" : name) + "'");
        }
        Path f = v.run().folder().resolve(name);
        String lower = name.toLowerCase(Locale.ROOT);
        String type = lower.endsWith(".png") ? "image/png" : lower.endsWith(".jpg") || lower.endsWith(".jpeg")
                ? "image/jpeg" : lower.endsWith(".gif") ? "image/gif" : lower.endsWith(".svg") ? "image/svg+xml"
                : lower.endsWith(".txt") || lower.endsWith(".csv") || lower.endsWith(".json") || lower.endsWith(".log")
                ? "text/plain; charset=utf-8" : "application/octet-stream";
        boolean inline = type.startsWith("image/") && ctx.queryParam("download") == null
                || type.startsWith("text/plain") && ctx.queryParam("download") == null;
        String base = f.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        ctx.header("Content-Disposition", (inline ? "inline" : "attachment") + "; filename=\"" + base + "\"");
        ctx.header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'");
        ctx.contentType(type);
        ctx.result(Files.newInputStream(f));
    }

    private ArrayNode models() {
        Registry r = workspace.registry();
        ArrayNode arr = Json.array();
        for (String name : r.names()) {
            ObjectNode m = arr.addObject();
            m.put("name", name);
            ObjectNode aliases = m.putObject("aliases");
            r.aliases(name).forEach(aliases::put);
            ArrayNode versions = m.putArray("versions");
            for (Model v : r.versions(name)) {
                ObjectNode o = versions.addObject();
                o.put("version", v.version());
                o.put("fileName", v.fileName());
                o.put("framework", v.framework());
                o.put("description", v.description());
                o.put("createdTime", Json.time(v.createdTime()));
                o.put("runId", v.runId());
                o.put("experiment", v.experiment());
                o.put("sha256", v.sha256());
                o.set("tags", Json.fromStringMap(v.tags()));
                ArrayNode al = o.putArray("aliases");
                v.aliases().forEach(al::add);
                o.put("serve", "petal serve --model " + (v.aliases().isEmpty() ? name + ":" + v.version()
                        : name + "@" + v.aliases().get(0)) + " --workspace " + workspace.root());
            }
        }
        return arr;
    }
}
