package dev.petal.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.api.DecisionClassifier;
import dev.petal.api.Estimator;
import java.util.ArrayList;
import java.util.List;
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
                SelectionFixtures.checkSearch(c, r);
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
                SelectionFixtures.checkSearch(c, r);
            }));
        }
        return tests.stream();
    }
}
