package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.tracking.Experiment;
import dev.petal.tracking.Run;
import dev.petal.tracking.RunStatus;
import dev.petal.tracking.Workspace;
import dev.petal.tracking.store.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code petal runs list|show|delete|restore|download} over a workspace holding a small sweep. */
class RunsCommandTest {
    @TempDir
    Path dir;
    String ws;
    Run parent;
    List<Run> children = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        ws = dir.resolve("ws").toString();
        Experiment exp = Workspace.at(Path.of(ws)).experiment("iris-sweep");
        parent = exp.startLogging("HyperDrive");
        parent.addProperties(Map.of("primary_metric_name", "Accuracy", "primary_metric_goal", "maximize"));
        String[] kernels = {"linear", "rbf", "poly"};
        double[] acc = {0.9, 0.9666666666666667, 0.8};
        for (int i = 0; i < 3; i++) {
            Run c = parent.child("trial " + i);
            c.logParams(Map.of("kernel", kernels[i], "C", 1.0));
            for (int step = 0; step < 3; step++) {
                c.log("Accuracy", acc[i] - 0.1 * (2 - step), step);
            }
            c.logConfusionMatrix("confusion", List.of("a", "b"), new long[][] {{1, 0}, {0, 1}});
            Files.writeString(c.outputsDirectory().resolve("model.txt"), "model " + i);
            if (i == 2) {
                c.fail("diverged");
            } else {
                c.complete();
            }
            children.add(c);
        }
        parent.tag("best_child_run_id", children.get(1).id());
        parent.complete();
    }

    private CliResult petal(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.add("--workspace");
        a.add(ws);
        return CliResult.petal(a.toArray(new String[0]));
    }

    @Test
    void listFitsEightyColumnsWithChildrenIndentedAndSummaries() {
        CliResult r = petal("runs", "list");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        for (String l : lines) {
            assertTrue(l.length() <= 80, "longer than 80 columns: " + l + "\n" + r.out());
        }
        assertTrue(lines[0].startsWith("RUN "), r.out());
        assertTrue(lines[1].startsWith(parent.id() + " "), r.out());
        assertTrue(lines[2].startsWith("  " + children.get(2).id() + " "), r.out());
        assertTrue(lines[2].contains("Failed"), r.out());
        assertEquals("      C=1.0 kernel=poly | Accuracy=0.8 (+1 table/chart)",
                lines[3].replace("kernel=poly C=1.0", "C=1.0 kernel=poly"), r.out());
        assertEquals(8, lines.length, r.out());
    }

    @Test
    void runsWithoutSubcommandListsEveryOne() {
        CliResult r = CliResult.petal("runs");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: runs needs a subcommand: list, show, download, cancel, delete or restore"),
                r.err());
    }

    @Test
    void filterAndOrderBy() {
        CliResult r = petal("runs", "list", "--filter", "metrics.Accuracy > 0.85 and params.kernel != 'poly'",
                "--order-by", "metrics.Accuracy", "DESC");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\n");
        assertEquals(5, lines.length, r.out());
        assertTrue(lines[1].startsWith(children.get(1).id()), r.out());
        assertTrue(lines[3].startsWith(children.get(0).id()), r.out());

        JsonNode arr = Json.parse(petal("runs", "list", "--filter", "status = 'Failed'", "--json").out(), "json");
        assertEquals(1, arr.size());
        assertEquals("poly", arr.get(0).get("params").get("kernel").asText());
        assertEquals(2, arr.get(0).get("metricSteps").get("Accuracy").asLong());
    }

    @Test
    void filterGrammarErrorIsOneLineWithThePosition() {
        CliResult r = petal("runs", "list", "--filter", "metrics.Accuracy >> 0.9");
        assertEquals(2, r.code());
        assertEquals("error: --filter 'metrics.Accuracy >> 0.9' at position 19: expected a value after"
                + " 'metrics.Accuracy >': a number or a quoted string such as 'rbf'\n", r.err());
        r = petal("runs", "list", "--order-by", "metrics.Accuracy", "UP");
        assertEquals(2, r.code());
        assertEquals("error: --order-by: ordering 'metrics.Accuracy UP' at position 18: expected ASC or DESC\n",
                r.err());
    }

    @Test
    void showJsonKeepsStepsTimesParamsAndChildren() {
        JsonNode o = Json.parse(petal("runs", "show", children.get(1).id(), "--json").out(), "show");
        assertEquals("rbf", o.get("params").get("kernel").asText());
        JsonNode h = o.get("metricHistory").get("Accuracy");
        assertEquals(3, h.size());
        assertEquals(2, h.get(2).get("step").asLong());
        assertTrue(h.get(2).get("time").asText().endsWith("Z"));
        JsonNode p = Json.parse(petal("runs", "show", parent.id(), "--json").out(), "show");
        assertEquals(3, p.get("children").size());
        assertEquals(children.get(0).id(), p.get("children").get(0).asText());

        CliResult text = petal("runs", "show", parent.id());
        assertTrue(text.out().contains("Children:   3 (primary metric Accuracy, maximize)"), text.out());
        assertTrue(text.out().contains("  " + children.get(1).id() + "  Completed  Accuracy=0.9667  "), text.out());
        assertTrue(text.out().contains("<- best"), text.out());
    }

    @Test
    void softDeleteAndRestore() {
        CliResult r = petal("runs", "delete", parent.id());
        assertEquals(0, r.code(), r.err());
        assertEquals("deleted run " + parent.id() + " and its 3 child run(s); 'petal runs restore " + parent.id()
                + "' brings it back\n", r.out());
        assertEquals("no runs match\n", petal("runs", "list").out());
        CliResult deleted = petal("runs", "list", "--view", "deleted");
        assertEquals(9, deleted.out().split("\n").length, deleted.out());
        assertTrue(deleted.out().contains("Completed*"), deleted.out());
        CliResult again = petal("runs", "delete", parent.id());
        assertEquals(1, again.code());
        assertEquals("error: run " + parent.id() + " is already deleted; 'petal runs restore " + parent.id()
                + "' brings it back\n", again.err());
        assertEquals(0, petal("runs", "restore", parent.id()).code());
        assertEquals(8, petal("runs", "list").out().split("\n").length);
        assertEquals(1, petal("runs", "restore", parent.id()).code());
    }

    @Test
    void cancelEndsARunningRunAndRefusesAnEndedOne() {
        Run running = Workspace.at(Path.of(ws)).experiment("iris-sweep").startLogging("notebook");
        CliResult r = petal("runs", "cancel", running.id());
        assertEquals(0, r.code(), r.err());
        assertEquals("canceled run " + running.id() + "\n", r.out());
        assertEquals(RunStatus.CANCELED, running.getStatus());
        CliResult again = petal("runs", "cancel", parent.id());
        assertEquals(1, again.code());
        assertEquals("error: run " + parent.id() + " already ended with status " + RunStatus.COMPLETED + "\n", again.err());
    }

    @Test
    void downloadCopiesTheRunFilesAndRefusesToOverwrite() throws Exception {
        Path out = dir.resolve("dl");
        CliResult r = petal("runs", "download", children.get(0).id(), "--output", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("model 0", Files.readString(out.resolve("outputs/model.txt")));
        CliResult again = petal("runs", "download", children.get(0).id(), "--output", out.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().startsWith("error: " + out.resolve("outputs/model.txt") + " already exists"),
                again.err());
    }

    @Test
    void damagedRunsAreListedAsDamagedAndNeverHideTheOthers() throws Exception {
        Path bad = Path.of(ws, "experiments", "iris-sweep", "iris-sweep_1700000000000_0badf00d");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("run.json"), "{\"id\": ");
        Files.write(children.get(0).folder().resolve("metrics.jsonl"), new byte[] {'{', (byte) 0xc3, '}', '\n'},
                StandardOpenOption.APPEND);
        CliResult r = petal("runs", "list");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning: run iris-sweep_1700000000000_0badf00d in experiment iris-sweep is"
                + " damaged and listed as Damaged: "), r.err());
        assertTrue(r.err().contains("warning: run " + children.get(0).id() + ": 1 line(s) of metrics.jsonl could"
                + " not be read (damaged or torn) and were skipped"), r.err());
        assertTrue(r.out().matches("(?s).*\niris-sweep_1700000000000_0badf00d +Damaged .*"), r.out());
        assertTrue(r.out().contains(parent.id()), r.out());
        assertFalse(r.out().contains("Exception"), r.out());
        assertEquals("Damaged", Json.parse(petal("runs", "list", "--json").out(), "j").get(4).get("status")
                .asText());
        assertTrue(Files.readString(bad.resolve("run.json"), StandardCharsets.UTF_8).startsWith("{"));
    }
}
