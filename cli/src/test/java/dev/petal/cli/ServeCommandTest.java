package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.petal.linalg.Matrix;
import dev.petal.modelio.ModelIO;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.tracking.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code petal serve}: usage errors exit 2, model errors exit 1, each as one {@code error:} line. */
class ServeCommandTest {
    @TempDir
    Path dir;

    private static CliResult run(String... args) {
        return CliResult.petal(args);
    }

    @Test
    void theModelIsRequired() {
        CliResult r = run("serve");
        assertEquals(2, r.code());
        assertEquals("error: Missing required option: '--model=NAME[:VERSION]|FILE.petal'\n", r.err());
    }

    @Test
    void helpListsTheOptions() {
        CliResult r = run("serve", "--help");
        assertEquals(0, r.code());
        assertEquals(true, r.out().startsWith("Usage: petal serve "), r.out());
        assertEquals(true, r.out().contains("--model=NAME[:VERSION]|FILE.petal"), r.out());
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        CliResult r = run("serve", "--model", "m.petal", "--port", "70000");
        assertEquals(2, r.code());
        assertEquals("error: --port must be between 0 and 65535, got 70000\n", r.err());
    }

    @Test
    void aMissingFileIsAnError() {
        Path missing = dir.resolve("missing.petal");
        CliResult r = run("serve", "--model", missing.toString(), "--port", "0");
        assertEquals(1, r.code());
        assertEquals("error: " + missing + " does not exist; give an existing .petal file or a registered model NAME[:VERSION].\n", r.err());
    }

    @Test
    void aFileWithoutAClassifierIsAnError() throws IOException {
        Path file = dir.resolve("scaler.petal");
        ModelIO.save(file, StandardScaler.defaults().fit(Matrix.of(new double[][] {{1, 2}, {3, 5}})));
        CliResult r = run("serve", "--model", file.toString(), "--port", "0");
        assertEquals(1, r.code());
        assertEquals("error: " + file + " holds a standard_scaler, which cannot predict;"
                + " serve a model file that holds a classifier (an svc or a pipeline).\n", r.err());
    }

    @Test
    void aMistypedWorkspaceIsAnErrorAndCreatesNothing() {
        Path ws = dir.resolve("wrokspace");
        CliResult r = run("serve", "--model", "sklearn-iris", "--workspace", ws.toString(), "--port", "0");
        assertEquals(1, r.code());
        assertEquals("error: no workspace at " + ws + " (no config.json there); check --workspace DIR\n", r.err());
        assertEquals(false, Files.exists(ws));
    }

    @Test
    void anUnregisteredModelIsAnError() throws IOException {
        Path ws = Workspace.at(dir.resolve("ws")).root();
        CliResult r = run("serve", "--model", "sklearn-iris:2", "--workspace", ws.toString(), "--port", "0");
        assertEquals(1, r.code());
        assertEquals("error: model 'sklearn-iris' is not registered in workspace " + ws.toAbsolutePath().normalize()
                + " (it has no models)\n", r.err());
    }
}
