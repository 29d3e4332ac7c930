package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.linalg.Matrix;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every refusal carries the exact text real scikit-learn 1.2.1 raises (captured by {@code fixtures/gen_svc.py}). */
class SVCErrorsTest {
    static final JsonNode ERRORS = Fixtures.load("errors").get("errors");
    static final Matrix X = Matrix.of(new double[][] {{0, 1}, {1, 0}, {2, 2}, {3, 1}});
    static final int[] Y = {0, 0, 1, 1};

    private static String expected(String key) {
        return ERRORS.get(key).get("message").textValue();
    }

    private static void assertMessage(String key, Class<? extends Throwable> type, Executable call) {
        Throwable t = assertThrows(type, call, key);
        assertEquals(normalizeSets(expected(key)), normalizeSets(t.getMessage()), key);
    }

    /** Python prints option sets in hash order, which varies between runs: compare them sorted. */
    private static String normalizeSets(String s) {
        Matcher m = Pattern.compile("\\{([^{}]*)}").matcher(s);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String[] parts = m.group(1).split(", ");
            Arrays.sort(parts);
            m.appendReplacement(sb, Matcher.quoteReplacement("{" + String.join(", ", parts) + "}"));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static Matrix with(double v) {
        double[] d = X.toFlatArray();
        d[3] = v;
        return Matrix.of(4, 2, d);
    }

    @Test
    void badInputsAreRefusedWithScikitLearnsTexts() {
        SVCModel m = SVC.defaults().fit(X, Y);
        assertMessage("nan_fit", IllegalArgumentException.class, () -> SVC.defaults().fit(with(Double.NaN), Y));
        assertMessage("inf_fit", IllegalArgumentException.class, () -> SVC.defaults().fit(with(Double.POSITIVE_INFINITY), Y));
        double[] both = X.toFlatArray();
        both[0] = Double.NEGATIVE_INFINITY;
        both[3] = Double.NaN;   // a NaN anywhere wins over an infinity before it, as before the quick pass
        assertMessage("nan_fit", IllegalArgumentException.class, () -> SVC.defaults().fit(Matrix.of(4, 2, both), Y));
        assertMessage("nan_predict", IllegalArgumentException.class, () -> m.predict(with(Double.NaN)));
        assertMessage("empty_fit", IllegalArgumentException.class, () -> SVC.defaults().fit(Matrix.zeros(0, 2), new int[0]));
        assertMessage("empty_predict", IllegalArgumentException.class, () -> m.predict(Matrix.zeros(0, 2)));
        assertMessage("one_class", IllegalArgumentException.class, () -> SVC.defaults().fit(X, new int[4]));
        assertMessage("inconsistent_length", IllegalArgumentException.class, () -> SVC.defaults().fit(X, new int[] {0, 1, 0}));
        assertMessage("wrong_features", IllegalArgumentException.class, () -> m.predict(Matrix.zeros(2, 3)));
        assertMessage("proba_disabled", IllegalStateException.class, () -> m.predictProba(X));
        assertMessage("sample_weight_length", IllegalArgumentException.class,
                () -> SVC.defaults().fit(X, Y, new double[] {1, 1, 1}));
        assertMessage("weights_all_zero", IllegalArgumentException.class, () -> SVC.defaults().fit(X, Y, new double[4]));
        assertMessage("weights_one_class", IllegalArgumentException.class,
                () -> SVC.defaults().fit(X, Y, new double[] {0, 0, 1, 1}));
        assertMessage("class_weight_unknown", IllegalArgumentException.class,
                () -> SVC.defaults().withClassWeight(ClassWeight.of(Map.of(0, 1.0, 5, 2.0))).fit(X, Y));
        assertMessage("precomputed_not_square", IllegalArgumentException.class,
                () -> SVC.defaults().withKernel(Kernel.PRECOMPUTED).fit(X, Y));
    }

    @Test
    void badParametersAreRefusedWithScikitLearnsTexts() {
        SVC d = SVC.defaults();
        assertMessage("C_zero", IllegalArgumentException.class, () -> d.withC(0.0));
        assertMessage("C_negative", IllegalArgumentException.class, () -> d.withC(-1.0));
        assertMessage("gamma_negative", IllegalArgumentException.class, () -> d.withGamma(-1.0));
        assertMessage("tol_zero", IllegalArgumentException.class, () -> d.withTol(0.0));
        assertMessage("degree_negative", IllegalArgumentException.class, () -> d.withDegree(-1));
        assertMessage("kernel_unknown", IllegalArgumentException.class, () -> Kernel.parse("foo"));
        assertMessage("shape_unknown", IllegalArgumentException.class, () -> DecisionShape.parse("foo"));
    }

    /**
     * Where the Java record component is not scikit-learn's word, the message names the component instead, keeps
     * scikit-learn's sentence, and speaks Java for the allowed values (null, not "an instance of RandomState or None").
     */
    @Test
    void parametersWithJavaNamesAreNamedAsInJava() {
        SVC d = SVC.defaults();
        assertEquals(expected("cache_zero").replace("'cache_size'", "'cacheSize'"),
                assertThrows(IllegalArgumentException.class, () -> d.withCacheSize(0.0)).getMessage());
        assertEquals(expected("max_iter_bad").replace("'max_iter'", "'maxIter'"),
                assertThrows(IllegalArgumentException.class, () -> d.withMaxIter(-2)).getMessage());
        assertEquals("The 'randomState' parameter of SVC must be an int in the range [0, 4294967295] or null. Got -1"
                + " instead.", assertThrows(IllegalArgumentException.class, () -> d.withRandomState(-1L)).getMessage());
        assertEquals("SVC.breakTies must be false when decisionFunctionShape is OVO (scikit-learn: "
                + expected("break_ties_ovo") + ").", assertThrows(IllegalArgumentException.class,
                        () -> d.withDecisionFunctionShape(DecisionShape.OVO).withBreakTies(true)).getMessage());
    }

    @Test
    void petalRefusesWhatScikitLearnWouldMisfit() {
        Matrix x3 = Matrix.of(new double[][] {{0, 1}, {1, 0}, {2, 2}, {3, 1}, {5, 5}, {6, 6}});
        int[] y3 = {0, 0, 1, 1, 2, 2};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SVC.defaults().fit(x3, y3, new double[] {1, 1, 1, 1, 0, 0}));
        assertEquals("class 2 has no sample with a positive sample_weight; give some of its samples a positive weight "
                + "or remove the class from y.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SVC.defaults().fit(X, Y, new double[] {1, Double.NaN, 1, 1}));
        assertEquals("Input sample_weight contains NaN.", e.getMessage());
    }
}
