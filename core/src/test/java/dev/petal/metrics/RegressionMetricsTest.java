package dev.petal.metrics;

import static dev.petal.fixtures.Fixtures.dbl;
import static dev.petal.fixtures.Fixtures.doubles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

/** r2_score, mean_squared_error and mean_absolute_error against fixtures/gen_regression_metrics.py. */
class RegressionMetricsTest {
    private static final JsonNode CASES = Fixtures.load("regression_metrics.json");

    @Test
    void everyCaseEqualsScikitLearnBitForBit() {
        assertEquals(10, CASES.size());
        for (JsonNode c : CASES) {
            double[] yt = doubles(c.get("y_true"));
            double[] yp = doubles(c.get("y_pred"));
            double[] w = c.get("sample_weight").isNull() ? null : doubles(c.get("sample_weight"));
            String at = c.get("name").asText();
            assertEquals(dbl(c.get("r2")), RegressionMetrics.r2Score(yt, yp, w), at + " r2");
            assertEquals(dbl(c.get("mse")), RegressionMetrics.meanSquaredError(yt, yp, w, true), at + " mse");
            assertEquals(dbl(c.get("rmse")), RegressionMetrics.meanSquaredError(yt, yp, w, false), at + " rmse");
            assertEquals(dbl(c.get("mae")), RegressionMetrics.meanAbsoluteError(yt, yp, w), at + " mae");
            if (w == null) {
                assertEquals(dbl(c.get("r2")), RegressionMetrics.r2Score(yt, yp), at);
                assertEquals(dbl(c.get("mse")), RegressionMetrics.meanSquaredError(yt, yp), at);
                assertEquals(dbl(c.get("mae")), RegressionMetrics.meanAbsoluteError(yt, yp), at);
            }
        }
    }

    @Test
    void badInputGetsScikitLearnsMessages() {
        assertEquals("Found array with 0 sample(s) (shape=(0,)) while a minimum of 1 is required.",
                assertThrows(IllegalArgumentException.class, () -> RegressionMetrics.r2Score(new double[0], new double[0])).getMessage());
        assertEquals("Found input variables with inconsistent numbers of samples: [2, 1]",
                assertThrows(IllegalArgumentException.class, () -> RegressionMetrics.meanSquaredError(new double[] {1, 2}, new double[] {1})).getMessage());
        assertEquals("Input contains NaN.",
                assertThrows(IllegalArgumentException.class, () -> RegressionMetrics.r2Score(new double[] {1, Double.NaN}, new double[] {1, 2})).getMessage());
        assertEquals("Input contains infinity or a value too large for dtype('float64').",
                assertThrows(IllegalArgumentException.class, () -> RegressionMetrics.meanAbsoluteError(new double[] {1, 2}, new double[] {1, Double.POSITIVE_INFINITY})).getMessage());
        assertEquals("Weights sum to zero, can't be normalized",
                assertThrows(IllegalArgumentException.class, () -> RegressionMetrics.meanSquaredError(new double[] {1, 2}, new double[] {1, 3}, new double[] {0, 0}, true)).getMessage());
    }
}
