package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** scikit-learn's ConvergenceWarning after max_iter, as a recorded warning (not printed by the library). */
class ConvergenceWarningTest {
    @Test
    void maxIterStopRecordsScikitLearnsWarning() {
        Dataset iris = Datasets.iris();
        SVCModel m = SVC.defaults().withMaxIter(3).fit(iris.x(), iris.y());
        assertEquals(1, m.fitStatus());
        assertEquals(List.of("Solver terminated early (max_iter=3).  Consider pre-processing your data with StandardScaler"
                + " or MinMaxScaler."), m.warnings());
    }

    @Test
    void aConvergedFitHasNoWarning() {
        Dataset iris = Datasets.iris();
        assertEquals(List.of(), SVC.defaults().fit(iris.x(), iris.y()).warnings());
    }
}
