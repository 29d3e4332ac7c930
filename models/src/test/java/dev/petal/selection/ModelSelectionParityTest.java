package dev.petal.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.api.DecisionClassifier;
import dev.petal.api.Estimator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * cross_val_score, GridSearchCV and RandomizedSearchCV against scikit-learn 1.2.1 (fixtures from
 * {@code fixtures/gen_model_selection.py}): every score exact, ranks, candidate order, parameters and
 * best candidate identical; two threads, so parallel evaluation is what is checked.
 */
class ModelSelectionParityTest {
    private static final CvOptions TWO_THREADS = CvOptions.defaults().withNJobs(2);

    @TestFactory
    Stream<DynamicTest> crossValScore() {
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonNode c : SelectionFixtures.load("cross_val_score")) {
            String name = "case " + i++ + ": " + c.get("dataset").textValue() + " " + c.get("estimator") + " cv=" + c.get("cv")
                    + " scoring=" + c.get("scoring");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                String ds = c.get("dataset").textValue();
                String scoring = c.get("scoring").isNull() ? null : c.get("scoring").textValue();
                double[] got = CrossValidation.crossValScore(SelectionFixtures.estimator(c.get("estimator")),
                        SelectionFixtures.x(ds), SelectionFixtures.y(ds),
                        TWO_THREADS.withCv(SelectionFixtures.cv(c.get("cv"))).withScoring(scoring));
                assertArrayEquals(SelectionFixtures.doubles(c.get("scores")), got, 0.0);
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> gridSearch() {
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonNode c : SelectionFixtures.load("grid_search")) {
            String name = "case " + i++ + ": " + c.get("dataset").textValue() + " " + c.get("param_grid") + " scoring=" + c.get("scoring");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                String ds = c.get("dataset").textValue();
                @SuppressWarnings("unchecked")
                Estimator<DecisionClassifier> est = (Estimator<DecisionClassifier>) SelectionFixtures.estimator(c.get("estimator"));
                CvOptions o = TWO_THREADS.withCv(SelectionFixtures.cv(c.get("cv")))
                        .withScoring(c.get("scoring").isNull() ? null : c.get("scoring").textValue())
                        .withReturnTrainScore(c.get("return_train_score").booleanValue());
                SearchResult<DecisionClassifier> r = GridSearchCV.of(est, ParameterGrid.of(SelectionFixtures.grid(c.get("param_grid"))))
                        .withOptions(o).fit(SelectionFixtures.x(ds), SelectionFixtures.y(ds));
                check(c, r);
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> randomizedSearch() {
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonNode c : SelectionFixtures.load("randomized_search")) {
            String name = "case " + i++ + ": " + c.get("dataset").textValue() + " " + c.get("param_distributions")
                    + " n_iter=" + c.get("n_iter") + " random_state=" + c.get("random_state");
            tests.add(DynamicTest.dynamicTest(name, () -> {
                String ds = c.get("dataset").textValue();
                @SuppressWarnings("unchecked")
                Estimator<DecisionClassifier> est = (Estimator<DecisionClassifier>) SelectionFixtures.estimator(c.get("estimator"));
                CvOptions o = TWO_THREADS.withCv(SelectionFixtures.cv(c.get("cv"))).withScoring(c.get("scoring").textValue());
                SearchResult<DecisionClassifier> r = new RandomizedSearchCV<DecisionClassifier>(est,
                        SelectionFixtures.distributions(c.get("param_distributions")), c.get("n_iter").intValue(),
                        c.get("random_state").longValue(), o).fit(SelectionFixtures.x(ds), SelectionFixtures.y(ds));
                check(c, r);
            }));
        }
        return tests.stream();
    }

    private static void check(JsonNode c, SearchResult<DecisionClassifier> r) {
        JsonNode exp = c.get("cv_results");
        CvResults got = r.cvResults();
        List<Map<String, Object>> params = new ArrayList<>();
        exp.get("params").forEach(p -> params.add(SelectionFixtures.params(p)));
        assertEquals(params.size(), got.nCandidates(), "number of candidates");
        for (int k = 0; k < params.size(); k++) {
            assertEquals(SelectionFixtures.entries(params.get(k)), SelectionFixtures.entries(got.params().get(k)), "params of candidate " + k);
        }
        int splits = c.get("n_splits").intValue();
        assertEquals(splits, got.nSplits());
        for (int k = 0; k < splits; k++) {
            assertArrayEquals(SelectionFixtures.doubles(exp.get("split" + k + "_test_score")), got.splitTestScore(k), 0.0, "split" + k);
        }
        assertArrayEquals(SelectionFixtures.doubles(exp.get("mean_test_score")), got.meanTestScore(), 0.0, "mean_test_score");
        assertArrayEquals(SelectionFixtures.doubles(exp.get("std_test_score")), got.stdTestScore(), 0.0, "std_test_score");
        assertArrayEquals(SelectionFixtures.ints(exp.get("rank_test_score")), got.rankTestScore(), "rank_test_score");
        if (exp.has("mean_train_score")) {
            for (int k = 0; k < splits; k++) {
                assertArrayEquals(SelectionFixtures.doubles(exp.get("split" + k + "_train_score")), got.splitTrainScore(k), 0.0);
            }
            assertArrayEquals(SelectionFixtures.doubles(exp.get("mean_train_score")), got.meanTrainScore(), 0.0);
            assertArrayEquals(SelectionFixtures.doubles(exp.get("std_train_score")), got.stdTrainScore(), 0.0);
        }
        exp.properties().forEach(e -> {
            if (e.getKey().startsWith("param_")) {
                List<Object> col = new ArrayList<>();
                e.getValue().forEach(v -> col.add(SelectionFixtures.plain(v)));
                List<?> mine = got.asMap().get(e.getKey());
                assertEquals(col.size(), mine.size(), e.getKey());
                for (int k = 0; k < col.size(); k++) {
                    Object m = mine.get(k) instanceof Integer n ? (Object) (long) n : mine.get(k);
                    assertEquals(col.get(k), m, e.getKey() + "[" + k + "]");
                }
            }
        });
        assertEquals(c.get("best_index").intValue(), r.bestIndex(), "best_index_");
        assertEquals(c.get("best_score").doubleValue(), r.bestScore(), 0.0, "best_score_");
        assertEquals(SelectionFixtures.entries(SelectionFixtures.params(c.get("best_params"))), SelectionFixtures.entries(r.bestParams()));
    }
}
