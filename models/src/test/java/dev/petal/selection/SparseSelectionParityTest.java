package dev.petal.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.api.Estimator;
import dev.petal.api.RegressorEstimator;
import dev.petal.linalg.CsrMatrix;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.pipeline.Pipeline;
import dev.petal.search.EstimatorSpec;
import dev.petal.svm.SVC;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * cross_val_score, GridSearchCV and RandomizedSearchCV on CSR input against scikit-learn 1.2.1 fitted on
 * {@code scipy.sparse.csr_matrix} (fixtures from {@code fixtures/gen_selection_sparse.py}): SVC, LinearSVC,
 * SVR, NuSVR and LinearSVR, folds as row subsets of the CSR matrix, every score exact, ranks and best
 * candidate identical; two threads.
 */
class SparseSelectionParityTest {
    private static final CvOptions TWO_THREADS = CvOptions.defaults().withNJobs(2);
    private static JsonNode datasets;

    private static synchronized JsonNode dataset(String name) {
        if (datasets == null) {
            datasets = SelectionFixtures.load("sparse_datasets");
        }
        return datasets.get(name);
    }

    static CsrMatrix x(String name) {
        JsonNode d = dataset(name);
        return CsrMatrix.of(d.get("rows").intValue(), d.get("cols").intValue(), SelectionFixtures.ints(d.get("indptr")),
                SelectionFixtures.ints(d.get("indices")), SelectionFixtures.doubles(d.get("data")));
    }

    private static boolean regression(String name) {
        return name.equals("reg");
    }

    private static String scoring(JsonNode c) {
        return c.get("scoring").isNull() ? null : c.get("scoring").textValue();
    }

    @SuppressWarnings("unchecked")
    private static double[] crossValScore(String ds, JsonNode spec, CvOptions o) {
        Object e = EstimatorSpec.fromJson(spec);
        JsonNode y = dataset(ds).get("y");
        return regression(ds)
                ? CrossValidation.crossValScore((RegressorEstimator<Object>) e, x(ds), SelectionFixtures.doubles(y), o)
                : CrossValidation.crossValScore((Estimator<dev.petal.api.DecisionClassifier>) e, x(ds),
                        SelectionFixtures.ints(y), o);
    }

    private static SearchResult<Object> fit(GridSearchCV<Object> g, String ds) {
        JsonNode y = dataset(ds).get("y");
        return regression(ds) ? g.fit(x(ds), SelectionFixtures.doubles(y)) : g.fit(x(ds), SelectionFixtures.ints(y));
    }

    private static SearchResult<Object> fit(RandomizedSearchCV<Object> r, String ds) {
        JsonNode y = dataset(ds).get("y");
        return regression(ds) ? r.fit(x(ds), SelectionFixtures.doubles(y)) : r.fit(x(ds), SelectionFixtures.ints(y));
    }

    @TestFactory
    Stream<DynamicTest> crossValScore() {
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonNode c : SelectionFixtures.load("sparse_cross_val_score")) {
            String ds = c.get("dataset").textValue();
            tests.add(DynamicTest.dynamicTest("case " + i++ + ": " + ds + " " + c.get("estimator") + " cv=" + c.get("cv")
                    + " scoring=" + c.get("scoring"), () -> {
                double[] got = crossValScore(ds, c.get("estimator"),
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
        for (JsonNode c : SelectionFixtures.load("sparse_grid_search")) {
            String ds = c.get("dataset").textValue();
            tests.add(DynamicTest.dynamicTest("case " + i++ + ": " + ds + " " + c.get("estimator") + " " + c.get("param_grid"),
                    () -> {
                CvOptions o = TWO_THREADS.withCv(SelectionFixtures.cv(c.get("cv"))).withScoring(scoring(c))
                        .withReturnTrainScore(c.get("return_train_score").booleanValue());
                SearchResult<Object> r = fit(new GridSearchCV<>(EstimatorSpec.fromJson(c.get("estimator")),
                        ParameterGrid.of(SelectionFixtures.grid(c.get("param_grid"))), o), ds);
                RegressionSelectionParityTest.check(c, r);
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> randomizedSearch() {
        List<DynamicTest> tests = new ArrayList<>();
        int i = 0;
        for (JsonNode c : SelectionFixtures.load("sparse_randomized_search")) {
            String ds = c.get("dataset").textValue();
            tests.add(DynamicTest.dynamicTest("case " + i++ + ": " + ds + " " + c.get("param_distributions"), () -> {
                CvOptions o = TWO_THREADS.withCv(SelectionFixtures.cv(c.get("cv"))).withScoring(scoring(c));
                SearchResult<Object> r = fit(new RandomizedSearchCV<>(EstimatorSpec.fromJson(c.get("estimator")),
                        SelectionFixtures.distributions(c.get("param_distributions")), c.get("n_iter").intValue(),
                        c.get("random_state").longValue(), o), ds);
                RegressionSelectionParityTest.check(c, r);
            }));
        }
        return tests.stream();
    }

    @Test
    void refitOfTheBestCandidateIsFittedOnTheWholeCsrMatrix() {
        CsrMatrix x = x("cls3");
        int[] y = SelectionFixtures.ints(dataset("cls3").get("y"));
        SearchResult<dev.petal.svm.SVCModel> r = GridSearchCV.of(SVC.defaults(),
                ParameterGrid.of(Map.of("C", List.of(0.1, 10.0)))).withOptions(TWO_THREADS.withRefit(true)).fit(x, y);
        dev.petal.svm.SVCModel direct = SVC.defaults().withParams(r.bestParams()).fit(x, y);
        assertArrayEquals(direct.predict(x), r.bestEstimator().predict(x));
    }

    @Test
    void anEstimatorOfDenseRowsOnlyFailsEveryFitWithOneLine() {
        CsrMatrix x = x("cls3");
        int[] y = SelectionFixtures.ints(dataset("cls3").get("y"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CrossValidation.crossValScore(
                Pipeline.of(StandardScaler.defaults(), SVC.defaults()), x, y, TWO_THREADS));
        assertEquals("All the 5 fits failed. It is very likely that your model is misconfigured; the first failure: "
                + "IllegalArgumentException: Pipeline takes dense rows only, got a sparse (CSR) matrix: use "
                + "toDense() or an estimator that takes sparse input (the SVM family, LinearSVC, LinearSVR).", e.getMessage());
    }
}
