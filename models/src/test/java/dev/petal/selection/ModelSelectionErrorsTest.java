package dev.petal.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.linalg.Matrix;
import dev.petal.metrics.Scorers;
import dev.petal.pipeline.Pipeline;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.svm.SVC;
import dev.petal.svm.SVCModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad inputs to model selection: one line each, scikit-learn's words where it has them (fixtures/gen_model_selection.py). */
class ModelSelectionErrorsTest {
    private static final JsonNode ERRORS = SelectionFixtures.load("errors");
    private static final Matrix X = SelectionFixtures.x("small");
    private static final int[] Y = SelectionFixtures.y("small");

    private static String sklearn(String key) {
        return ERRORS.get(key).textValue();
    }

    @Test
    void unknownParameterIsNamedWithTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SVC.defaults().withParam("foo", 1));
        // scikit-learn's text, less 'verbose', which Petal's SVC does not have
        assertEquals(sklearn("unknown_param").replace(", 'verbose'", ""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Pipeline.of(StandardScaler.defaults(), SVC.defaults()).withParam("svc__foo", 1));
        assertEquals(sklearn("unknown_pipeline_param").replace(", 'verbose'", ""), e.getMessage());
    }

    @Test
    void unknownPipelineStepListsTheNestedNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pipeline.of(StandardScaler.defaults(), SVC.defaults()).withParam("C", 1));
        assertTrue(e.getMessage().startsWith("Invalid parameter 'C' for estimator Pipeline(). Valid parameters are: "
                + "['standardscaler__with_mean', 'standardscaler__with_std', 'svc__C', 'svc__break_ties', "), e.getMessage());
    }

    @Test
    void unknownScorerListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.crossValScore(SVC.defaults(), X, Y, CvOptions.defaults().withScoring("acuracy")));
        assertEquals("'acuracy' is not a valid scoring value. Valid options are " + String.join(", ", Scorers.names()) + ".",
                e.getMessage());
        // every Petal scorer name is one of scikit-learn's
        List<String> valid = SelectionFixtures.JSON.convertValue(ERRORS.get("valid_scorers"),
                new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { });
        assertTrue(valid.containsAll(Scorers.names()), Scorers.names().toString());
    }

    @Test
    void cvLargerThanEveryClassGivesScikitLearnsMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.crossValScore(SVC.defaults(), X, Y, CvOptions.defaults().withCv(11)));
        assertEquals(sklearn("cv_too_large"), e.getMessage());
    }

    @Test
    void cvLargerThanTheSmallestClassWarnsAsScikitLearnDoes() {
        CrossValResult r = CrossValidation.crossValidate(SVC.defaults(), X, Y, CvOptions.defaults().withCv(5));
        assertEquals(List.of(sklearn("least_populated_warning")), r.warnings());
    }

    @Test
    void emptyChoiceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterGrid.of(Map.of("C", List.of())));
        assertEquals(sklearn("empty_choice"), e.getMessage());
    }

    @Test
    void noCandidatesIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GridSearchCV.of(SVC.defaults(), ParameterGrid.of(List.of())).fit(X, Y));
        assertEquals("No fits were performed. Was the CV iterator empty? Were there no candidates?", e.getMessage());
    }

    @Test
    void allFitsFailingRaisesWithTheFirstReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GridSearchCV.of(SVC.defaults(), ParameterGrid.of(Map.of("gamma", List.of(-1.0))))
                        .withOptions(CvOptions.defaults().withCv(3)).fit(X, Y));
        assertTrue(e.getMessage().startsWith(sklearn("all_fits_failed") + " It is very likely that your model is misconfigured; "
                + "the first failure: IllegalArgumentException: The 'gamma' parameter of SVC must be"), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'));
    }

    @Test
    void someFitsFailingScoreNanAndWarn() {
        SearchResult<SVCModel> r = GridSearchCV.of(SVC.defaults(), ParameterGrid.of(Map.of("gamma", List.of(-1.0, 0.5))))
                .withOptions(CvOptions.defaults().withCv(3)).fit(X, Y);
        assertTrue(Double.isNaN(r.cvResults().meanTestScore()[0]));
        assertEquals(1, r.bestIndex());
        assertTrue(r.warnings().get(0).startsWith("3 fits failed out of a total of 6. The score on these train-test partitions "
                + "for these parameters will be set to nan."), r.warnings().toString());
    }

    @Test
    void errorScoreRaiseRethrowsTheFitsException() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GridSearchCV.of(SVC.defaults(), ParameterGrid.of(Map.of("gamma", List.of(0.5, -1.0))))
                        .withOptions(CvOptions.defaults().withCv(3).withErrorScore(ErrorScore.raise())).fit(X, Y));
        assertTrue(e.getMessage().startsWith("The 'gamma' parameter of SVC must be"), e.getMessage());
    }

    @Test
    void rocAucOnThreeClassesIsScikitLearnsMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.crossValScore(SVC.defaults(), X, Y,
                        CvOptions.defaults().withCv(3).withScoring("roc_auc").withErrorScore(ErrorScore.raise())));
        assertEquals(sklearn("roc_auc_multiclass"), e.getMessage());
    }

    @Test
    void wrongTypeOfValueIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SVC.defaults().withParam("C", "big"));
        assertEquals("The 'C' parameter of SVC must be a float. Got 'big' instead.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SVC.defaults().withParam("kernel", "cubic"));
        assertEquals("The 'kernel' parameter of SVC must be a str among {'linear', 'poly', 'precomputed', 'rbf', 'sigmoid'} "
                + "or a callable. Got 'cubic' instead.", e.getMessage());
    }
}
