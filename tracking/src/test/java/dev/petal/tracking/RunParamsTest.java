package dev.petal.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Params, batched metrics, incremental history reads, soft delete and damaged runs. */
class RunParamsTest {
    @TempDir
    Path dir;
    Workspace ws;
    Experiment exp;

    @BeforeEach
    void setUp() {
        ws = Workspace.at(dir.resolve("ws"));
        exp = ws.experiment("params-test");
    }

    @Test
    void paramsAreKeptApartFromMetricsAndAreImmutable() {
        try (Run run = exp.startLogging()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("kernel", "rbf");
            p.put("C", 0.1);
            p.put("max_iter", 100);
            run.logParams(p);
            run.logParam("kernel", "rbf");
            assertEquals(Map.of("kernel", "rbf", "C", "0.1", "max_iter", "100"), run.getParams());
            assertEquals(List.of("kernel", "C", "max_iter"), List.copyOf(run.getParams().keySet()));
            assertTrue(run.getMetricHistory().isEmpty());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run.logParam("C", 1.0));
            assertEquals("param 'C' of run " + run.id() + " is already '0.1'; params are immutable, so it cannot"
                    + " become '1.0' (log a metric or a tag instead)", e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> run.logParam("gamma", null));
            assertEquals("param 'gamma' has no value (null); log a string such as \"None\"", e.getMessage());
            assertEquals("0.1", ws.getRun(run.id()).getDetails().params().get("C"));
        }
    }

    @Test
    void logMetricsWritesABatchWithStepsAndTimes() throws Exception {
        try (Run run = exp.startLogging()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("loss", 0.5);
            m.put("acc", 0.9);
            run.logMetrics(m, 7);
            run.logMetrics(Map.of("loss", 0.25));
            List<Metric> h = run.getMetricHistory();
            assertEquals(3, h.size());
            assertEquals(7L, h.get(0).step());
            assertEquals(7L, h.get(1).step());
            assertEquals(null, h.get(2).step());
            assertEquals(h.get(0).time(), h.get(1).time());
            assertEquals(3, Files.readAllLines(run.folder().resolve(MetricLog.FILE)).size());
            Map<String, Object> bad = new LinkedHashMap<>();
            bad.put("ok", 1.0);
            bad.put("nan", Double.NaN);
            assertThrows(IllegalArgumentException.class, () -> run.logMetrics(bad));
            assertEquals(3, run.getMetricHistory().size(), "nothing of a refused batch is written");
            assertEquals(0.25, run.getLatestMetrics().get("loss").asDouble());
        }
    }

    @Test
    void fastScalarLinesEqualJacksonLines() {
        String t = "2026-11-30T05:00:00.123Z";
        for (Object v : List.of(0.1, 1e-300, -0.0, 3L, 7, "plain", "quote \" back \\ nl \n tab \t ctl \u0001 é 😀")) {
            for (Long step : java.util.Arrays.asList(null, 5L)) {
                MetricLog.Entry e = new MetricLog.Entry("na\"me é", MetricType.SCALAR, v, step);
                assertEquals(new String(MetricLog.slowLine(e, t), StandardCharsets.UTF_8),
                        new String(MetricLog.line(e, t), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void historyIsReadIncrementallyAndSkipsDamagedLines() throws Exception {
        try (Run writer = exp.startLogging()) {
            Run reader = ws.getRun(writer.id());
            writer.log("x", 1.0);
            assertEquals(1, reader.getMetricHistory("x").size());
            Path file = writer.folder().resolve(MetricLog.FILE);
            Files.write(file, new byte[] {'{', '"', (byte) 0xff, '"', '}', '\n'}, StandardOpenOption.APPEND);
            Files.writeString(file, "{\"name\":\"x\",\"ty", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            writer.log("x", 2.0);
            writer.log("x", 3.0, 3);
            List<Metric> h = reader.getMetricHistory("x");
            assertEquals(List.of(1.0, 2.0, 3.0), h.stream().map(Metric::asDouble).toList());
            assertEquals(3L, h.get(2).step());
            assertEquals(2, reader.getUnreadableMetricLines());
            assertEquals(3, ws.getRun(writer.id()).getMetricHistory().size(), "a fresh handle reads the same");
        }
    }

    @Test
    void historyLargerThanOneReadChunkIsReadWhole() throws Exception {
        try (Run writer = exp.startLogging()) {
            Run reader = ws.getRun(writer.id());
            int n = 30_000;   // about 2.5 chunks of lines, so lines cross chunk ends
            for (int i = 0; i < n / 2; i++) {
                writer.log("x", i, i);
            }
            assertEquals(n / 2, reader.getMetricHistory("x").size());
            // a text metric longer than one chunk: the buffer grows to hold it
            String longText = "t".repeat(MetricLog.Reader.CHUNK + 17);
            writer.log("note", longText);
            for (int i = n / 2; i < n; i++) {
                writer.log("x", i, i);
            }
            assertTrue(Files.size(writer.folder().resolve(MetricLog.FILE)) > 3L * MetricLog.Reader.CHUNK);
            List<Metric> h = reader.getMetricHistory("x");
            assertEquals(n, h.size());
            for (int i = 0; i < n; i++) {
                assertEquals((double) i, h.get(i).asDouble());
                assertEquals((long) i, h.get(i).step());
            }
            assertEquals(longText, reader.getLatestMetrics().get("note").value());
            assertEquals(0, reader.getUnreadableMetricLines());
            assertEquals(n + 1, ws.getRun(writer.id()).getMetricHistory().size(), "a fresh handle reads the same");
        }
    }

    @Test
    void manyHandlesKeepABoundedNumberOfFilesOpen() {
        List<Run> runs = new java.util.ArrayList<>();
        for (int i = 0; i < MetricLog.Appender.MAX_OPEN + 20; i++) {
            Run r = exp.startLogging();
            runs.add(r);
            ws.getRun(r.id()).log("x", i);
            assertTrue(MetricLog.Appender.openCount() <= MetricLog.Appender.MAX_OPEN);
        }
        for (int i = 0; i < runs.size(); i++) {
            ws.getRun(runs.get(i).id()).log("x", -i);
            assertEquals(List.of((double) i, (double) -i), runs.get(i).getMetricHistory("x").stream()
                    .map(Metric::asDouble).toList());
            runs.get(i).close();
        }
    }

    @Test
    void softDeleteHidesRunAndChildrenUntilRestored() {
        Run parent = exp.startLogging();
        Run child = parent.child("trial");
        Run other = exp.startLogging();
        parent.delete();
        assertEquals(List.of(other), exp.getRuns());
        assertTrue(ws.getRun(child.id()).getDetails().deleted());
        RunListing all = RunListing.of(ws, null, true);
        assertEquals(3, all.runs().size());
        parent.restore();
        assertFalse(ws.getRun(child.id()).getDetails().deleted());
        assertEquals(2, exp.getRuns().size());
        child.close();
        parent.close();
        other.close();
    }

    @Test
    void damagedRunIsReportedAndNeverHidesTheOthers() throws Exception {
        Run good;
        try (Run r = exp.startLogging()) {
            good = r;
        }
        Path bad = exp.folder().resolve("params-test_1700000000000_deadbeef");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("run.json"), "{\"id\": \"params-test_17");
        RunListing l = RunListing.of(ws, null, false);
        assertEquals(List.of(good.id()), l.runs().stream().map(e -> e.details().id()).toList());
        assertEquals(1, l.damaged().size());
        assertEquals("params-test_1700000000000_deadbeef", l.damaged().get(0).id());
        assertTrue(l.damaged().get(0).reason().contains("is not valid JSON"), l.damaged().get(0).reason());
        assertEquals(List.of(good), exp.getRuns());
    }
}
