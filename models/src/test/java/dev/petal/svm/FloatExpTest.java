package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FloatExpTest {

    private static void check(double x) {
        float want = (float) Math.exp(x);
        assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(FloatExp.exp(x)), () -> "x = " + x);
    }

    @Test
    void matchesMathExpRoundedToFloatOnTheKernelsRange() {
        SplittableRandom rnd = new SplittableRandom(20261128);
        for (int i = 0; i < 3_000_000; i++) {
            check(-rnd.nextDouble() * 110 + 5); // RBF arguments are -gamma * distance^2: mostly in [-100, 0]
        }
        for (int i = 0; i < 1_000_000; i++) {
            check(-rnd.nextDouble() * 1e-3); // near-duplicate samples
        }
    }

    @Test
    void matchesAtTheEdgesOfEveryBranch() {
        double[] edges = {0.0, -0.0, 1e-300, -1e-300, Double.MIN_VALUE, -103.0, -103.0000001, -102.9999999, 88.0,
            88.0000001, 87.9999999, -87.33654475055310898657, -87.3365447505531, -103.27892990343184, -103.97208,
            -104.0, -745.2, -1000, 89, 710, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Math.log(2) / 512, -Math.log(2) / 512, Math.log(2), -Math.log(2) * 64};
        for (double x : edges) {
            check(x);
            check(Math.nextUp(x));
            check(Math.nextDown(x));
        }
        for (int k = -38_000; k <= 32_000; k++) { // the table's reduction points and the float binades
            check(k * Math.log(2) / 256);
            check(Math.nextUp(k * Math.log(2) / 256));
        }
    }

    @Test
    void matchesWhereTheResultIsCloseToAFloatRoundingBoundary() {
        // x = log of a midpoint between two adjacent floats: the doubles the certificate must refuse
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            float f = (float) Math.exp(-rnd.nextDouble() * 100);
            double mid = ((double) f + (double) Math.nextUp(f)) / 2;
            double x = Math.log(mid);
            check(x);
            check(Math.nextUp(x));
            check(Math.nextDown(x));
        }
    }
}
