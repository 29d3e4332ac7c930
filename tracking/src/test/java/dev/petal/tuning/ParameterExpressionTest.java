package dev.petal.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParameterExpressionTest {
    private static final int N = 4000;

    @Test
    void loguniformTakesExponentsAsAzureDoes() {
        ParameterExpression e = new ParameterExpression.LogUniform(-6, -1);
        Random rng = new Random(1);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int belowE3 = 0;
        for (int i = 0; i < N; i++) {
            double v = e.sample(rng).asDouble();
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
            belowE3 += v < Math.exp(-3.5) ? 1 : 0;
        }
        assertTrue(lo >= Math.exp(-6) && hi <= Math.exp(-1), lo + " " + hi);
        assertTrue(lo < Math.exp(-5.9) && hi > Math.exp(-1.1), "covers the range: " + lo + " " + hi);
        // log(v) is uniform on [-6, -1]: half the draws fall below exp(-3.5).
        assertEquals(0.5, belowE3 / (double) N, 0.03);
    }

    @Test
    void uniformAndRandintStayInTheirRanges() {
        Random rng = new Random(2);
        Set<Long> ints = new HashSet<>();
        for (int i = 0; i < N; i++) {
            double u = new ParameterExpression.Uniform(0.05, 0.1).sample(rng).asDouble();
            assertTrue(u >= 0.05 && u < 0.1);
            ParameterValue r = new ParameterExpression.RandInt(5).sample(rng);
            ints.add(((ParameterValue.Int) r).value());
        }
        assertEquals(Set.of(0L, 1L, 2L, 3L, 4L), ints);
    }

    @Test
    void normalHasTheGivenMeanAndSpread() {
        Random rng = new Random(3);
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < N; i++) {
            double v = new ParameterExpression.Normal(10, 3).sample(rng).asDouble();
            sum += v;
            sq += v * v;
        }
        double mean = sum / N;
        assertEquals(10, mean, 0.2);
        assertEquals(3, Math.sqrt(sq / N - mean * mean), 0.15);
        for (int i = 0; i < 100; i++) {
            assertTrue(new ParameterExpression.LogNormal(0, 1).sample(rng).asDouble() > 0);
        }
    }

    @Test
    void quantizedFormsRoundToMultiplesOfQ() {
        Random rng = new Random(4);
        for (int i = 0; i < 500; i++) {
            ParameterValue q1 = new ParameterExpression.QUniform(1, 10, 1).sample(rng);
            long v = assertInstanceOf(ParameterValue.Int.class, q1).value();
            assertTrue(v >= 1 && v <= 10);
            long q5 = ((ParameterValue.Int) new ParameterExpression.QNormal(50, 20, 5).sample(rng)).value();
            assertEquals(0, q5 % 5);
            long ql = ((ParameterValue.Int) new ParameterExpression.QLogUniform(0, 4, 2).sample(rng)).value();
            assertTrue(ql % 2 == 0 && ql >= 0 && ql <= 56, "qloguniform " + ql);
            long qn = ((ParameterValue.Int) new ParameterExpression.QLogNormal(1, 0.5, 1).sample(rng)).value();
            assertTrue(qn >= 0);
            ParameterValue r = new ParameterExpression.QUniform(0, 1, 0.25).sample(rng);
            double d = assertInstanceOf(ParameterValue.Real.class, r).value();
            assertEquals(0, d * 4 - Math.rint(d * 4), 1e-12);
        }
    }

    @Test
    void quantizingRoundsHalfToEvenLikeNumpy() {
        ParameterExpression.QUniform q = new ParameterExpression.QUniform(0, 10, 1);
        assertEquals(ParameterValue.of(2L), q.quantized(2.5));
        assertEquals(ParameterValue.of(4L), q.quantized(3.5));
        assertEquals(ParameterValue.of(3L), q.quantized(3.4));
        assertEquals(ParameterValue.of(0.5), new ParameterExpression.QUniform(0, 1, 0.5).quantized(0.7));
    }

    @Test
    void choiceDrawsEveryValueAndIsReproducibleFromASeed() {
        ParameterExpression c = ExpressionParser.parse("choice(linear, rbf, poly, sigmoid)");
        Set<String> seen = new HashSet<>();
        Random a = new Random(9);
        Random b = new Random(9);
        for (int i = 0; i < 200; i++) {
            ParameterValue v = c.sample(a);
            assertEquals(v, c.sample(b));
            seen.add(v.text());
        }
        assertEquals(Set.of("linear", "rbf", "poly", "sigmoid"), seen);
    }

    @Test
    void valuesRenderAsPythonStr() {
        assertEquals("1.0", ParameterValue.of(1.0).text());
        assertEquals("0.1", ParameterValue.of(0.1).text());
        assertEquals("1e-05", ParameterValue.of(1e-5).text());
        assertEquals("3", ParameterValue.of(3L).text());
        assertEquals("rbf", ParameterValue.of("rbf").text());
        assertEquals("a hyperparameter value must be finite, got nan.",
                assertThrows(IllegalArgumentException.class, () -> ParameterValue.of(Double.NaN)).getMessage());
        assertEquals("the hyperparameter value 'rbf' is a string, not a number.",
                assertThrows(IllegalStateException.class, () -> ParameterValue.of("rbf").asDouble()).getMessage());
    }

    @Test
    void expressionsPrintInAzureSyntax() {
        assertEquals("loguniform(-6.0, -1.0)", new ParameterExpression.LogUniform(-6, -1).expression());
        assertEquals("qlognormal(1.0, 0.5, 1.0)", new ParameterExpression.QLogNormal(1, 0.5, 1).expression());
        assertEquals("randint(7)", new ParameterExpression.RandInt(7).expression());
    }
}
