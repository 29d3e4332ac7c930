package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration: scikit-learn's defaults, copy methods, parsing of names. */
class SVCTest {
    @Test
    void defaultsAreScikitLearns() {
        SVC d = SVC.defaults();
        assertEquals(1.0, d.C());
        assertEquals(Kernel.RBF, d.kernel());
        assertEquals(3, d.degree());
        assertEquals(Gamma.scale(), d.gamma());
        assertEquals(0.0, d.coef0());
        assertEquals(true, d.shrinking());
        assertEquals(false, d.probability());
        assertEquals(1e-3, d.tol());
        assertEquals(200.0, d.cacheSize());
        assertEquals(ClassWeight.none(), d.classWeight());
        assertEquals(-1, d.maxIter());
        assertEquals(DecisionShape.OVR, d.decisionFunctionShape());
        assertEquals(false, d.breakTies());
        assertNull(d.randomState());
    }

    @Test
    void copyMethodsChangeOneParameterAndLeaveTheOriginal() {
        SVC d = SVC.defaults();
        SVC c = d.withC(2.5).withKernel(Kernel.POLY).withDegree(2).withGamma(0.5).withCoef0(1.0).withShrinking(false)
                .withProbability(true).withTol(1e-4).withCacheSize(50).withClassWeight(ClassWeight.balanced())
                .withMaxIter(100).withDecisionFunctionShape(DecisionShape.OVO).withRandomState(3L);
        assertEquals(new SVC(2.5, Kernel.POLY, 2, Gamma.of(0.5), 1.0, false, true, 1e-4, 50, ClassWeight.balanced(), 100,
                DecisionShape.OVO, false, 3L), c);
        assertEquals(SVC.defaults(), d);
        assertEquals(true, d.withBreakTies(true).breakTies());
    }

    @Test
    void namesParseAsScikitLearnSpellsThem() {
        for (String n : Kernel.names()) {
            assertEquals(n, Kernel.parse(n).pyName());
        }
        assertEquals(DecisionShape.OVO, DecisionShape.parse("ovo"));
        assertEquals(Gamma.auto(), Gamma.parse("auto"));
        assertEquals(Gamma.of(0.25), Gamma.parse("0.25"));
        assertEquals("The 'gamma' parameter of SVC must be a str among {'auto', 'scale'} or a float in the range "
                + "[0.0, inf). Got 'big' instead.", assertThrows(IllegalArgumentException.class, () -> Gamma.parse("big")).getMessage());
        assertEquals("The 'coef0' parameter of SVC must be a float in the range (-inf, inf). Got nan instead.",
                assertThrows(IllegalArgumentException.class, () -> SVC.defaults().withCoef0(Double.NaN)).getMessage());
    }

    @Test
    void perClassWeightsAreCopied() {
        Map<Integer, Double> m = new HashMap<>();
        m.put(1, 2.0);
        ClassWeight cw = ClassWeight.of(m);
        m.put(2, 3.0);
        assertEquals(Map.of(1, 2.0), ((ClassWeight.PerClass) cw).weights());
    }
}
