package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.linalg.Matrix;
import org.junit.jupiter.api.Test;

/**
 * The tutorial's numbers: iris, {@code train_test_split(random_state=0)} (112 train / 38 test; the
 * split indices come from scikit-learn via the fixture), a linear SVC with C=1.
 */
class SVCTutorialTest {
    @Test
    void linearSvcOnTheTutorialSplitGivesTheTutorialsAccuracyAndConfusionMatrix() {
        JsonNode doc = Fixtures.load("iris");
        JsonNode tut = doc.get("tutorial");
        Matrix xTrain = Fixtures.matrix(doc.get("X"));
        int[] yTrain = Fixtures.ints(doc.get("y"));
        Matrix xTest = Fixtures.matrix(doc.get("X_test"));
        int[] yTest = Fixtures.ints(tut.get("y_test"));
        assertEquals(112, xTrain.rows());
        assertEquals(38, xTest.rows());
        assertEquals(112, tut.get("train_index").size());

        SVCModel model = SVC.defaults().withKernel(Kernel.LINEAR).withC(1.0).fit(xTrain, yTrain);
        int[] pred = model.predict(xTest);
        assertEquals(0.9736842105263158, model.score(xTest, yTest), 0.0);
        assertEquals(tut.get("accuracy").doubleValue(), model.score(xTest, yTest), 0.0);

        int[][] cm = new int[3][3];
        for (int i = 0; i < yTest.length; i++) {
            cm[yTest[i]][pred[i]]++;
        }
        int[][] expected = {{13, 0, 0}, {0, 15, 1}, {0, 0, 9}};
        for (int r = 0; r < 3; r++) {
            assertArrayEquals(expected[r], cm[r]);
            assertArrayEquals(Fixtures.ints(tut.get("confusion_matrix").get(r)), cm[r]);
        }
    }
}
