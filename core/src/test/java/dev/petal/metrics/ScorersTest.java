package dev.petal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.petal.api.Regressor;
import dev.petal.linalg.Matrix;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scorers by name: the names, the regression scorers' signs, the one-line refusals. */
class ScorersTest {
    /** A regressor that predicts each row's first feature. */
    private static final Regressor FIRST = new Regressor() {
        @Override
        public int nFeatures() {
            return 1;
        }

        @Override
        public double[] predict(Matrix x) {
            return x.column(0);
        }
    };

    @Test
    void namesAreScikitLearnsSorted() {
        assertEquals(List.of("accuracy", "balanced_accuracy", "f1_macro", "f1_micro", "f1_weighted", "neg_mean_absolute_error",
                "neg_mean_squared_error", "precision_macro", "precision_micro", "precision_weighted", "r2", "recall_macro",
                "recall_micro", "recall_weighted", "roc_auc"), Scorers.names());
    }

    @Test
    void regressionScorersAreTheMetricsLossesNegated() {
        Matrix x = Matrix.of(new double[][] {{1.0}, {2.5}, {2.0}, {7.0}});
        double[] y = {1.5, 2.0, 2.0, 8.0};
        double[] p = x.column(0);
        assertEquals(RegressionMetrics.r2Score(y, p), Scorers.get("r2").score(FIRST, x, y), 0.0);
        assertEquals(-RegressionMetrics.meanSquaredError(y, p), Scorers.get("neg_mean_squared_error").score(FIRST, x, y), 0.0);
        assertEquals(-RegressionMetrics.meanAbsoluteError(y, p), Scorers.get("neg_mean_absolute_error").score(FIRST, x, y), 0.0);
    }

    @Test
    void aScorerOfTheWrongKindIsOneLine() {
        Matrix x = Matrix.of(new double[][] {{1.0}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scorers.get("r2").score(FIRST, x, new int[] {1}));
        assertEquals("The scorer 'r2' scores regressors; choose a classification scorer (accuracy, f1_macro, roc_auc, ...) "
                + "for class labels.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Scorers.get("accuracy").score(FIRST, x, new double[] {1.0}));
        assertEquals("The scorer 'accuracy' scores classifiers; choose a regression scorer (r2, neg_mean_squared_error, "
                + "neg_mean_absolute_error) for continuous targets.", e.getMessage());
    }
}
