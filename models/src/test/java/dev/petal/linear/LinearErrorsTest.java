package dev.petal.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import dev.petal.svm.ClassWeight;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** scikit-learn 1.2.1's messages for refused LinearSVC / LinearSVR settings and data, and dense = CSR. */
class LinearErrorsTest {
    private static final Matrix X = Matrix.of(new double[][] {{0, 1}, {1, 0}, {1, 1}, {0, 0}});

    private static String message(Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void refusedCombinationsGiveScikitLearnsText() {
        int[] y = {0, 1, 1, 0};
        assertEquals("Unsupported set of arguments: The combination of penalty='l1' and loss='hinge' is not supported, "
                + "Parameters: penalty='l1', loss='hinge', dual=True",
                message(() -> LinearSVC.defaults().withPenalty("l1").withLoss("hinge").fit(X, y)));
        assertEquals("Unsupported set of arguments: The combination of penalty='l1' and loss='squared_hinge' are not "
                + "supported when dual=True, Parameters: penalty='l1', loss='squared_hinge', dual=True",
                message(() -> LinearSVC.defaults().withPenalty("l1").fit(X, y)));
        assertEquals("Unsupported set of arguments: The combination of penalty='l2' and loss='hinge' are not supported "
                + "when dual=False, Parameters: penalty='l2', loss='hinge', dual=False",
                message(() -> LinearSVC.defaults().withLoss("hinge").withDual(false).fit(X, y)));
        assertEquals("Unsupported set of arguments: The combination of penalty='l2' and loss='epsilon_insensitive' are "
                + "not supported when dual=False, Parameters: penalty='l2', loss='epsilon_insensitive', dual=False",
                message(() -> LinearSVR.defaults().withDual(false).fit(X, new double[] {1, 2, 3, 4})));
    }

    @Test
    void parametersAreValidatedWithScikitLearnsText() {
        assertEquals("The 'penalty' parameter of LinearSVC must be a str among {'l1', 'l2'}. Got 'l3' instead.",
                message(() -> LinearSVC.defaults().withPenalty("l3")));
        assertEquals("The 'C' parameter of LinearSVC must be a float in the range (0.0, inf). Got -1.0 instead.",
                message(() -> LinearSVC.defaults().withC(-1)));
        assertEquals("The 'tol' parameter of LinearSVR must be a float in the range (0.0, inf). Got 0.0 instead.",
                message(() -> LinearSVR.defaults().withTol(0)));
        assertEquals("The 'max_iter' parameter of LinearSVC must be an int in the range [0, inf). Got -1 instead.",
                message(() -> LinearSVC.defaults().withMaxIter(-1)));
        assertEquals("The 'intercept_scaling' parameter of LinearSVC must be a float in the range (0, inf). Got 0.0 instead.",
                message(() -> LinearSVC.defaults().withInterceptScaling(0)));
        assertEquals("The 'multi_class' parameter of LinearSVC must be a str among {'crammer_singer', 'ovr'}. Got 'x' instead.",
                message(() -> LinearSVC.defaults().withMultiClass("x")));
        assertEquals("The 'loss' parameter of LinearSVR must be a str among {'epsilon_insensitive', "
                + "'squared_epsilon_insensitive'}. Got 'hinge' instead.", message(() -> LinearSVR.defaults().withLoss("hinge")));
        assertEquals("The 'epsilon' parameter of LinearSVR must be at least 0 (liblinear: p < 0). Got -1.0 instead.",
                message(() -> LinearSVR.defaults().withEpsilon(-1)));
    }

    @Test
    void badDataIsRefused() {
        assertEquals("This solver needs samples of at least 2 classes in the data, but the data contains only one class: 1",
                message(() -> LinearSVC.defaults().fit(X, new int[] {1, 1, 1, 1})));
        assertEquals("Found input variables with inconsistent numbers of samples: [4, 3]",
                message(() -> LinearSVC.defaults().fit(X, new int[] {1, 0, 1})));
        assertEquals(dev.petal.check.Check.nanInX("LinearSVR"), message(() -> LinearSVR.defaults().fit(
                Matrix.of(new double[][] {{Double.NaN}}), new double[] {1})));
        assertEquals("sample_weight.shape == (2,), expected (4,)!",
                message(() -> LinearSVC.defaults().fit(X, new int[] {0, 1, 1, 0}, new double[] {1, 2})));
        assertEquals("The classes, [1], are not in class_weight", message(() -> LinearSVC.defaults()
                .withClassWeight(ClassWeight.of(Map.of(0, 2.0, 5, 1.0))).fit(X, new int[] {0, 1, 1, 0})));
        LinearSVCModel m = LinearSVC.defaults().withRandomState(0L).fit(X, new int[] {0, 1, 1, 0});
        assertEquals("X has 3 features, but LinearSVC is expecting 2 features as input.",
                message(() -> m.predict(Matrix.of(new double[][] {{1, 2, 3}}))));
    }

    @Test
    void csrInputFitsTheSameBitsAsDense() {
        double[][] rows = new double[60][5];
        int[] y = new int[60];
        double[] t = new double[60];
        java.util.Random r = new java.util.Random(4);
        for (int i = 0; i < 60; i++) {
            for (int j = 0; j < 5; j++) {
                rows[i][j] = r.nextDouble() < 0.5 ? 0 : r.nextGaussian();
            }
            y[i] = rows[i][0] + rows[i][1] > 0 ? 1 : (rows[i][2] > 0.5 ? 2 : 0);
            t[i] = rows[i][3] * 2 - rows[i][4];
        }
        Matrix dense = Matrix.of(rows);
        RowSource sparse = dense.toCsr();
        for (LinearSVC e : new LinearSVC[] {LinearSVC.defaults().withRandomState(1L),
                LinearSVC.defaults().withRandomState(1L).withDual(false),
                LinearSVC.defaults().withRandomState(1L).withPenalty("l1").withDual(false),
                LinearSVC.defaults().withRandomState(1L).withMultiClass("crammer_singer")}) {
            LinearSVCModel a = e.fit(dense, y, null);
            LinearSVCModel b = e.fit(sparse, y, null);
            for (int k = 0; k < a.coef().length; k++) {
                assertArrayEquals(a.coef()[k], b.coef()[k]);
            }
            assertArrayEquals(a.intercept(), b.intercept());
            assertEquals(a.decisionFunction(dense), b.decisionFunction(sparse));
        }
        LinearSVRModel a = LinearSVR.defaults().withRandomState(2L).fit(dense, t);
        LinearSVRModel b = LinearSVR.defaults().withRandomState(2L).fit(sparse, t);
        assertArrayEquals(a.coef(), b.coef());
        assertArrayEquals(a.predict(dense), b.predict(sparse));
    }

    @Test
    void parametersByScikitLearnsNames() {
        LinearSVC svc = LinearSVC.defaults().withParams(Map.of("C", 0.5, "penalty", "l1", "dual", false, "class_weight", "balanced"));
        assertEquals(LinearSVC.defaults().withC(0.5).withPenalty("l1").withDual(false).withClassWeight(ClassWeight.balanced()), svc);
        assertEquals(java.util.List.of("C", "class_weight", "dual", "fit_intercept", "intercept_scaling", "loss", "max_iter",
                "multi_class", "penalty", "random_state", "tol"), java.util.List.copyOf(svc.params().keySet()));
        assertEquals("balanced", svc.params().get("class_weight"));
        LinearSVR svr = LinearSVR.defaults().withParams(Map.of("epsilon", 0.5, "loss", "squared_epsilon_insensitive"));
        assertEquals(0.5, svr.params().get("epsilon"));
        assertEquals("squared_epsilon_insensitive", svr.loss());
        assertThrows(IllegalArgumentException.class, () -> LinearSVC.defaults().withParams(Map.of("kernel", "rbf")));
    }
}
