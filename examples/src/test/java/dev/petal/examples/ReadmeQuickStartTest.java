package dev.petal.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.petal.api.DecisionClassifier;
import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import dev.petal.metrics.Metrics;
import dev.petal.metrics.NumpyFormat;
import dev.petal.modelio.ModelIO;
import dev.petal.selection.Selection;
import dev.petal.selection.TrainTestSplit;
import dev.petal.svm.Kernel;
import dev.petal.svm.SVC;
import dev.petal.svm.SVCModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java quick start, kept compiling and true. */
class ReadmeQuickStartTest {
    @Test
    void quickStartGivesTheTutorialsNumbers(@TempDir Path dir) throws Exception {
        Dataset iris = Datasets.iris();
        TrainTestSplit s = Selection.trainTestSplit(iris.x(), iris.y(), 0);
        SVCModel model = SVC.defaults().withKernel(Kernel.LINEAR).withC(1.0).fit(s.xTrain(), s.yTrain());
        int[] predicted = model.predict(s.xTest());
        assertEquals(0.9736842105263158, model.score(s.xTest(), s.yTest()));
        assertEquals("[[13  0  0]\n [ 0 15  1]\n [ 0  0  9]]", NumpyFormat.format(Metrics.confusionMatrix(s.yTest(), predicted)));
        String report = Metrics.classificationReport(s.yTest(), predicted, iris.targetNames());
        assertEquals("    accuracy                           0.97        38", report.lines().filter(l -> l.contains("accuracy")).findFirst().orElseThrow());

        Path file = dir.resolve("outputs").resolve("model.petal");
        java.nio.file.Files.createDirectories(file.getParent());
        ModelIO.save(file, model);
        DecisionClassifier loaded = ModelIO.loadClassifier(file);
        assertArrayEquals(predicted, loaded.predict(s.xTest()));
    }
}
