package dev.petal.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.tracking.Metric;
import dev.petal.tracking.Run;
import dev.petal.tracking.RunDetails;
import dev.petal.tracking.RunStatus;
import dev.petal.tracking.store.Json;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code petal runs list|show}: the run history of a workspace. */
@Command(name = "runs", description = "List, show, download, cancel, delete or restore runs.",
        subcommands = {RunsList.class, RunsCommand.ShowRun.class, RunsCommand.DeleteRun.class,
                RunsCommand.RestoreRun.class, RunsCommand.DownloadRun.class, RunsCommand.CancelRun.class})
final class RunsCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "runs needs a subcommand: list, show, download, cancel, delete or restore");
    }

    /** {@code petal runs show RUN_ID}. */
    @Command(name = "show", description = "Show one run: status, times, definition, tags, properties, metrics, files.")
    static final class ShowRun extends RunIdCommand {
        @Option(names = "--json", description = "Print one JSON object.")
        boolean json;

        @Override
        void run(Run run, PrintWriter out) {
            ObjectNode o = RunJson.of(run);
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
            if (d.deleted()) {
                out.println("Deleted:    yes (soft-deleted; 'petal runs restore " + d.id() + "' brings it back)");
            }
            out.println("Params:     " + d.params());
            out.println("Tags:       " + d.tags());
            out.println("Properties: " + d.properties());
            out.println("Metrics:");
            run.getMetrics().forEach((k, v) -> out.println("  " + k + ": " + format(v)));
            out.println("Files:");
            run.getFileNames().forEach(f -> out.println("  " + f));
            List<Run> children = run.getChildren();
            if (!children.isEmpty()) {
                String primary = d.properties().get("primary_metric_name");
                String goal = d.properties().get("primary_metric_goal");
                out.println("Children:   " + children.size() + (primary == null ? ""
                        : " (primary metric " + primary + ", " + goal + ")"));
                String best = d.tags().get("best_child_run_id");
                List<Run> ordered = new ArrayList<>(children);
                java.util.Collections.reverse(ordered);
                for (Run c : ordered) {
                    RunDetails cd = c.getDetails();
                    StringBuilder b = new StringBuilder("  " + cd.id() + "  " + cd.status().azureName());
                    if (primary != null) {
                        List<Metric> h = c.getMetricHistory(primary);
                        Double v = null;
                        for (Metric m : h) {
                            if (m.isNumber() && (v == null || ("minimize".equals(goal) ? m.asDouble() < v
                                    : m.asDouble() > v))) {
                                v = m.asDouble();
                            }
                        }
                        b.append("  ").append(primary).append('=').append(v == null ? "-" : RunsList.compact(v));
                    }
                    if (!cd.params().isEmpty()) {
                        b.append("  ").append(RunsList.summary(cd.params(), Map.of()));
                    }
                    if (cd.tags().containsKey("early_termination")) {
                        b.append("  (stopped early)");
                    }
                    if (cd.id().equals(best)) {
                        b.append("  <- best");
                    }
                    out.println(b);
                }
            }
        }
    }

    /** {@code petal runs delete RUN_ID}: soft delete, as MLflow's. */
    @Command(name = "delete", description = "Soft-delete a run and its children: hidden from listings, kept on disk"
            + " until restored.")
    static final class DeleteRun extends RunIdCommand {
        @Override
        void run(Run run, PrintWriter out) {
            if (run.getDetails().deleted()) {
                throw new IllegalArgumentException("run " + runId + " is already deleted; 'petal runs restore "
                        + runId + "' brings it back");
            }
            run.delete();
            int n = run.getChildren().size();
            out.println("deleted run " + runId + (n == 0 ? "" : " and its " + n + " child run(s)")
                    + "; 'petal runs restore " + runId + "' brings it back");
        }
    }

    /** {@code petal runs cancel RUN_ID}: Azure's {@code run.cancel()}, from any process. */
    @Command(name = "cancel", description = "Cancel a run that has not ended: the process running it stops its script"
            + " (a child JVM, a thread or a Spark job) and ends it Canceled.")
    static final class CancelRun extends RunIdCommand {
        @Override
        void run(Run run, PrintWriter out) {
            run.cancel();
            RunStatus now = run.getStatus();
            out.println(now.isTerminal() ? "canceled run " + runId
                    : "asked the process running " + runId + " to cancel it (now " + now.azureName() + ")");
        }
    }

    /** {@code petal runs restore RUN_ID}. */
    @Command(name = "restore", description = "Restore a soft-deleted run and its children.")
    static final class RestoreRun extends RunIdCommand {
        @Override
        void run(Run run, PrintWriter out) {
            if (!run.getDetails().deleted()) {
                throw new IllegalArgumentException("run " + runId + " is not deleted; nothing to restore");
            }
            run.restore();
            out.println("restored run " + runId);
        }
    }

    /** {@code petal runs download RUN_ID [--output DIR]}. */
    @Command(name = "download", description = "Copy a run's files (outputs, logs, images, uploads) into a folder.")
    static final class DownloadRun extends RunIdCommand {
        @Option(names = "--output", paramLabel = "DIR", description = "The folder to copy into (default: ./RUN_ID).")
        java.nio.file.Path output;

        @Override
        void run(Run run, PrintWriter out) {
            java.nio.file.Path dir = output == null ? java.nio.file.Path.of(runId) : output;
            if (java.nio.file.Files.exists(dir) && !java.nio.file.Files.isDirectory(dir)) {
                throw new IllegalArgumentException("--output " + dir + " is a file; give a folder");
            }
            List<String> names = run.getFileNames();
            for (String n : names) {
                if (java.nio.file.Files.exists(dir.resolve(n))) {
                    throw new IllegalArgumentException(dir.resolve(n) + " already exists; nothing was copied."
                            + " Choose another --output folder");
                }
            }
            for (String n : names) {
                java.nio.file.Path target = dir.resolve(n);
                try {
                    java.nio.file.Files.createDirectories(target.toAbsolutePath().getParent());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException("cannot create " + target.getParent() + ": "
                            + e.getMessage(), e);
                }
                run.downloadFile(n, target);
            }
            out.println("downloaded " + names.size() + " file(s) of run " + runId + " to "
                    + dir.toAbsolutePath().normalize());
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
