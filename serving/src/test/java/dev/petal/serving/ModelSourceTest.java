package dev.petal.serving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.petal.io.ModelFormatException;
import dev.petal.linalg.Matrix;
import dev.petal.modelio.ModelIO;
import dev.petal.modelio.ModelMetadata;
import dev.petal.registry.Model;
import dev.petal.svm.Kernel;
import dev.petal.svm.SVC;
import dev.petal.svm.SVCModel;
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

    /** A real SVC with probabilities, fitted on iris-like rows (see {@link RealSvcTest}). */
    static SVCModel fitSvc() {
        java.util.Random random = new java.util.Random(7);
        double[][] centres = {{5.006, 3.428, 1.462, 0.246}, {5.936, 2.770, 4.260, 1.326}, {6.588, 2.974, 5.552, 2.026}};
        int n = 60;
        double[] x = new double[n * 4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int j = 0; j < 4; j++) {
                x[i * 4 + j] = centres[y[i]][j] + 0.3 * random.nextGaussian();
            }
        }
        return SVC.defaults().withKernel(Kernel.LINEAR).withProbability(true).withRandomState(0L).fit(Matrix.of(n, 4, x), y);
    }

    @Test
    void aSavedSvcIsServedWithItsNames() throws IOException {
        SVCModel svc = fitSvc();
        Path file = dir.resolve("model.petal");
        ModelIO.save(file, svc, new ModelMetadata(ServingFixtures.FEATURES, ServingFixtures.SPECIES));
        ServedModel served = ModelSource.fromFile(file);
        assertEquals("model", served.name());
        assertEquals("", served.version());
        assertEquals("SVC", served.estimator());
        assertEquals(ServingFixtures.FEATURES, served.featureNames());
        assertEquals(ServingFixtures.SPECIES, served.classNames());
        Matrix rows = ServingFixtures.rows();
        assertArrayEquals(svc.predictProba(rows).toFlatArray(), served.classifier().predictProba(rows).toFlatArray());
    }

    @Test
    void aRegisteredSvcIsDeployedUnderItsNameAndVersion() throws IOException {
        SVCModel svc = fitSvc();
        Path file = dir.resolve("outputs").resolve("model.petal");
        Files.createDirectories(file.getParent());
        ModelIO.save(file, svc, ModelMetadata.ofFeatureNames(ServingFixtures.FEATURES));
        Workspace ws = Workspace.at(dir.resolve("ws"));
        ws.registry().register("sklearn-iris", file);
        Model v2 = ws.registry().register("sklearn-iris", dir.resolve("outputs"));
        ws.registry().setAlias("sklearn-iris", "champion", 2);
        assertEquals("1", ModelSource.resolve("sklearn-iris:1", () -> ws).version());
        assertEquals("2", ModelSource.resolve("sklearn-iris", () -> ws).version());
        ServedModel champion = ModelSource.resolve("sklearn-iris@champion", () -> ws);
        assertEquals("sklearn-iris", champion.name());
        assertEquals("2", champion.version());
        try (WebService service = WebService.deploy("scikit-learn-service", v2)) {
            String expected = java.util.Arrays.toString(svc.predict(ServingFixtures.rows())).replace(" ", "");
            assertEquals(expected, service.run("{\"data\": " + ServingFixtures.ROWS_JSON + "}"));
            assertEquals("{\"name\":\"sklearn-iris\",\"ready\":true}", new Http(service.uri()).get("/v2/models/sklearn-iris/versions/2/ready").body());
        }
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
