package dev.petal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.tracking.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryTest {
    @TempDir
    Path dir;
    Registry registry;
    Path file;

    @BeforeEach
    void setUp() throws Exception {
        registry = Workspace.at(dir.resolve("ws")).registry();
        file = dir.resolve("model.petal");
        Files.writeString(file, "v1");
    }

    @Test
    void versionsCountUpAndLatestIsTheHighest() throws Exception {
        ModelOptions opts = ModelOptions.defaults().withFramework(ModelOptions.SCIKITLEARN, "1.2.1")
                .withDescription("iris SVC").withResourceConfiguration(new ResourceConfiguration(1, 0.5))
                .withTags(Map.of("area", "iris")).withProperties(Map.of("accuracy", "0.97"));
        Model m1 = registry.register("sklearn-iris", file, opts);
        Files.writeString(file, "v2");
        Model m2 = registry.register("sklearn-iris", file);
        assertEquals(1, m1.version());
        assertEquals(2, m2.version());
        assertEquals(m2, registry.get("sklearn-iris"));
        assertEquals(m1, registry.get("sklearn-iris", 1));
        assertEquals("v1", Files.readString(m1.path()));
        assertEquals("v2", Files.readString(registry.resolve(ModelRef.parse("sklearn-iris"))));
        assertEquals(dir.resolve("ws/models/sklearn-iris/1/model.petal"), m1.path());
        assertTrue(Files.isRegularFile(dir.resolve("ws/models/sklearn-iris/1/model.json")));
        assertEquals("ScikitLearn", m1.framework());
        assertEquals("1.2.1", m1.frameworkVersion());
        assertEquals("iris SVC", m1.description());
        assertEquals(new ResourceConfiguration(1, 0.5), m1.resourceConfiguration());
        assertEquals(Map.of("accuracy", "0.97"), m1.properties());
        assertNull(m2.framework());
        assertNull(m1.runId());
        assertEquals(64, m1.sha256().length());
        assertEquals(List.of(m1, m2), registry.versions("sklearn-iris"));
        assertEquals(List.of("sklearn-iris"), registry.names());
    }

    @Test
    void tagsAreMutableAndSearchable() {
        registry.register("a-model", file, ModelOptions.defaults().withTags(Map.of("stage", "dev")));
        registry.register("b-model", file);
        Model b = registry.setTags("b-model", 1, Map.of("stage", "prod"));
        assertEquals(Map.of("stage", "prod"), b.tags());
        assertEquals(List.of("b-model"), registry.findByTag("stage", "prod").stream().map(Model::name).toList());
        assertEquals(2, registry.findByTag("stage", null).size());
        registry.removeTag("b-model", 1, "stage");
        assertEquals(List.of("a-model"), registry.findByTag("stage", null).stream().map(Model::name).toList());
    }

    @Test
    void aliasesPointAtVersionsAndMove() {
        registry.register("sklearn-iris", file);
        registry.register("sklearn-iris", file);
        registry.setAlias("sklearn-iris", "champion", 1);
        assertEquals(1, registry.get(ModelRef.parse("sklearn-iris@champion")).version());
        assertEquals(List.of("champion"), registry.get("sklearn-iris", 1).aliases());
        registry.setAlias("sklearn-iris", "champion", 2);
        assertEquals(2, registry.get(ModelRef.parse("sklearn-iris@champion")).version());
        assertEquals(Map.of("champion", 2), registry.aliases("sklearn-iris"));
        registry.deleteAlias("sklearn-iris", "champion");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> registry.resolve(ModelRef.parse("sklearn-iris@champion")));
        assertEquals("model 'sklearn-iris' has no alias 'champion' (aliases: none)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> registry.setAlias("sklearn-iris", "v2", 2));
        assertEquals("model alias 'v2' is reserved: it looks like a version (v1, 2, latest)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> registry.setAlias("sklearn-iris", "x", 9));
        assertEquals("model 'sklearn-iris' has no version 9 (versions: 1, 2)", e.getMessage());
    }

    @Test
    void missingModelsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> registry.get("nope"));
        assertEquals("model 'nope' is not registered in workspace " + dir.resolve("ws") + " (it has no models)",
                e.getMessage());
        registry.register("iris", file);
        e = assertThrows(IllegalArgumentException.class, () -> registry.get("nope"));
        assertEquals("model 'nope' is not registered in workspace " + dir.resolve("ws") + " (models: iris)",
                e.getMessage());
    }

    @Test
    void modelRefParsing() {
        assertEquals(ModelRef.latest("sklearn-iris"), ModelRef.parse("sklearn-iris"));
        assertEquals(ModelRef.of("sklearn-iris", 3), ModelRef.parse("sklearn-iris:3"));
        assertEquals(ModelRef.alias("sklearn-iris", "champion"), ModelRef.parse("sklearn-iris@champion"));
        assertEquals("sklearn-iris:3", ModelRef.parse("sklearn-iris:3").toString());
        assertEquals("sklearn-iris@champion", ModelRef.parse("sklearn-iris@champion").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelRef.parse("sklearn-iris:x"));
        assertEquals("model reference 'sklearn-iris:x' has version 'x'; expected NAME, NAME:VERSION (a number) or"
                + " NAME@ALIAS", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelRef.parse("sklearn-iris:0"));
        assertEquals("model version must be 1 or more, got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelRef.parse("../etc"));
        assertEquals("model name '../etc' is invalid: it must start with a letter or a digit and contain only"
                + " letters, digits, '-', '_' and '.' (at most 255 characters)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ModelRef.parse("m@a b"));
        assertEquals("model alias 'a b' is invalid: it must contain only letters, digits, '_' and '-'",
                e.getMessage());
    }

    @Test
    void foldersAndDownloads() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("bundle"));
        Files.writeString(folder.resolve("a.txt"), "a");
        Files.createDirectories(folder.resolve("sub"));
        Files.writeString(folder.resolve("sub/b.txt"), "b");
        Model m = registry.register("bundle", folder);
        assertEquals("b", Files.readString(m.path().resolve("sub/b.txt")));
        Path down = registry.download(m.ref(), dir.resolve("out"));
        assertEquals(dir.resolve("out/bundle"), down);
        assertEquals("a", Files.readString(down.resolve("a.txt")));
    }

    @Test
    void concurrentRegistrationsGetDistinctVersions() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Model>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> registry.register("busy", file)));
            }
            List<Integer> versions = new ArrayList<>();
            for (Future<Model> f : futures) {
                versions.add(f.get().version());
            }
            versions.sort(null);
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), versions);
        } finally {
            pool.shutdown();
        }
    }
}
