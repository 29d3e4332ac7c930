package dev.petal.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSearchTest {
    @TempDir
    Path dir;
    List<RunSearch.Row> rows = new ArrayList<>();

    @BeforeEach
    void setUp() {
        Experiment exp = Workspace.at(dir).experiment("search");
        Object[][] runs = {{"rbf", 0.95, true}, {"linear", 0.91, true}, {"rbf", 0.80, false}, {"poly", null, false}};
        for (Object[] r : runs) {
            Run run = exp.startLogging();
            run.logParams(Map.of("kernel", r[0], "C", 1.0));
            run.tag("note", "<img src=x>");
            if (r[1] != null) {
                run.log("Accuracy", 0.1);
                run.log("Accuracy", (double) r[1]);
            }
            if ((boolean) r[2]) {
                run.complete();
            } else {
                run.fail("boom");
            }
            rows.add(new RunSearch.Row(run.getDetails(), run.getLatestMetrics()));
        }
    }

    private List<String> kernels(String filter) {
        Predicate<RunSearch.Row> p = RunSearch.filter(filter);
        return rows.stream().filter(p).map(r -> r.details().params().get("kernel")).toList();
    }

    @Test
    void filtersOnMetricsParamsTagsAndStatus() {
        assertEquals(List.of("rbf"), kernels("metrics.Accuracy > 0.9 and params.kernel = 'rbf'"));
        assertEquals(List.of("rbf", "linear"), kernels("metrics.Accuracy >= 0.91"));
        assertEquals(List.of("rbf", "poly"), kernels("status = 'Failed' AND params.kernel != 'linear'"));
        assertEquals(List.of("rbf", "poly"), kernels("status = 'failed'"));
        assertEquals(List.of("rbf", "rbf"), kernels("params.kernel LIKE 'r%'"));
        assertEquals(List.of("rbf", "linear", "rbf", "poly"), kernels("tags.note = '<img src=x>' and params.C = 1"));
        assertEquals(List.of("linear"), kernels("params.kernel ILIKE 'LIN%'"));
        assertEquals(List.of(), kernels("metrics.`no such` > 0"));
    }

    @Test
    void ordersByMetricWithMissingLast() {
        List<RunSearch.Row> sorted = new ArrayList<>(rows);
        sorted.sort(RunSearch.order("metrics.Accuracy DESC"));
        assertEquals(List.of("rbf", "linear", "rbf", "poly"),
                sorted.stream().map(r -> r.details().params().get("kernel")).toList());
        sorted.sort(RunSearch.order("metrics.Accuracy"));
        assertEquals(List.of(0.80, 0.91, 0.95), sorted.subList(0, 3).stream()
                .map(r -> r.latest().get("Accuracy").asDouble()).toList());
        assertEquals("poly", sorted.get(3).details().params().get("kernel"));
    }

    @Test
    void grammarErrorsNameThePosition() {
        assertEquals("filter 'metrics.Accuracy ~ 0.9' at position 18: expected a comparison operator (=, !=, <, <=,"
                + " >, >=, LIKE or ILIKE) after 'metrics.Accuracy'", error("metrics.Accuracy ~ 0.9"));
        assertEquals("filter 'params.kernel = rbf' at position 17: expected a value after 'params.kernel =': a number"
                + " or a quoted string such as 'rbf'", error("params.kernel = rbf"));
        assertEquals("filter 'metric.a > 1 or status = 'Failed'' at position 14: OR is not supported; join"
                + " comparisons with AND", error("metric.a > 1 or status = 'Failed'"));
        assertEquals("filter 'statuss = 'Failed'' at position 1: unknown key 'statuss'; expected metrics.NAME,"
                + " params.NAME, tags.NAME, properties.NAME or one of status, id, run_id, experiment, run_name,"
                + " display_name, parent_id, run_type, start_time, end_time, created_time, duration",
                error("statuss = 'Failed'"));
        assertEquals("filter 'params.kernel = 'rbf' at position 17: the quote ' opened here is never closed",
                error("params.kernel = 'rbf"));
        assertEquals("filter 'foo.bar = 1' at position 1: unknown key type 'foo'; expected metrics., params., tags.,"
                + " properties. or attributes.", error("foo.bar = 1"));
        assertEquals("filter: unknown run status 'Done'; expected one of NotStarted, Queued, Preparing, Running,"
                + " Finalizing, Completed, Failed, Canceled", error("status = 'Done'"));
        assertEquals("filter 'metrics.a DESCENDING' at position 11: expected ASC or DESC",
                assertThrows(IllegalArgumentException.class, () -> RunSearch.order("metrics.a DESCENDING")).getMessage());
    }

    private static String error(String filter) {
        return assertThrows(IllegalArgumentException.class, () -> RunSearch.filter(filter)).getMessage();
    }
}
