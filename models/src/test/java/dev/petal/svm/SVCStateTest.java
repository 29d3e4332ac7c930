package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.api.Provenance;
import dev.petal.linalg.Matrix;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The persistence contract: {@code fromState(state())} predicts bit-identically; inconsistent states are refused. */
class SVCStateTest {
    static final JsonNode IRIS = Fixtures.load("iris");
    static final Matrix X = Fixtures.matrix(IRIS.get("X"));
    static final int[] Y = Fixtures.ints(IRIS.get("y"));
    static final Matrix XT = Fixtures.matrix(IRIS.get("X_test"));

    @Test
    void aModelRebuiltFromItsStatePredictsBitIdentically() {
        for (SVC svc : new SVC[] {SVC.defaults().withProbability(true).withRandomState(0L),
            SVC.defaults().withKernel(Kernel.POLY).withDecisionFunctionShape(DecisionShape.OVO)}) {
            SVCModel m = svc.fit(X, Y);
            SVCState s = m.state();
            SVCState copy = new SVCState(s.params(), s.gamma(), s.classes(), s.nFeatures(), s.support(),
                    s.supportVectors(), s.nSupport(), s.dualCoef(), s.intercept(), s.probA(), s.probB(), s.nIter(),
                    s.fitStatus(), s.provenance());
            assertEquals(s, copy);
            assertEquals(s.hashCode(), copy.hashCode());
            SVCModel back = SVCModel.fromState(copy);
            assertArrayEquals(m.predict(XT), back.predict(XT));
            assertArrayEquals(m.decisionFunction(XT).toFlatArray(), back.decisionFunction(XT).toFlatArray(), 0.0);
            if (svc.probability()) {
                assertArrayEquals(m.predictProba(XT).toFlatArray(), back.predictProba(XT).toFlatArray(), 0.0);
            }
        }
    }

    @Test
    void theBinaryModelRoundTripsItsFlippedSigns() {
        JsonNode doc = Fixtures.load("iris_binary");
        Matrix x = Fixtures.matrix(doc.get("X"));
        int[] y = Fixtures.ints(doc.get("y"));
        SVCModel m = SVC.defaults().withProbability(true).withRandomState(7L).fit(x, y);
        SVCModel back = SVCModel.fromState(m.state());
        assertArrayEquals(m.decisionFunction(x).toFlatArray(), back.decisionFunction(x).toFlatArray(), 0.0);
        assertArrayEquals(m.predictProba(x).toFlatArray(), back.predictProba(x).toFlatArray(), 0.0);
    }

    @Test
    void withoutARandomStateTheProbabilitiesAreStillValid() {
        SVCModel m = SVC.defaults().withProbability(true).fit(X, Y);
        double[][] p = m.predictProba(XT).toArray();
        for (double[] row : p) {
            assertEquals(1.0, row[0] + row[1] + row[2], 1e-9);
        }
        assertEquals(true, m.supportsProba());
    }

    @Test
    void arraysAreCopiedInAndOut() {
        SVCModel m = SVC.defaults().fit(X, Y);
        int[] support = m.support();
        support[0] = -5;
        assertEquals(m.support()[1], m.state().support()[1]);
        assertNotSame(m.dualCoef(), m.dualCoef());
        double[][] dc = m.dualCoef();
        dc[0][0] = 1e9;
        assertEquals(m.state().dualCoef()[0][0], m.dualCoef()[0][0]);
        int[] y = Y.clone();
        SVCModel m2 = SVC.defaults().fit(X, y);
        y[0] = 99;
        assertArrayEquals(new int[] {0, 1, 2}, m2.classes());
        assertEquals(Provenance.sha256(Y), m2.provenance().ySha256());
        assertEquals(Provenance.sha256(X), m2.provenance().xSha256());
    }

    private static String refused(SVCState s, UnaryOperator<Object[]> edit) {
        Object[] f = {s.params(), s.gamma(), s.classes(), s.nFeatures(), s.support(), s.supportVectors(), s.nSupport(),
            s.dualCoef(), s.intercept(), s.probA(), s.probB(), s.nIter(), s.fitStatus(), s.provenance()};
        Object[] g = edit.apply(f);
        SVCState bad = new SVCState((SVC) g[0], (double) g[1], (int[]) g[2], (int) g[3], (int[]) g[4], (Matrix) g[5],
                (int[]) g[6], (double[][]) g[7], (double[]) g[8], (double[]) g[9], (double[]) g[10], (int[]) g[11],
                (int) g[12], (Provenance) g[13]);
        return assertThrows(IllegalArgumentException.class, () -> SVCModel.fromState(bad)).getMessage();
    }

    private static UnaryOperator<Object[]> set(int i, Object v) {
        return f -> {
            f[i] = v;
            return f;
        };
    }

    @Test
    void inconsistentStatesAreRefusedWithTheReason() {
        SVCState s = SVC.defaults().fit(X, Y).state();
        int l = s.support().length;
        assertEquals("Invalid SVC state: classes must be strictly increasing, but classes[1] = 0 follows 0.",
                refused(s, set(2, new int[] {0, 0, 2})));
        assertEquals("Invalid SVC state: nSupport has 2 entries for 3 classes.", refused(s, set(6, new int[] {1, 2})));
        assertEquals("Invalid SVC state: supportVectors is 1x4, expected " + l + "x4.",
                refused(s, set(5, Matrix.zeros(1, 4))));
        assertEquals("Invalid SVC state: dualCoef has 1 rows, expected 2.", refused(s, set(7, new double[][] {new double[l]})));
        assertEquals("Invalid SVC state: intercept has 2 values, expected 3.", refused(s, set(8, new double[2])));
        assertEquals("Invalid SVC state: probA has 3 values, expected 0.", refused(s, set(9, new double[3])));
        assertEquals("Invalid SVC state: nIter has 1 entries, expected 3.", refused(s, set(11, new int[1])));
        assertEquals("Invalid SVC state: fitStatus is 2, it must be 0 or 1.", refused(s, set(12, 2)));
        assertEquals("Invalid SVC state: gamma is NaN, it must be finite and at least 0.", refused(s, set(1, Double.NaN)));
        assertEquals("Invalid SVC state: intercept contains a non-finite value.",
                refused(s, set(8, new double[] {0, Double.POSITIVE_INFINITY, 0})));
    }
}
