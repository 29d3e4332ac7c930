package dev.petal.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.api.HasParams;
import dev.petal.linalg.Matrix;
import dev.petal.pipeline.RegressorPipeline;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.svm.Gamma;
import dev.petal.svm.Kernel;
import dev.petal.svm.NuSVR;
import dev.petal.svm.OneClassSVM;
import dev.petal.svm.SVC;
import dev.petal.svm.SVR;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * SVR, NuSVR and OneClassSVM by scikit-learn's parameter names (fixtures/gen_regression_selection.py), and the
 * one-line errors of a regressor search: a classifier's labels for a regressor, a stratified splitter for real targets.
 */
class RegressorParamsTest {
    private static final JsonNode FIXTURE = SelectionFixtures.load("regression_params");

    /** get_params() less verbose, numbers compared as doubles (scikit-learn's cache_size default is the int 200). */
    private static Map<String, Object> normalised(Map<String, Object> m) {
        Map<String, Object> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v instanceof Number n ? (Object) n.doubleValue() : v));
        return out;
    }

    private static void checkParams(String name, HasParams defaults) {
        assertEquals(normalised(SelectionFixtures.params(FIXTURE.get(name).get("params"))), normalised(defaults.params()), name);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> defaults.withParam("foo", 1));
        assertEquals(FIXTURE.get(name).get("unknown_param").textValue().replace(", 'verbose'", ""), e.getMessage());
    }

    @Test
    void defaultsAreScikitLearnsGetParams() {
        checkParams("SVR", SVR.defaults());
        checkParams("NuSVR", NuSVR.defaults());
        checkParams("OneClassSVM", OneClassSVM.defaults());
    }

    @Test
    void setParamsCopiesWithTheNamedValues() {
        SVR s = SVR.defaults().withParams(Map.of("C", 10, "epsilon", 0.5, "kernel", "linear", "gamma", 0.25, "degree", 2,
                "max_iter", 100, "shrinking", false, "tol", 1e-4, "cache_size", 100, "coef0", 1.5));
        assertEquals(SVR.defaults().withC(10).withEpsilon(0.5).withKernel(Kernel.LINEAR).withGamma(Gamma.of(0.25))
                .withDegree(2).withMaxIter(100).withShrinking(false).withTol(1e-4).withCacheSize(100).withCoef0(1.5), s);
        assertEquals(NuSVR.defaults().withNu(0.3).withC(5), NuSVR.defaults().withParams(Map.of("nu", 0.3, "C", 5)));
        assertEquals(OneClassSVM.defaults().withNu(0.1).withGamma(Gamma.auto()),
                OneClassSVM.defaults().withParams(Map.of("nu", 0.1, "gamma", "auto")));
        assertEquals(SVR.defaults(), SVR.defaults().withParams(SVR.defaults().params()));
    }

    @Test
    void aRegressorPipelineNamesItsSteps() {
        RegressorPipeline p = RegressorPipeline.of(StandardScaler.defaults(), SVR.defaults());
        assertEquals(List.of("standardscaler", "svr"), p.stepNames());
        assertEquals(1.0, p.params().get("svr__C"));
        assertEquals(true, p.params().get("standardscaler__with_mean"));
        RegressorPipeline q = p.withParams(Map.of("svr__C", 10, "standardscaler__with_mean", false));
        assertEquals(RegressorPipeline.of(new StandardScaler(false, true), SVR.defaults().withC(10)), q);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.withParam("svr__foo", 1));
        assertEquals(FIXTURE.get("SVR").get("unknown_param").textValue().replace(", 'verbose'", ""), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> p.withParam("C", 1));
        assertTrue(e.getMessage().startsWith("Invalid parameter 'C' for estimator Pipeline(). Valid parameters are: "
                + "['standardscaler__with_mean', 'standardscaler__with_std', 'svr__C', 'svr__cache_size', "), e.getMessage());
    }

    @Test
    void badValuesNameTheOwner() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SVR.defaults().withParam("kernel", "cubic"));
        assertEquals("The 'kernel' parameter of SVR must be a str among {'linear', 'poly', 'precomputed', 'rbf', 'sigmoid'} "
                + "or a callable. Got 'cubic' instead.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NuSVR.defaults().withParam("gamma", true));
        assertEquals("The 'gamma' parameter of NuSVR must be a str among {'auto', 'scale'} or a float in the range [0.0, inf). "
                + "Got True instead.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NuSVR.defaults().withParam("nu", 1.5));
        assertEquals("The 'nu' parameter of NuSVR must be a float in the range (0.0, 1.0]. Got 1.5 instead.", e.getMessage());
    }

    @Test
    void aSearchRefusesTheOtherKindOfTarget() {
        Matrix x = RegressionSelectionParityTest.x("regression150");
        double[] y = RegressionSelectionParityTest.y("regression150");
        ParameterGrid grid = ParameterGrid.of(Map.of("C", List.of(1.0, 10.0)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GridSearchCV<Object>(SVR.defaults(), grid, CvOptions.defaults()).fit(x, new int[150]));
        assertEquals("SVR is a regressor: fit the search with real targets (double[] y), not class labels.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new GridSearchCV<Object>(SVC.defaults(), grid, CvOptions.defaults()).fit(x, y));
        assertEquals("SVC is a classifier: fit the search with class labels (int[] y), not real targets.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new GridSearchCV<Object>("svr", grid, CvOptions.defaults()));
        assertEquals("GridSearchCV needs an Estimator (fitted with class labels) or a RegressorEstimator (fitted with real "
                + "targets); got String.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CrossValidation.crossValScore(SVR.defaults(), x, y,
                CvOptions.defaults().withCv(StratifiedKFold.of(3))));
        assertEquals("Supported target types are: ('binary', 'multiclass'). Got 'continuous' instead.", e.getMessage());
    }

    @Test
    void unknownScorerListsTheValidOnes() {
        Matrix x = RegressionSelectionParityTest.x("regression150");
        double[] y = RegressionSelectionParityTest.y("regression150");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CrossValidation.crossValScore(SVR.defaults(), x, y, CvOptions.defaults().withScoring("acuracy")));
        // scikit-learn's first sentence; Petal lists the names where scikit-learn points to get_scorer_names()
        String sk = FIXTURE.get("unknown_scorer").textValue();
        assertEquals(sk.substring(0, sk.indexOf(" Use ")) + " Valid options are "
                + String.join(", ", dev.petal.metrics.Scorers.names()) + ".", e.getMessage());
    }
}
