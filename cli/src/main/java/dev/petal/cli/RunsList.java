package dev.petal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.tracking.Experiment;
import dev.petal.tracking.Metric;
import dev.petal.tracking.MetricType;
import dev.petal.tracking.RunDetails;
import dev.petal.tracking.RunListing;
import dev.petal.tracking.RunSearch;
import dev.petal.tracking.Workspace;
import dev.petal.tracking.store.Json;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code petal runs list}: the runs of a workspace, filtered, ordered, children under their parent, 80 columns. */
@Command(name = "list", description = "List runs (newest first): status, start, duration, then a line of params and"
        + " latest metrics; child runs indented under their parent.")
final class RunsList implements Runnable {
    static final int WIDTH = 80;
    private static final DateTimeFormatter START = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Option(names = "--experiment", paramLabel = "NAME", description = "Only this experiment's runs.")
    String experiment;
    @Option(names = "--filter", paramLabel = "EXPR", description = "MLflow-style filter, e.g. \"metrics.Accuracy > 0.9"
            + " and params.kernel = 'rbf'\" or \"status = 'Failed'\".")
    String filter;
    @Option(names = "--order-by", arity = "1..2", paramLabel = "KEY [ASC|DESC]",
            description = "Order by a key, e.g. metrics.Accuracy DESC (default: newest first).")
    List<String> orderBy;
    @Option(names = "--view", paramLabel = "active|deleted|all", defaultValue = "active",
            description = "Which runs: active (default), deleted (soft-deleted) or all.")
    String view;
    @Option(names = "--json", description = "Print a JSON array (params, tags, latest metrics; damaged runs too).")
    boolean json;

    /** A listed line: a readable run or a damaged one. */
    private record Line(RunDetails details, Map<String, Metric> latest, RunListing.Damaged damaged) {
        String id() {
            return details != null ? details.id() : damaged.id();
        }
    }

    @Override
    public void run() {
        if (!List.of("active", "deleted", "all").contains(view)) {
            throw new ParameterException(spec.commandLine(), "--view must be active, deleted or all, not '"
                    + view + "'");
        }
        Predicate<RunSearch.Row> test;
        Comparator<RunSearch.Row> order = null;
        try {
            test = RunSearch.filter(filter);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--" + e.getMessage());
        }
        if (orderBy != null) {
            try {
                order = RunSearch.order(String.join(" ", orderBy));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--order-by: "
                        + e.getMessage().replaceFirst("^filter ", "ordering "));
            }
        }
        Workspace ws = workspace.openExisting();
        if (experiment != null) {
            Experiment.validateName(experiment);
            if (ws.experiments().stream().noneMatch(e -> e.name().equals(experiment))) {
                throw new IllegalArgumentException("no experiment '" + experiment + "' in workspace " + ws.root());
            }
        }
        RunListing listing = RunListing.of(ws, experiment, false);
        PrintWriter err = spec.commandLine().getErr();
        for (RunListing.Damaged d : listing.damaged()) {
            err.println("warning: run " + d.id() + " in experiment " + d.experiment() + " is damaged and listed as"
                    + " Damaged: " + (d.reason().length() > 200 ? d.reason().substring(0, 200) + "…" : d.reason()));
        }
        err.flush();
        List<RunSearch.Row> rows = new ArrayList<>();
        for (RunListing.Entry e : listing.runs()) {
            boolean deleted = e.details().deleted();
            if (view.equals("active") && deleted || view.equals("deleted") && !deleted) {
                continue;
            }
            RunSearch.Row row = new RunSearch.Row(e.details(), e.run().getLatestMetrics());
            if (test.test(row)) {
                rows.add(row);
            }
            int bad = e.run().getUnreadableMetricLines();
            if (bad > 0) {
                err.println("warning: run " + e.details().id() + ": " + bad + " line(s) of metrics.jsonl could not be"
                        + " read (damaged or torn) and were skipped");
            }
        }
        if (order != null) {
            rows.sort(order);
        }
        List<Line> lines = new ArrayList<>();
        for (RunSearch.Row r : rows) {
            lines.add(new Line(r.details(), r.latest(), null));
        }
        if (filter == null && !view.equals("deleted")) {
            listing.damaged().forEach(d -> lines.add(new Line(null, Map.of(), d)));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ArrayNode arr = Json.array();
            lines.forEach(l -> arr.add(json(l)));
            out.print(new String(Json.pretty(arr), StandardCharsets.UTF_8));
            return;
        }
        if (lines.isEmpty()) {
            out.println(listing.runs().isEmpty() && listing.damaged().isEmpty() ? "no runs in workspace " + ws.root()
                    : "no runs match");
            return;
        }
        List<Map.Entry<Line, Integer>> tree = nest(lines);
        int w = 3;
        for (Map.Entry<Line, Integer> t : tree) {
            w = Math.max(w, 2 * t.getValue() + t.getKey().id().length());
        }
        String fmt = "%-" + w + "s  %-10s  %-11s  %8s";
        out.println(String.format(Locale.ROOT, fmt, "RUN", "STATUS", "STARTED UTC", "DURATION")
                .stripTrailing());
        for (Map.Entry<Line, Integer> t : tree) {
            Line l = t.getKey();
            String indent = "  ".repeat(t.getValue());
            if (l.damaged() != null) {
                out.println(String.format(Locale.ROOT, fmt, indent + l.id(), "Damaged", "-", "-"));
                out.println(clip(indent + "    " + l.damaged().reason()));
                continue;
            }
            RunDetails d = l.details();
            String status = d.status().azureName() + (d.deleted() ? "*" : "");
            out.println(String.format(Locale.ROOT, fmt, indent + d.id(), status,
                    d.startTime() == null ? "-" : START.format(d.startTime()), RunsCommand.duration(d.duration())));
            String summary = summary(d.params(), l.latest());
            if (!summary.isEmpty()) {
                out.println(clip(indent + "    " + summary));
            }
        }
        if (lines.stream().anyMatch(l -> l.details() != null && l.details().deleted())) {
            out.println("* soft-deleted: 'petal runs restore RUN_ID' brings a run back");
        }
    }

    /** Children after their parent (depth 1, 2, ...), in the listing's order; a child whose parent is not listed stands alone. */
    private static List<Map.Entry<Line, Integer>> nest(List<Line> lines) {
        Set<String> ids = new HashSet<>();
        lines.forEach(l -> ids.add(l.id()));
        Map<String, List<Line>> children = new LinkedHashMap<>();
        List<Line> roots = new ArrayList<>();
        for (Line l : lines) {
            String parent = l.details() == null ? null : l.details().parentId();
            if (parent != null && ids.contains(parent)) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(l);
            } else {
                roots.add(l);
            }
        }
        List<Map.Entry<Line, Integer>> out = new ArrayList<>();
        for (Line r : roots) {
            add(r, 0, children, out, new HashSet<>());
        }
        return out;
    }

    private static void add(Line l, int depth, Map<String, List<Line>> children, List<Map.Entry<Line, Integer>> out,
                            Set<String> seen) {
        if (!seen.add(l.id())) {
            return;
        }
        out.add(Map.entry(l, depth));
        for (Line c : children.getOrDefault(l.id(), List.of())) {
            add(c, depth + 1, children, out, seen);
        }
    }

    /** {@code k=v ... | metric=value ... (+N more)}: params, then the latest scalar metrics. */
    static String summary(Map<String, String> params, Map<String, Metric> latest) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(short20(v)));
        StringBuilder m = new StringBuilder();
        int more = 0;
        for (Metric x : latest.values()) {
            if (x.type() == MetricType.SCALAR) {
                m.append(m.length() == 0 ? "" : " ").append(x.name()).append('=')
                        .append(x.value() instanceof Number n ? compact(n.doubleValue()) : short20(String.valueOf(x.value())));
            } else {
                more++;
            }
        }
        if (more > 0) {
            m.append(m.length() == 0 ? "" : " ").append("(+").append(more).append(more == 1 ? " table/chart)" : " tables/charts)");
        }
        if (b.length() > 0 && m.length() > 0) {
            b.append(" | ");
        }
        return b.append(m).toString();
    }

    /** A number in at most 4 significant digits, as a person reads a table: 0.9667, 12, 1.5e-05. */
    static String compact(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains("e")) {
            String[] p = s.split("e");
            return p[0].replaceAll("\\.?0+$", "") + "e" + p[1];
        }
        return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
    }

    private static String short20(String v) {
        String one = v.replaceAll("\\s+", " ");
        return one.length() > 20 ? one.substring(0, 19) + "…" : one;
    }

    private static String clip(String line) {
        return line.length() > WIDTH ? line.substring(0, WIDTH - 1) + "…" : line;
    }

    private static ObjectNode json(Line l) {
        ObjectNode o = Json.object();
        if (l.damaged() != null) {
            o.put("id", l.damaged().id());
            o.put("experiment", l.damaged().experiment());
            o.put("status", "Damaged");
            o.put("error", l.damaged().reason());
            return o;
        }
        RunDetails d = l.details();
        o.put("id", d.id());
        o.put("experiment", d.experiment());
        o.put("status", d.status().azureName());
        o.put("displayName", d.displayName());
        o.put("parentId", d.parentId());
        o.put("startTime", Json.time(d.startTime()));
        o.put("endTime", Json.time(d.endTime()));
        o.put("durationSeconds", d.duration().toMillis() / 1000.0);
        o.put("deleted", d.deleted());
        o.set("params", Json.fromStringMap(d.params()));
        o.set("tags", Json.fromStringMap(d.tags()));
        ObjectNode m = o.putObject("metrics");
        l.latest().forEach((k, v) -> m.set(k, Json.toNode(v.value())));
        ObjectNode steps = o.putObject("metricSteps");
        l.latest().forEach((k, v) -> steps.put(k, v.step()));
        return o;
    }
}
