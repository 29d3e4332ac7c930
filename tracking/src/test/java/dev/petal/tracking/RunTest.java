package dev.petal.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.registry.Model;
import dev.petal.registry.ModelOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    @TempDir
    Path dir;
    Experiment exp;

    @BeforeEach
    void setUp() {
        exp = new Experiment(Workspace.at(dir.resolve("ws")), "Tutorial-TrainIRIS");
    }

    @Test
    void logBuildsSeriesWithOptionalSteps() {
        try (Run run = exp.startLogging()) {
            run.log("Accuracy", 0.5);
            run.log("Accuracy", 0.75, 3);
            run.log("Kernel type", "linear");
            run.log("Epochs", 10);
            run.log("phase", "warmup", 0);
            run.log("phase", "train", 1);
            assertEquals(List.of("warmup", "train"), run.getMetrics().get("phase"));
            assertEquals(1L, run.getMetricHistory("phase").get(1).step());
            assertEquals(List.of(0.5, 0.75), run.getMetrics().get("Accuracy"));
            assertEquals("linear", run.getMetrics().get("Kernel type"));
            assertEquals(10.0, run.getMetrics().get("Epochs"));
            List<Metric> history = run.getMetricHistory("Accuracy");
            assertNull(history.get(0).step());
            assertEquals(3L, history.get(1).step());
            assertEquals(0.75, history.get(1).asDouble());
            assertEquals(MetricType.SCALAR, history.get(1).type());
            assertEquals(6, run.getMetricHistory().size());
        }
    }

    @Test
    void logRejectsNonFiniteNumbersAndBadNames() {
        try (Run run = exp.startLogging()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run.log("loss", Double.NaN));
            assertEquals("metric 'loss' value NaN is not a finite number; log it as a string if you mean it",
                    e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> run.log(" ", 1.0));
            assertEquals("metric name must not be blank", e.getMessage());
            assertTrue(run.getMetricHistory().isEmpty());
        }
    }

    @Test
    void logListRowTable() {
        try (Run run = exp.startLogging()) {
            run.logList("fibonacci", 0, 1, 1, 2, 3);
            run.logList("labels", List.of("setosa", "versicolor"));
            run.logRow("roc", Map.of("fpr", 0.0));
            run.logRow("roc", Map.of("fpr", 0.5));
            Map<String, List<?>> table = new LinkedHashMap<>();
            table.put("x", List.of(1, 2));
            table.put("y", List.of("a", "b"));
            run.logTable("t", table);
            Map<String, Object> m = run.getMetrics();
            assertEquals(List.of(0.0, 1.0, 1.0, 2.0, 3.0), m.get("fibonacci"));
            assertEquals(List.of("setosa", "versicolor"), m.get("labels"));
            assertEquals(Map.of("fpr", List.of(0.0, 0.5)), m.get("roc"));
            assertEquals(Map.of("x", List.of(1L, 2L), "y", List.of("a", "b")), m.get("t"));
            Map<String, List<?>> bad = new LinkedHashMap<>();
            bad.put("x", List.of(1, 2));
            bad.put("y", List.of(1));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run.logTable("u", bad));
            assertEquals("table 'u' column 'y' has 1 values but the columns before it have 2", e.getMessage());
        }
    }

    @Test
    void logImageFromFileAndPngBytes() throws Exception {
        try (Run run = exp.startLogging()) {
            Path img = dir.resolve("plot.png");
            Files.write(img, PNG);
            run.logImage("plot", img);
            run.logImage("bytes", PNG);
            String stored = (String) run.getMetrics().get("bytes");
            assertTrue(stored.startsWith("images/bytes_") && stored.endsWith(".png"), stored);
            assertTrue(run.getFileNames().contains(stored));
            assertEquals(2, run.getFileNames().stream().filter(f -> f.startsWith("images/")).count());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> run.logImage("x", new byte[] {1, 2, 3}));
            assertEquals("image 'x' bytes are not a PNG (no PNG signature)", e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> run.logImage("x", dir.resolve("none.png")));
            assertEquals("image file " + dir.resolve("none.png") + " does not exist", e.getMessage());
        }
    }

    @Test
    void logConfusionMatrixUsesAzureSchema() {
        try (Run run = exp.startLogging()) {
            run.logConfusionMatrix("cm", List.of(0, 1, 2), new long[][] {{13, 0, 0}, {0, 15, 1}, {0, 0, 9}});
            @SuppressWarnings("unchecked")
            Map<String, Object> cm = (Map<String, Object>) run.getMetrics().get("cm");
            assertEquals("confusion_matrix", cm.get("schema_type"));
            assertEquals("1.0.0", cm.get("schema_version"));
            assertEquals(Map.of("class_labels", List.of(0L, 1L, 2L), "matrix",
                    List.of(List.of(13L, 0L, 0L), List.of(0L, 15L, 1L), List.of(0L, 0L, 9L))), cm.get("data"));
            run.logConfusionMatrix("cm2", "{\"schema_type\":\"confusion_matrix\",\"schema_version\":\"v1\","
                    + "\"data\":{\"class_labels\":[\"a\",\"b\"],\"matrix\":[[1,2],[3,4]]}}");
            @SuppressWarnings("unchecked")
            Map<String, Object> cm2 = (Map<String, Object>) run.getMetrics().get("cm2");
            assertEquals("v1", cm2.get("schema_version"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> run.logConfusionMatrix("x", "{not json"));
            assertEquals("Invalid JSON provided", e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> run.logConfusionMatrix("x", List.of("a", "b"), new long[][] {{1, 2}}));
            assertEquals("confusion matrix has 1 rows but 2 class labels", e.getMessage());
        }
    }

    @Test
    void tagsAreMutablePropertiesAreNot() {
        try (Run run = exp.startLogging()) {
            run.tag("quality", "good");
            run.tag("worth another look");
            run.setTags(Map.of("quality", "fantastic run", "owner", "me"));
            Map<String, String> tags = run.getTags();
            assertEquals("fantastic run", tags.get("quality"));
            assertTrue(tags.containsKey("worth another look"));
            assertNull(tags.get("worth another look"));
            run.addProperties(Map.of("author", "azureml-user"));
            run.addProperties(Map.of("author", "azureml-user"));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> run.addProperties(Map.of("author", "someone else")));
            assertEquals("property 'author' of run " + run.id() + " is already 'azureml-user'; properties are"
                    + " immutable, so it cannot become 'someone else' (use a tag instead)", e.getMessage());
            assertEquals(Map.of("author", "azureml-user"), run.getProperties());
        }
    }

    @Test
    void detailsAndStatusTransitions() {
        Run run = exp.startLogging();
        RunDetails d = run.getDetails();
        assertTrue(run.id().matches("Tutorial-TrainIRIS_\\d{13}_[0-9a-f]{8}"), run.id());
        assertEquals("Tutorial-TrainIRIS", d.experiment());
        assertEquals("interactive", d.runType());
        assertEquals(RunStatus.RUNNING, run.getStatus());
        assertNotNull(d.startTime());
        assertNull(d.endTime());
        assertEquals(ProcessHandle.current().pid(), d.pid());
        run.complete();
        assertEquals(RunStatus.COMPLETED, run.getStatus());
        assertNotNull(run.getDetails().endTime());
        IllegalStateException e = assertThrows(IllegalStateException.class, run::complete);
        assertEquals("run " + run.id() + " already ended with status Completed", e.getMessage());

        Run failed = exp.startLogging();
        failed.fail(new IllegalStateException("bad data"));
        assertEquals(RunStatus.FAILED, failed.getStatus());
        assertEquals("java.lang.IllegalStateException: bad data", failed.getDetails().error());
        assertTrue(failed.getFileNames().contains("logs/error.txt"));

        Run failed2 = exp.startLogging();
        failed2.fail("diverged");
        assertEquals("diverged", failed2.getDetails().error());
        Run failed3 = exp.startLogging();
        failed3.fail();
        assertEquals(RunStatus.FAILED, failed3.getStatus());

        Run canceled = exp.startLogging();
        canceled.cancel();
        assertEquals(RunStatus.CANCELED, canceled.getStatus());
        assertEquals(List.of(RunStatus.NOT_STARTED, RunStatus.RUNNING, RunStatus.CANCELED),
                canceled.getDetails().history().stream().map(RunDetails.StatusChange::status).toList());
    }

    @Test
    void closeCompletesAnActiveRunOnly() {
        Run run;
        try (Run r = exp.startLogging()) {
            run = r;
            r.log("x", 1);
        }
        assertEquals(RunStatus.COMPLETED, run.getStatus());
        try (Run r = exp.startLogging()) {
            run = r;
            r.fail("stopped early");
        }
        assertEquals(RunStatus.FAILED, run.getStatus());
    }

    @Test
    void withRunCompletesOrFailsAndRethrows() throws Exception {
        Run ok = exp.withRun(run -> run.log("a", 1));
        assertEquals(RunStatus.COMPLETED, ok.getStatus());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> exp.withRun(run -> {
            run.log("before", 1);
            throw new IllegalStateException("bad data");
        }));
        assertEquals("bad data", e.getMessage());
        Run failed = exp.getRuns().get(0);
        assertEquals(RunStatus.FAILED, failed.getStatus());
        assertEquals("java.lang.IllegalStateException: bad data", failed.getDetails().error());
        assertTrue(Files.readString(failed.folder().resolve("logs/error.txt")).contains("at dev.petal.tracking."));
        assertEquals(Map.of("before", 1.0), failed.getMetrics());
    }

    @Test
    void idsMadeInTheSameMillisecondStillIncrease() {
        // listings order runs of the same createdTime (a millisecond) by id: ids must follow creation order
        long last = 0;
        for (int i = 0; i < 200; i++) {   // many ids a millisecond
            String id = Run.newId("exp");
            long millis = Long.parseLong(id.substring(4, id.lastIndexOf('_')));
            assertTrue(millis > last, "id " + i + ": " + millis + " after " + last);
            last = millis;
        }
        assertTrue(last - System.currentTimeMillis() < 10_000, "the ids' clock ran far ahead: " + last);
    }

    @Test
    void childRuns() {
        try (Run parent = exp.startLogging()) {
            Run a = parent.child("fold-1");
            Run b = parent.child("fold-2");
            a.log("acc", 0.9);
            a.complete();
            b.fail("oops");
            assertEquals(List.of(b, a), parent.getChildren());
            assertEquals(parent, a.getParent().orElseThrow());
            assertTrue(parent.getParent().isEmpty());
            assertEquals("fold-1", a.getDetails().displayName());
            assertEquals(RunStatus.RUNNING, parent.getStatus());
            assertEquals(List.of(parent), exp.getRuns());
            assertEquals(3, exp.getRuns(RunFilter.all().withChildren(true)).size());
        }
    }

    @Test
    void filesUploadListDownload() throws Exception {
        try (Run run = exp.startLogging()) {
            Path src = dir.resolve("notes.txt");
            Files.writeString(src, "hello");
            run.uploadFile("outputs/notes.txt", src);
            run.uploadFile("extra/readme.md", src);
            assertEquals(List.of("extra/readme.md", "outputs/notes.txt"), run.getFileNames());
            Path down = run.downloadFile("outputs/notes.txt", dir.resolve("down/copy.txt"));
            assertEquals("hello", Files.readString(down));
            Files.createDirectories(dir.resolve("into"));
            assertEquals(dir.resolve("into/readme.md"), run.downloadFile("extra/readme.md", dir.resolve("into")));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> run.uploadFile("../escape.txt", src));
            assertEquals("run file name '../escape.txt' must be a relative path inside the run", e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> run.uploadFile("run.json", src));
            assertEquals("run file name 'run.json' is reserved for Petal's own files", e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> run.downloadFile("outputs/none", dir));
            assertEquals("run " + run.id() + " has no file 'outputs/none'; its files are [extra/readme.md,"
                    + " outputs/notes.txt]", e.getMessage());
        }
    }

    @Test
    void registerModelFromRunFiles() throws Exception {
        try (Run run = exp.startLogging()) {
            Files.writeString(run.outputsDirectory().resolve("model.petal"), "weights");
            Model m = run.registerModel("sklearn-iris", "outputs/model.petal",
                    ModelOptions.defaults().withFramework(ModelOptions.SCIKITLEARN, "1.2.1"));
            assertEquals(1, m.version());
            assertEquals(run.id(), m.runId());
            assertEquals("Tutorial-TrainIRIS", m.experiment());
            assertEquals("weights", Files.readString(m.path()));
            assertEquals("ScikitLearn", m.framework());
            assertEquals(2, run.registerModel("sklearn-iris", "outputs/model.petal").version());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> run.registerModel("sklearn-iris", "outputs/model.joblib"));
            assertEquals("Could not locate the provided model_path outputs/model.joblib in the set of files uploaded"
                    + " to the run: [outputs/model.petal]", e.getMessage());
        }
    }

    @Test
    void getRunsNewestFirstFilteredByTagsPropertiesStatus() throws Exception {
        Run a = exp.startLogging();
        a.tag("quality", "fantastic run");
        a.addProperties(Map.of("author", "azureml-user"));
        a.complete();
        Thread.sleep(5);
        Run b = exp.startLogging();
        b.tag("worth another look");
        Thread.sleep(5);
        Run c = exp.startLogging();
        c.fail("x");
        assertEquals(List.of(c, b, a), exp.getRuns());
        assertEquals(List.of(a), exp.getRuns(RunFilter.all().withTag("quality", "fantastic run")
                .withProperty("author", "azureml-user")));
        assertEquals(List.of(b), exp.getRuns(RunFilter.all().withTag("worth another look")));
        assertEquals(List.of(c), exp.getRuns(RunFilter.all().withStatus(RunStatus.FAILED)));
        assertEquals(b, exp.workspace().getRun(b.id()));
        assertFalse(exp.getRuns(RunFilter.all().withTag("quality", "bad")).contains(a));
    }
}
