package dev.petal.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.petal.pipeline.Pipeline;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.svm.ClassWeight;
import dev.petal.svm.Gamma;
import dev.petal.svm.Kernel;
import dev.petal.svm.SVC;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** get_params / set_params by scikit-learn's names for SVC, StandardScaler and Pipeline. */
class ParamsByNameTest {
    @Test
    void svcListsScikitLearnsNamesSorted() {
        assertEquals(List.of("C", "break_ties", "cache_size", "class_weight", "coef0", "decision_function_shape", "degree",
                "gamma", "kernel", "max_iter", "probability", "random_state", "shrinking", "tol"),
                new ArrayList<>(SVC.defaults().params().keySet()));
        assertEquals("scale", SVC.defaults().params().get("gamma"));
        assertEquals(null, SVC.defaults().params().get("class_weight"));
    }

    @Test
    void svcSetsEachParameterOnACopy() {
        SVC base = SVC.defaults();
        SVC s = base.withParams(Map.of("C", 10, "kernel", "poly", "gamma", 0.5, "degree", 2, "class_weight", "balanced",
                "random_state", 3, "probability", "true"));
        assertEquals(SVC.defaults().withC(10).withKernel(Kernel.POLY).withGamma(Gamma.of(0.5)).withDegree(2)
                .withClassWeight(ClassWeight.balanced()).withRandomState(3L).withProbability(true), s);
        assertEquals(SVC.defaults(), base);
        assertEquals(s, SVC.defaults().withParams(s.params()));
        assertEquals(SVC.defaults().withClassWeight(ClassWeight.of(Map.of(1, 2.5))),
                SVC.defaults().withParam("class_weight", Map.of("1", 2.5)));
    }

    @Test
    void pipelineRoutesNestedNamesToItsSteps() {
        Pipeline p = Pipeline.of(StandardScaler.defaults(), SVC.defaults());
        assertEquals(List.of("standardscaler", "svc"), p.stepNames());
        Pipeline q = p.withParams(Map.of("svc__C", 10.0, "svc__kernel", "linear", "standardscaler__with_mean", false));
        assertEquals(Pipeline.of(new StandardScaler(false, true), SVC.defaults().withC(10).withKernel(Kernel.LINEAR)), q);
        assertEquals(10.0, q.params().get("svc__C"));
        assertEquals(false, q.params().get("standardscaler__with_mean"));
        assertEquals(q, p.withParams(q.params()));
    }

    @Test
    void repeatedStepsAreNumberedAsMakePipelineNumbersThem() {
        Pipeline p = new Pipeline(List.of(StandardScaler.defaults(), StandardScaler.defaults()), SVC.defaults());
        assertEquals(List.of("standardscaler-1", "standardscaler-2", "svc"), p.stepNames());
        assertEquals(false, p.withParam("standardscaler-2__with_std", false).params().get("standardscaler-2__with_std"));
        assertEquals(true, p.withParam("standardscaler-2__with_std", false).params().get("standardscaler-1__with_std"));
    }
}
