package dev.petal.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.petal.api.Provenance;
import dev.petal.linalg.Matrix;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.preprocessing.StandardScalerModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineTest {
    private static final Matrix X = Matrix.of(new double[][] {
        {1, 100}, {2, 110}, {3, 90}, {10, 500}, {11, 520}, {12, 480}});
    private static final int[] Y = {0, 0, 0, 1, 1, 1};

    @Test
    void fitsEachStepOnThePreviousOutputAsScikitLearnDoes() {
        PipelineModel m = Pipeline.of(StandardScaler.defaults(), new CentroidClassifier()).fit(X, Y);
        StandardScalerModel scaler = (StandardScalerModel) m.transforms().get(0);
        Matrix scaled = StandardScaler.defaults().fit(X).transform(X);
        assertEquals(scaled, scaler.transform(X));
        CentroidClassifier.Model last = (CentroidClassifier.Model) m.classifier();
        assertEquals(scaled, last.seen());
        Matrix probe = Matrix.of(new double[][] {{2.5, 95}, {11, 510}});
        assertArrayEquals(new int[] {0, 1}, m.predict(probe));
        assertEquals(last.decisionFunction(scaler.transform(probe)), m.decisionFunction(probe));
        assertArrayEquals(new int[] {0, 1}, m.classes());
        assertEquals(2, m.nFeatures());
        assertEquals(1.0, m.score(X, Y));
        assertEquals(Provenance.sha256(X), m.provenance().xSha256());
        assertEquals(Provenance.sha256(Y), m.provenance().ySha256());
        assertFalse(m.supportsProba());
    }

    @Test
    void theFirstStepChecksTheInputWidth() {
        PipelineModel m = Pipeline.of(StandardScaler.defaults(), new CentroidClassifier()).fit(X, Y);
        assertEquals("X has 3 features, but StandardScaler is expecting 2 features as input.",
                assertThrows(IllegalArgumentException.class, () -> m.predict(Matrix.zeros(1, 3))).getMessage());
        assertEquals("predict_proba is not available when probability=False",
                assertThrows(IllegalStateException.class, () -> m.predictProba(X)).getMessage());
    }

    @Test
    void worksWithoutTransformsAndRefusesMismatchedSteps() {
        PipelineModel plain = new Pipeline(List.of(), new CentroidClassifier()).fit(X, Y);
        assertArrayEquals(Y, plain.predict(X));
        assertEquals("Found input variables with inconsistent numbers of samples: [6, 5]",
                assertThrows(IllegalArgumentException.class,
                        () -> Pipeline.of(StandardScaler.defaults(), new CentroidClassifier()).fit(X, new int[5])).getMessage());
        StandardScalerModel three = StandardScaler.defaults().fit(Matrix.zeros(2, 3));
        assertEquals("pipeline step 0 outputs 3 features, but step 1 expects 2.",
                assertThrows(IllegalArgumentException.class,
                        () -> PipelineModel.of(List.of(three), plain.classifier(), plain.provenance())).getMessage());
    }
}
