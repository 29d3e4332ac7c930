package dev.petal.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.api.Estimator;
import dev.petal.linalg.Matrix;
import dev.petal.selection.CvBackend;
import dev.petal.selection.CvJob;
import dev.petal.selection.CvOptions;
import dev.petal.selection.CvOutcome;
import dev.petal.selection.CvTask;
import dev.petal.selection.GridSearchCV;
import dev.petal.selection.ParameterGrid;
import dev.petal.selection.SearchResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search's candidates as child runs: live (each one as soon as it is done), then ranks and the parent's best. */
class SearchRunsTest {
    @TempDir
    Path dir;

    /**
     * Evaluates units on the caller's thread with made-up scores (candidate c scores c/10 on fold f plus f/100)
     * and, before the first unit of the last candidate, looks at the run history: what is there while the search
     * is still running.
     */
    private static final class PausingBackend implements CvBackend {
        private final Run parent;
        final List<RunDetails> seenBeforeLast = new ArrayList<>();
        final List<Map<String, Object>> metricsBeforeLast = new ArrayList<>();

        PausingBackend(Run parent) {
            this.parent = parent;
        }

        @Override
        public List<CvOutcome> evaluate(CvJob<?> job, List<CvTask> tasks) {
            return evaluate(job, tasks, o -> { });
        }

        @Override
        public List<CvOutcome> evaluate(CvJob<?> job, List<CvTask> tasks, Consumer<CvOutcome> done) {
            int last = tasks.get(tasks.size() - 1).candidate();
            List<CvOutcome> out = new ArrayList<>();
            for (CvTask t : tasks) {
                if (t.candidate() == last && t.fold() == 0) {
                    for (Run child : parent.getChildren()) {
                        seenBeforeLast.add(child.getDetails());
                        metricsBeforeLast.add(child.getMetrics());
                    }
                }
                CvOutcome o = new CvOutcome(t.candidate(), t.fold(), t.candidate() / 10.0 + t.fold() / 100.0, Double.NaN,
                        0.5, 0.25, null, null);
                done.accept(o);
                out.add(o);
            }
            return out;
        }
    }

    @Test
    void eachCandidateIsAChildRunAsSoonAsItIsDone() {
        Run parent = Workspace.at(dir).experiment("search").startLogging();
        PausingBackend backend = new PausingBackend(parent);
        SearchRuns.Live live = SearchRuns.live(parent, "accuracy");
        Estimator<String> est = (x, y) -> "never fitted here";
        CvOptions o = CvOptions.defaults().withCv(3).withRefit(false).withBackend(backend).withListener(live);
        SearchResult<String> r = new GridSearchCV<String>(est, ParameterGrid.of(Map.of("C", List.of(1, 2, 3))), o)
                .fit(Matrix.of(9, 1, new double[9]), new int[] {0, 0, 0, 0, 1, 1, 1, 1, 1});

        // while the last candidate had not started, the two others were completed child runs with their scores
        assertEquals(2, backend.seenBeforeLast.size());
        for (RunDetails d : backend.seenBeforeLast) {
            assertEquals(RunStatus.COMPLETED, d.status());
            assertEquals(parent.id(), d.parentId());
        }
        List<String> names = backend.seenBeforeLast.stream().map(d -> d.params().get("C")).sorted().toList();
        assertEquals(List.of("1", "2"), names);
        for (Map<String, Object> m : backend.metricsBeforeLast) {
            assertTrue(m.containsKey("mean_test_score") && m.containsKey("split2_test_score"), m.toString());
            assertFalse(m.containsKey("rank_test_score"), "no rank before every candidate is done");
        }

        Run best = live.finish(r);
        assertEquals(3, parent.getChildren().size());
        assertEquals(live.children().get(2), best);
        assertEquals(1.0, ((Number) best.getMetrics().get("rank_test_score")).doubleValue(), 0.0);
        assertEquals(3.0, ((Number) live.children().get(0).getMetrics().get("rank_test_score")).doubleValue(), 0.0);
        assertEquals(0.21, ((Number) best.getMetrics().get("mean_test_score")).doubleValue(), 1e-15);
        assertEquals("3", parent.getParams().get("best_C"));
        assertEquals(2.0, ((Number) parent.getMetrics().get("best_index")).doubleValue(), 0.0);
        parent.complete();
    }

    @Test
    void aFinishedSearchIsLoggedAtOnce() {
        Run parent = Workspace.at(dir).experiment("search").startLogging();
        Estimator<String> est = (x, y) -> "never fitted here";
        CvOptions o = CvOptions.defaults().withCv(3).withRefit(false).withBackend(new PausingBackend(parent));
        SearchResult<String> r = new GridSearchCV<String>(est, ParameterGrid.of(Map.of("C", List.of(5, 4))), o)
                .fit(Matrix.of(9, 1, new double[9]), new int[] {0, 0, 0, 0, 1, 1, 1, 1, 1});
        assertEquals(0, parent.getChildren().size());
        Run best = SearchRuns.log(parent, r);
        assertEquals(2, parent.getChildren().size());
        assertEquals("4", best.getParams().get("C"));
        assertEquals("1", best.getTags().get("candidate"));
        parent.complete();
    }
}
