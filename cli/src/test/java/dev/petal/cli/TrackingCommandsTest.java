package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.registry.ModelOptions;
import dev.petal.tracking.Experiment;
import dev.petal.tracking.Run;
import dev.petal.tracking.Workspace;
import dev.petal.tracking.store.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackingCommandsTest {
    @TempDir
    Path dir;

    private static CliResult petal(String... args) {
        return CliResult.petal(args);
    }

    @Test
    void runCompilesTheScriptsFolderTogetherAndAddsTheUsersClassPath() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib/acme"));
        Files.writeString(lib.resolve("Greeting.java"), "package acme; public final class Greeting {"
                + " public static String of(String who) { return \"hello, \" + who; } }");
        javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.resolve("lib-classes").toString(),
                lib.resolve("Greeting.java").toString());
        Path src = Files.createDirectories(dir.resolve("src/util"));
        Files.writeString(src.resolve("Names.java"), "package util; public final class Names {"
                + " public static String who() { return \"petal\"; } }");
        Path script = dir.resolve("src/Main.java");
        Files.writeString(script, "import util.Names; public class Main { public static void main(String[] a) {"
                + " System.out.println(acme.Greeting.of(Names.who()) + \" \" + String.join(\",\", a)); } }");
        String ws = dir.resolve("ws").toString();
        CliResult r = petal("run", "--workspace", ws, "--classpath", dir.resolve("lib-classes").toString(), script.toString(), "x");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("hello, petal x\n"), r.out());

        CliResult missing = petal("run", "--workspace", ws, script.toString());
        assertEquals(1, missing.code(), missing.out());
        assertTrue(missing.err().startsWith("error: run ") && missing.err().contains("Failed: the script does not compile: Main.java:1: error: "),
                missing.err());
        assertEquals(1, missing.err().lines().count(), missing.err());

        CliResult noSuchEntry = petal("run", "--workspace", ws, "--classpath", dir.resolve("nope.jar").toString(), script.toString());
        assertEquals("error: class path entry " + dir.resolve("nope.jar") + " does not exist; give existing jars or folders\n",
                noSuchEntry.err());
    }

    @Test
    void runStreamsTheScriptAndRunsListAndShowReportIt() {
        String ws = dir.resolve("ws").toString();
        CliResult r = petal("run", "--workspace", ws, "--experiment", "Tutorial-TrainIRIS",
                TinyScript.class.getName(), "--kernel", "linear", "--workspace", "not-ours");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("tiny script args: --kernel linear --workspace not-ours\n"), r.out());
        assertTrue(r.out().contains("Status: Completed"), r.out());
        Run run = new Experiment(Workspace.at(Path.of(ws)), "Tutorial-TrainIRIS").getRuns().get(0);

        CliResult list = petal("runs", "list", "--workspace", ws);
        assertEquals(0, list.code(), list.err());
        String[] lines = list.out().split("\n");
        assertTrue(lines[0].startsWith("RUN"), list.out());
        assertTrue(lines[1].startsWith(run.id()), list.out());
        assertTrue(lines[1].contains("Completed"), list.out());
        assertEquals("    Accuracy=0.97 Kernel type=linear", lines[2], list.out());

        JsonNode arr = Json.parse(petal("runs", "list", "--workspace", ws, "--json").out(), "runs list");
        assertEquals(run.id(), arr.get(0).get("id").asText());
        assertEquals(0.97, arr.get(0).get("metrics").get("Accuracy").asDouble());

        CliResult show = petal("runs", "show", run.id(), "--workspace", ws, "--json");
        assertEquals(0, show.code(), show.err());
        JsonNode o = Json.parse(show.out(), "runs show");
        assertEquals(run.id(), o.get("id").asText());
        assertEquals("Tutorial-TrainIRIS", o.get("experiment").asText());
        assertEquals("Completed", o.get("status").asText());
        assertEquals(List.of(0.5, 0.97), Json.toJava(o.get("metrics").get("Accuracy")));
        assertEquals(List.of("logs/std_log.txt"), Json.toJava(o.get("files")));
        assertEquals(List.of("--kernel", "linear", "--workspace", "not-ours"),
                Json.toJava(o.get("runDefinition").get("arguments")));

        CliResult text = petal("runs", "show", run.id(), "--workspace", ws);
        assertTrue(text.out().contains("Status:     Completed"), text.out());
        assertTrue(text.out().contains("  Accuracy: [0.5, 0.97]"), text.out());
    }

    @Test
    void aFailedRunExitsOneWithOneErrorLine() {
        String ws = dir.resolve("ws").toString();
        CliResult r = petal("run", "--workspace", ws, "--target", "inprocess", TinyScript.class.getName(), "--fail");
        assertEquals(1, r.code());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().matches("error: run Default_\\d{13}_[0-9a-f]{8} Failed: the script failed:"
                + " java.lang.IllegalStateException: tiny failure; see logs/std_log.txt\n"), r.err());
    }

    @Test
    void readCommandsNeedAnExistingWorkspace() {
        CliResult r = petal("runs", "list", "--workspace", dir.resolve("typo").toString());
        assertEquals(1, r.code());
        assertEquals("error: no workspace at " + dir.resolve("typo") + " (no config.json there); check --workspace DIR\n",
                r.err());
        assertTrue(Files.notExists(dir.resolve("typo")));
        r = petal("models", "show", "x", "--workspace", dir.resolve("typo").toString());
        assertEquals(1, r.code());
    }

    @Test
    void errorsAndUsage() {
        String ws = dir.resolve("ws").toString();
        Workspace.at(dir.resolve("ws"));
        CliResult r = petal("runs", "show", "nope", "--workspace", ws);
        assertEquals(1, r.code());
        assertEquals("error: no run 'nope' in workspace " + dir.resolve("ws") + "\n", r.err());
        r = petal("runs", "list", "--workspace", ws, "--experiment", "missing");
        assertEquals(1, r.code());
        assertEquals("error: no experiment 'missing' in workspace " + dir.resolve("ws") + "\n", r.err());
        r = petal("runs", "--workspace", ws);
        assertEquals(2, r.code());
        r = petal("run", "--workspace", ws, dir.resolve("Missing.java").toString());
        assertEquals(1, r.code());
        assertEquals("error: script 'Missing.java' not found in source directory " + dir + "\n", r.err());
        r = petal("runs", "list", "--workspace", ws);
        assertEquals(0, r.code());
        assertEquals("no runs in workspace " + dir.resolve("ws") + "\n", r.out());
    }

    @Test
    void modelsListAndShow() throws Exception {
        Workspace ws = Workspace.at(dir.resolve("ws"));
        Path file = dir.resolve("model.petal");
        Files.writeString(file, "m");
        ws.registry().register("sklearn-iris", file,
                ModelOptions.defaults().withFramework(ModelOptions.SCIKITLEARN, "1.2.1"));
        ws.registry().register("sklearn-iris", file);
        ws.registry().setAlias("sklearn-iris", "champion", 1);
        String root = ws.root().toString();

        CliResult list = petal("models", "list", "--workspace", root);
        assertEquals(0, list.code(), list.err());
        String[] lines = list.out().split("\n");
        assertEquals(3, lines.length, list.out());
        assertTrue(lines[1].startsWith("sklearn-iris        1  ScikitLearn"), list.out());
        assertTrue(lines[1].contains("champion"), list.out());

        JsonNode v1 = Json.parse(petal("models", "show", "sklearn-iris:1", "--workspace", root).out(), "show");
        assertEquals(1, v1.get("version").asInt());
        assertEquals("1.2.1", v1.get("frameworkVersion").asText());
        JsonNode latest = Json.parse(petal("models", "show", "sklearn-iris", "--workspace", root).out(), "show");
        assertEquals(2, latest.get("version").asInt());
        JsonNode champion = Json.parse(petal("models", "show", "sklearn-iris@champion", "--workspace", root).out(),
                "show");
        assertEquals(1, champion.get("version").asInt());

        CliResult missing = petal("models", "show", "sklearn-iris:7", "--workspace", root);
        assertEquals(1, missing.code());
        assertEquals("error: model 'sklearn-iris' has no version 7 (versions: 1, 2)\n", missing.err());
    }
}
