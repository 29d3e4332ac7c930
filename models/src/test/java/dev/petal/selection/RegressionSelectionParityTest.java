package dev.petal.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.api.RegressorEstimator;
import dev.petal.linalg.Matrix;
import dev.petal.search.EstimatorSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * cross_val_score, GridSearchCV and RandomizedSearchCV of SVR, NuSVR and LinearSVR against scikit-learn
 * 1.2.1 (fixtures from {@code fixtures/gen_regression_selection.py}, diabetes and a make_regression set):
 * KFold folds, the r2 / neg_mean_squared_error / neg_mean_absolute_error scorers, every score exact,
 * ranks, candidate order, parameters and best candidate identical; two threads.
 */
class RegressionSelectionParityTest {
    private static final CvOptions TWO_THREADS = CvOptions.defaults().withNJobs(2);
    private static JsonNode datasets;

    static synchronized JsonNode dataset(String name) {
        if (datasets == null) {
            datasets = SelectionFixtures.load("regression_datasets");
        }
        return datasets.get(name);
    }

    static Matrix x(String name) {
        JsonNode rows = dataset(name).get("X");
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = SelectionFixtures.doubles(rows.get(i));
        }
        return Matrix.of(out);
    }

    static double[] y(String name) {
        return SelectionFixtures.doubles(dataset(name).get("y"));
    }

    @SuppressWarnings("unchecked")
    static RegressorEstimator<Object> estimator(JsonNode spec) {
        return (RegressorEstimator<Object>) EstimatorSpec.fromJson(spec);
    }

    private static String scoring(JsonNode c) {
        return c.get("scoring").isNull() ? null : c.get("scoring").textValue();
    }

    @TestFactory
    Stream<DynamicTest> crossValScore() {
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonNode c : SelectionFixtures.load("regression_cross_val_score")) {
            String ds = c.get("dataset").textValue();
            tests.add(DynamicTest.dynamicTest("case " + i++ + ": " + ds + " " + c.get("estimator") + " cv=" + c.get("cv")
                    + " scoring=" + c.get("scoring"), () -> {
                double[] got = CrossValidation.crossValScore(estimator(c.get("estimator")), x(ds), y(ds),
                        TWO_THREADS.withCv(SelectionFixtures.cv(c.get("cv"))).withScoring(scoring(c)));
                assertArrayEquals(SelectionFixtures.doubles(c.get("scores")), got, 0.0);
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> gridSearch() {
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonNode c : SelectionFixtures.load("regression_grid_search")) {
            String ds = c.get("dataset").textValue();
            tests.add(DynamicTest.dynamicTest("case " + i++ + ": " + ds + " " + c.get("estimator") + " " + c.get("param_grid")
                    + " scoring=" + c.get("scoring"), () -> {
                CvOptions o = TWO_THREADS.withCv(SelectionFixtures.cv(c.get("cv"))).withScoring(scoring(c))
                        .withReturnTrainScore(c.get("return_train_score").booleanValue());
                SearchResult<Object> r = GridSearchCV.of(estimator(c.get("estimator")),
                        ParameterGrid.of(SelectionFixtures.grid(c.get("param_grid")))).withOptions(o).fit(x(ds), y(ds));
                check(c, r);
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> randomizedSearch() {
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonNode c : SelectionFixtures.load("regression_randomized_search")) {
            String ds = c.get("dataset").textValue();
            tests.add(DynamicTest.dynamicTest("case " + i++ + ": " + ds + " " + c.get("param_distributions") + " n_iter="
                    + c.get("n_iter") + " random_state=" + c.get("random_state"), () -> {
                CvOptions o = TWO_THREADS.withCv(SelectionFixtures.cv(c.get("cv"))).withScoring(scoring(c));
                SearchResult<Object> r = new RandomizedSearchCV<Object>(estimator(c.get("estimator")),
                        SelectionFixtures.distributions(c.get("param_distributions")), c.get("n_iter").intValue(),
                        c.get("random_state").longValue(), o).fit(x(ds), y(ds));
                check(c, r);
            }));
        }
        return tests.stream();
    }

    /** cv_results_ (scores exact), best_index_, best_score_ and best_params_ as the fixture has them. */
    static void check(JsonNode c, SearchResult<?> r) {
        JsonNode exp = c.get("cv_results");
        CvResults got = r.cvResults();
        List<Map<String, Object>> params = new ArrayList<>();
        exp.get("params").forEach(p -> params.add(SelectionFixtures.params(p)));
        assertEquals(params.size(), got.nCandidates(), "number of candidates");
        for (int k = 0; k < params.size(); k++) {
            assertEquals(SelectionFixtures.entries(params.get(k)), SelectionFixtures.entries(got.params().get(k)),
                    "params of candidate " + k);
        }
        int splits = c.get("n_splits").intValue();
        assertEquals(splits, got.nSplits());
        for (int k = 0; k < splits; k++) {
            assertArrayEquals(SelectionFixtures.doubles(exp.get("split" + k + "_test_score")), got.splitTestScore(k), 0.0,
                    "split" + k);
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
        assertEquals(c.get("best_index").intValue(), r.bestIndex(), "best_index_");
        assertEquals(c.get("best_score").doubleValue(), r.bestScore(), 0.0, "best_score_");
        assertEquals(SelectionFixtures.entries(SelectionFixtures.params(c.get("best_params"))),
                SelectionFixtures.entries(r.bestParams()));
    }
}
