package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** scikit-learn 1.2.1's messages for the family's bad parameters (texts captured from a real run). */
class SvmFamilyErrorsTest {
    private static void message(String expected, Executable e) {
        assertEquals(expected, assertThrows(IllegalArgumentException.class, e).getMessage());
    }

    @Test
    void nuOutsideZeroOneIsRefusedWithScikitLearnsText() {
        message("The 'nu' parameter of NuSVC must be a float in the range (0.0, 1.0]. Got 1.5 instead.",
                () -> NuSVC.defaults().withNu(1.5));
        message("The 'nu' parameter of NuSVC must be a float in the range (0.0, 1.0]. Got 0.0 instead.",
                () -> NuSVC.defaults().withNu(0.0));
        message("The 'nu' parameter of NuSVR must be a float in the range (0.0, 1.0]. Got 2.0 instead.",
                () -> NuSVR.defaults().withNu(2.0));
        message("The 'nu' parameter of OneClassSVM must be a float in the range (0.0, 1.0]. Got -0.5 instead.",
                () -> OneClassSVM.defaults().withNu(-0.5));
    }

    @Test
    void negativeEpsilonAndNonPositiveCAreRefused() {
        message("The 'epsilon' parameter of SVR must be a float in the range [0.0, inf). Got -0.1 instead.",
                () -> SVR.defaults().withEpsilon(-0.1));
        message("The 'C' parameter of SVR must be a float in the range (0.0, inf). Got 0.0 instead.",
                () -> SVR.defaults().withC(0.0));
    }

    @Test
    void infeasibleNuIsRefusedAtFit() {
        Dataset iris = Datasets.iris();
        int[] rows = new int[60];
        for (int i = 0; i < 60; i++) {
            rows[i] = i;
        }
        int[] y = new int[60];
        for (int i = 0; i < 60; i++) {
            y[i] = iris.y()[i];
        }
        message("specified nu is infeasible", () -> NuSVC.defaults().withNu(0.9).fit(iris.x().selectRows(rows), y));
    }
}
