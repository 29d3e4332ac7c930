package dev.petal.svm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.api.Parallelism;
import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Progress lines while a fit runs, nothing outside one, and the same model either way. */
class FitProgressTest {
    @Test
    void aReportingFitSaysHowFarItGotAndFitsTheSameModel() {
        Dataset wine = Datasets.wine();
        SVC svc = SVC.defaults().withC(10).withParallelism(Parallelism.serial());   // pairs one after another
        List<String> lines = new CopyOnWriteArrayList<>();
        SVCModel reported = FitProgress.reporting(Duration.ofNanos(1), lines::add, () -> svc.fit(wine.x(), wine.y()));
        assertFalse(lines.isEmpty());
        for (String l : lines) {
            assertTrue(l.matches("SVC\\.fit running for \\d+ s: \\d solver problems? done, about [\\d,]+ solver iterations"), l);
        }
        assertTrue(lines.get(lines.size() - 1).contains(": 2 solver problems done"), lines.get(lines.size() - 1));
        assertNull(FitProgress.current());
        SVCModel quiet = svc.fit(wine.x(), wine.y());
        for (int k = 0; k < quiet.dualCoef().length; k++) {
            assertArrayEquals(quiet.dualCoef()[k], reported.dualCoef()[k]);
        }
        assertArrayEquals(quiet.intercept(), reported.intercept());
    }

    @Test
    void aFitOutsideReportsNothingAndABadPeriodIsRefused() {
        assertNull(FitProgress.current());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FitProgress.reporting(Duration.ZERO, line -> { }, () -> 1));
        assertEquals("FitProgress.reporting: every must be a positive duration, got PT0S", e.getMessage());
    }
}
