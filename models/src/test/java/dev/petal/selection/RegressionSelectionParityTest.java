package dev.petal.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.api.RegressorEstimator;
import dev.petal.linalg.Matrix;
import dev.petal.search.EstimatorSpec;
import java.util.ArrayList;
import java.util.List;
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
        return SelectionFixtures.matrix(dataset(name).get("X"));
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
        SelectionFixtures.checkSearch(c, r);
    }
}
