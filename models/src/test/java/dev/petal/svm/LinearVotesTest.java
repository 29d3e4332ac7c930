package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.linalg.Matrix;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearVotesTest {

    /** libsvm's vote from the pairwise decision values of an 'ovo' model (positive: the pair's first class). */
    private static int[] votesFromDecision(SVCModel m, Matrix x) {
        int k = m.classes().length;
        double[][] dec = m.decisionFunction(x).toArray();
        int[] out = new int[x.rows()];
        int[] votes = new int[k];
        for (int r = 0; r < out.length; r++) {
            double[] pairs = dec[r];
            if (k == 2) {
                pairs = new double[] {-dec[r][0]}; // scikit-learn's binary column is libsvm's value negated
            }
            out[r] = m.classes()[Predict.vote(k, pairs, votes)];
        }
        return out;
    }

    @Test
    void predictGivesLibsvmsVotesAlsoOnTheDecisionBoundaries() {
        JsonNode doc = Fixtures.load("iris");
        Matrix x = Fixtures.matrix(doc.get("X"));
        int[] y = Fixtures.ints(doc.get("y"));
        for (int[] classes : new int[][] {{0, 1, 2}, {1, 2}}) {
            int n = 0;
            for (int v : y) {
                n += contains(classes, v) ? 1 : 0;
            }
            int[] rows = new int[n];
            int[] yy = new int[n];
            for (int i = 0, q = 0; i < y.length; i++) {
                if (contains(classes, y[i])) {
                    rows[q] = i;
                    yy[q++] = y[i];
                }
            }
            Matrix xs = x.selectRows(rows);
            SVCModel m = SVC.defaults().withKernel(Kernel.LINEAR).withDecisionFunctionShape(DecisionShape.OVO).fit(xs, yy);
            // random points, and points bisected onto a boundary between two training rows of different classes
            SplittableRandom rnd = new SplittableRandom(5);
            int pts = 3000;
            double[] flat = new double[pts * 4];
            for (int r = 0; r < pts; r++) {
                int a = rnd.nextInt(n);
                int b = rnd.nextInt(n);
                double lo = 0;
                double hi = 1;
                boolean bisect = r % 2 == 0 && yy[a] != yy[b];
                double t = rnd.nextDouble();
                for (int it = 0; bisect && it < 60; it++) {
                    t = (lo + hi) / 2;
                    int[] p = m.predict(Matrix.of(1, 4, mix(xs, a, b, t)));
                    if (p[0] == yy[a]) {
                        lo = t;
                    } else {
                        hi = t;
                    }
                }
                System.arraycopy(mix(xs, a, b, t), 0, flat, r * 4, 4);
            }
            Matrix test = Matrix.of(pts, 4, flat);
            assertArrayEquals(votesFromDecision(m, test), m.predict(test));
        }
    }

    private static boolean contains(int[] values, int v) {
        for (int c : values) {
            if (c == v) {
                return true;
            }
        }
        return false;
    }

    private static double[] mix(Matrix x, int a, int b, double t) {
        double[] out = new double[x.cols()];
        for (int f = 0; f < out.length; f++) {
            out[f] = (1 - t) * x.get(a, f) + t * x.get(b, f);
        }
        return out;
    }

    @Test
    void aSignCloserToZeroThanTheRoundingBoundIsLeftToTheExactPath() {
        // one pair, support vectors (1, 0) with coefficient 1 and (0, 1) with -1: decision x0 - x1 - rho
        LinearVotes lv = new LinearVotes(2, 2, new int[] {1, 1}, new double[][] {{1, -1}}, new double[] {0.5}, new double[] {1, 0, 0, 1});
        double[] dec = new double[1];
        assertTrue(lv.signs(new double[] {3, 1}, 0, dec, new double[1], new double[1]));
        assertEquals(1.0, dec[0]);
        assertTrue(lv.signs(new double[] {1, 3}, 0, dec, new double[1], new double[1]));
        assertEquals(-1.0, dec[0]);
        assertFalse(lv.signs(new double[] {1.5, 1}, 0, dec, new double[1], new double[1])); // exactly on the boundary
        assertFalse(lv.signs(new double[] {1.5 + 1e-15, 1}, 0, dec, new double[1], new double[1])); // within rounding of it
    }
}
