package dev.petal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.tracking.Experiment;
import dev.petal.tracking.Metric;
import dev.petal.tracking.Run;
import dev.petal.tracking.RunDetails;
import dev.petal.tracking.RunFilter;
import dev.petal.tracking.Workspace;
import dev.petal.tracking.store.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code petal runs list|show}: the run history of a workspace. */
@Command(name = "runs", description = "List runs or show one run.",
        subcommands = {RunsCommand.ListRuns.class, RunsCommand.ShowRun.class})
final class RunsCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "runs needs a subcommand: list or show");
    }

    /** {@code petal runs list}. */
    @Command(name = "list", description = "List runs, newest first, with status, start, duration and the last value"
            + " of each metric.")
    static final class ListRuns implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Option(names = "--experiment", paramLabel = "NAME", description = "Only this experiment's runs.")
        String experiment;
        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @Override
        public void run() {
            Workspace ws = workspace.openExisting();
            List<Experiment> experiments = new ArrayList<>();
            if (experiment != null) {
                Experiment.validateName(experiment);
                if (ws.experiments().stream().noneMatch(e -> e.name().equals(experiment))) {
                    throw new IllegalArgumentException("no experiment '" + experiment + "' in workspace " + ws.root());
                }
                experiments.add(ws.experiment(experiment));
            } else {
                experiments.addAll(ws.experiments());
            }
            List<RunDetails> runs = new ArrayList<>();
            Map<String, Map<String, Object>> last = new LinkedHashMap<>();
            for (Experiment e : experiments) {
                for (Run r : e.getRuns(RunFilter.all().withChildren(true))) {
                    RunDetails d = r.getDetails();
                    runs.add(d);
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (Metric metric : r.getMetricHistory()) {
                        m.put(metric.name(), metric.value());
                    }
                    last.put(d.id(), m);
                }
            }
            runs.sort((a, b) -> b.createdTime().compareTo(a.createdTime()));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ArrayNode arr = Json.array();
                for (RunDetails d : runs) {
                    ObjectNode o = arr.addObject();
                    o.put("id", d.id());
                    o.put("experiment", d.experiment());
                    o.put("status", d.status().azureName());
                    o.put("parentId", d.parentId());
                    o.put("startTime", Json.time(d.startTime()));
                    o.put("endTime", Json.time(d.endTime()));
                    o.put("durationSeconds", d.duration().toMillis() / 1000.0);
                    o.set("metrics", Json.toNode(last.get(d.id())));
                }
                out.print(new String(Json.pretty(arr), java.nio.charset.StandardCharsets.UTF_8));
                return;
            }
            if (runs.isEmpty()) {
                out.println("no runs in workspace " + ws.root());
                return;
            }
            int w = runs.stream().mapToInt(d -> d.id().length()).max().orElse(2);
            out.println(String.format(Locale.ROOT, "%-" + w + "s  %-10s  %-24s  %9s  %s", "ID", "STATUS", "START",
                    "DURATION", "METRICS (last value)"));
            for (RunDetails d : runs) {
                StringBuilder metrics = new StringBuilder();
                last.get(d.id()).forEach((k, v) -> {
                    if (metrics.length() > 0) {
                        metrics.append(", ");
                    }
                    metrics.append(k).append('=').append(format(v));
                });
                out.println(String.format(Locale.ROOT, "%-" + w + "s  %-10s  %-24s  %9s  %s", d.id(),
                        d.status().azureName(), d.startTime() == null ? "-" : Json.time(d.startTime()),
                        duration(d.duration()), metrics));
            }
        }
    }

    /** {@code petal runs show RUN_ID}. */
    @Command(name = "show", description = "Show one run: status, times, definition, tags, properties, metrics, files.")
    static final class ShowRun implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;
        @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run id.")
        String runId;

        @Override
        public void run() {
            Run run = workspace.openExisting().getRun(runId);
            ObjectNode o = RunJson.of(run);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.print(new String(Json.pretty(o), java.nio.charset.StandardCharsets.UTF_8));
                return;
            }
            RunDetails d = run.getDetails();
            out.println("Run:        " + d.id());
            out.println("Experiment: " + d.experiment());
            out.println("Status:     " + d.status() + (d.error() == null ? "" : " (" + d.error() + ")"));
            out.println("Start:      " + (d.startTime() == null ? "-" : Json.time(d.startTime())));
            out.println("Duration:   " + duration(d.duration()));
            if (d.parentId() != null) {
                out.println("Parent:     " + d.parentId());
            }
            if (d.runDefinition() != null) {
                out.println("Script:     " + d.runDefinition().script() + " "
                        + String.join(" ", d.runDefinition().arguments()));
            }
            out.println("Tags:       " + d.tags());
            out.println("Properties: " + d.properties());
            out.println("Metrics:");
            run.getMetrics().forEach((k, v) -> out.println("  " + k + ": " + format(v)));
            out.println("Files:");
            run.getFileNames().forEach(f -> out.println("  " + f));
        }
    }

    static String format(Object v) {
        if (v instanceof Double d) {
            return dev.petal.check.PyRepr.of(d);
        }
        return String.valueOf(v);
    }

    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        return String.format(Locale.ROOT, "%dm%02ds", ms / 60_000, ms / 1000 % 60);
    }
}
