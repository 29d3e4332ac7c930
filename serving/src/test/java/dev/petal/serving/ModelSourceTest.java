package dev.petal.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.petal.io.ModelFormatException;
import dev.petal.linalg.Matrix;
import dev.petal.modelio.ModelIO;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.tracking.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading served models from model files and the registry, and the errors on the way. */
class ModelSourceTest {
    @TempDir
    Path dir;

    private Path scalerFile() throws IOException {
        Path file = dir.resolve("scaler.petal");
        ModelIO.save(file, StandardScaler.defaults().fit(Matrix.of(new double[][] {{1, 2}, {3, 5}})));
        return file;
    }

    @Test
    void aFileThatHoldsNoClassifierIsRefused() throws IOException {
        Path file = scalerFile();
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelSource.fromFile(file));
        assertEquals(file + " holds a standard_scaler, which cannot predict;"
                + " serve a model file that holds a classifier (an svc or a pipeline).", e.getMessage());
    }

    @Test
    void missingFilesAndFolders() {
        Path missing = dir.resolve("nope.petal");
        assertEquals(missing + " does not exist; give an existing .petal file or a registered model NAME[:VERSION].",
                assertThrows(NoSuchFileException.class, () -> ModelSource.resolve(missing.toString(), () -> Workspace.at(dir.resolve("ws")))).getMessage());
        assertEquals(dir + " is a folder, not a model file; give the .petal file inside it.",
                assertThrows(ModelFormatException.class, () -> ModelSource.fromFile(dir)).getMessage());
    }

    @Test
    void registryReferencesResolveThroughTheWorkspace() throws IOException {
        Workspace ws = Workspace.at(dir.resolve("ws"));
        Path file = scalerFile();
        ws.registry().register("scaler", file);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelSource.resolve("scaler:1", () -> ws));
        assertEquals(true, e.getMessage().endsWith("holds a standard_scaler, which cannot predict;"
                + " serve a model file that holds a classifier (an svc or a pipeline)."), e.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> ModelSource.resolve("sklearn-iris", () -> ws));
        assertEquals("model 'sklearn-iris' is not registered in workspace " + ws.root() + " (models: scaler)", unknown.getMessage());
        IllegalArgumentException version = assertThrows(IllegalArgumentException.class, () -> ModelSource.resolve("scaler:7", () -> ws));
        assertEquals("model 'scaler' has no version 7 (versions: 1)", version.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ModelSource.resolve("scaler:x", () -> ws));
        assertEquals("'scaler:x' is neither a model file nor a registered model reference: model reference 'scaler:x' has version 'x';"
                + " expected NAME, NAME:VERSION (a number) or NAME@ALIAS", bad.getMessage());
    }

    @Test
    void aRegisteredFolderNeedsExactlyOneModelFile() throws IOException {
        Workspace ws = Workspace.at(dir.resolve("ws"));
        Path folder = Files.createDirectories(dir.resolve("outputs"));
        Files.writeString(folder.resolve("notes.txt"), "no model here");
        ws.registry().register("empty", folder);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelSource.resolve("empty", () -> ws));
        assertEquals("registered model empty:1 is a folder with 0 .petal files; a served model needs exactly one.", e.getMessage());
    }

    @Test
    void servedNamesComeFromFileNames() {
        assertEquals("model", ModelSource.nameOf(Path.of("outputs/model.petal")));
        assertEquals("my-iris-model", ModelSource.nameOf(Path.of("my iris model.petal")));
        assertEquals("petal", ModelSource.nameOf(Path.of(".petal")));
        assertEquals("model", ModelSource.nameOf(Path.of("---")));
    }
}
