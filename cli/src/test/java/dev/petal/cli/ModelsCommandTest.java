package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.registry.Model;
import dev.petal.registry.Registry;
import dev.petal.tracking.Run;
import dev.petal.tracking.Workspace;
import dev.petal.tracking.store.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code petal models register|alias|tag|delete}, model references in predict, and tune --register-best. */
class ModelsCommandTest {
    @TempDir
    Path dir;
    String ws;
    Path modelFile;
    Path data;

    @BeforeEach
    void setUp() throws Exception {
        ws = dir.resolve("ws").toString();
        Path all = dir.resolve("iris.csv");
        data = dir.resolve("test.csv");
        try (Run r = Workspace.at(Path.of(ws)).experiment("training").startLogging()) {
            r.log("Accuracy", 0.97);
        }
        Files.copy(Path.of("../datasets/src/main/resources/dev/petal/datasets/iris.csv"), all);
        modelFile = dir.resolve("m.petal");
        CliResult split = CliResult.petal("split", "--data", all.toString(), "--train", dir.resolve("train.csv")
                .toString(), "--test", data.toString(), "--random-state", "0");
        assertEquals(0, split.code(), split.err());
        CliResult train = CliResult.petal("train", "--data", dir.resolve("train.csv").toString(), "--model",
                modelFile.toString(), "--kernel", "linear");
        assertEquals(0, train.code(), train.err());
    }

    private CliResult petal(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.add("--workspace");
        a.add(ws);
        return CliResult.petal(a.toArray(new String[0]));
    }

    @Test
    void registerAliasTagDeleteAndPredictByReference() throws Exception {
        Run run = Workspace.at(Path.of(ws)).experiments().get(0).getRuns().get(0);
        CliResult r = petal("models", "register", "iris-svc", "--path", modelFile.toString(), "--run", run.id(),
                "--tag", "stage=dev", "--tag", "owner=me", "--alias", "champion");
        assertEquals(0, r.code(), r.err());
        Registry reg = Workspace.at(Path.of(ws)).registry();
        int v = reg.versions("iris-svc").size();
        assertTrue(r.out().startsWith("registered iris-svc:" + v + " from run " + run.id() + " as iris-svc@champion\n"),
                r.out());
        Model m = reg.get("iris-svc");
        assertEquals(run.id(), m.runId());
        assertEquals("dev", m.tags().get("stage"));
        assertEquals(List.of("champion"), m.aliases());

        Path out1 = dir.resolve("p1.csv");
        Path out2 = dir.resolve("p2.csv");
        assertEquals(0, petal("predict", "--model", "iris-svc@champion", "--data", data.toString(), "--output",
                out1.toString()).code());
        CliResult p2 = CliResult.petal("predict", "--model", modelFile.toString(), "--data", data.toString(),
                "--output", out2.toString());
        assertEquals(0, p2.code(), p2.err());
        assertEquals(Files.readString(out2), Files.readString(out1));
        assertEquals(0, petal("predict", "--model", "iris-svc:" + v, "--data", data.toString(), "--output",
                out1.toString()).code());

        CliResult export = petal("export", "--model", "iris-svc@champion", "--format", "onnx", "--output",
                dir.resolve("m.onnx").toString());
        assertEquals(0, export.code(), export.err());
        assertTrue(Files.size(dir.resolve("m.onnx")) > 0);

        CliResult bad = petal("predict", "--model", "iris-svc@nope", "--data", data.toString(), "--output",
                out1.toString());
        assertEquals(1, bad.code());
        assertEquals("error: model 'iris-svc' has no alias 'nope' (aliases: champion)\n", bad.err());

        assertEquals(0, petal("models", "register", "iris-svc", "--path", modelFile.toString()).code());
        CliResult alias = petal("models", "alias", "iris-svc", "champion", String.valueOf(v + 1));
        assertEquals("iris-svc@champion -> version " + (v + 1) + "\n", alias.out());
        CliResult tag = petal("models", "tag", "iris-svc@champion", "quality=good", "--remove", "stage");
        assertEquals(1, tag.code());
        assertEquals("error: model iris-svc:" + (v + 1) + " has no tag 'stage' (tags: none)\n", tag.err());
        tag = petal("models", "tag", "iris-svc:" + v, "quality=good", "--remove", "stage");
        assertEquals(0, tag.code(), tag.err());
        assertEquals("iris-svc:" + v + " tags: {owner=me, quality=good}\n", tag.out());

        assertEquals(0, petal("models", "delete", "iris-svc:" + (v + 1)).code());
        assertTrue(reg.aliases("iris-svc").isEmpty(), "the alias of a deleted version goes with it");
        CliResult gone = petal("models", "show", "iris-svc:" + (v + 1));
        assertEquals(1, gone.code());
        assertEquals(0, petal("models", "delete", "iris-svc").code());
        assertFalse(reg.names().contains("iris-svc"));
        assertEquals(2, petal("models", "alias", "iris-svc", "x").code());
    }

    @Test
    void tuneRegistersTheBestChildsModel() {
        CliResult r = CliResult.petal("tune", "--workspace", ws, "--experiment", "iris-sweep", "--target", "inprocess", "--sampling", "grid",
                "--param", "kernel=choice(linear, rbf)", "--primary-metric", "Accuracy", "--goal", "maximize",
                "--max-total-runs", "2", "--register-best", "iris-best", "dev.petal.examples.TrainIris");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("registered iris-best:1 from the best run "), r.out());
        Model m = Workspace.at(Path.of(ws)).registry().get("iris-best");
        assertTrue(m.tags().containsKey("Accuracy"), m.tags().toString());
        JsonNode shown = Json.parse(petal("models", "show", "iris-best:1").out(), "show");
        assertEquals(m.runId(), shown.get("runId").asText());
        CliResult bad = CliResult.petal("tune", "--workspace", ws, "--sampling", "grid", "--param", "kernel=choice(linear)", "--primary-metric",
                "Accuracy", "--goal", "maximize", "--max-total-runs", "1", "--register-best", "bad name",
                "dev.petal.examples.TrainIris");
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("error: model name 'bad name' is invalid"), bad.err());
    }
}
