package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code petal tutorial} from the outside: the two result lines, a Completed run, model version 1. */
class TutorialCommandTest {
    @TempDir
    Path dir;


    @Test
    void tutorialPrintsTheResultsAndLeavesARunAndAModel() {
        String ws = dir.resolve("ws").toString();
        CliResult r = CliResult.petal("tutorial", "--workspace", ws);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Accuracy of SVM classifier on test set: 0.97\n"), r.out());
        assertTrue(r.out().contains("[[13  0  0]\n [ 0 15  1]\n [ 0  0  9]]\n"), r.out());
        assertTrue(r.out().contains("Registered model sklearn-iris version 1\n"), r.out());
        assertTrue(r.out().contains("Service predictions match the test labels on 37 of 38 rows\n"), r.out());

        CliResult runs = CliResult.petal("runs", "list", "--workspace", ws);
        assertEquals(0, runs.code(), runs.err());
        assertTrue(runs.out().lines().skip(1).anyMatch(l -> l.startsWith("Tutorial-TrainIRIS_") && l.contains("Completed")),
                runs.out());
        assertTrue(runs.out().contains("Accuracy=0.9737"), runs.out());

        CliResult models = CliResult.petal("models", "show", "sklearn-iris:1", "--workspace", ws);
        assertEquals(0, models.code(), models.err());
        assertTrue(models.out().contains("sklearn-iris"), models.out());
    }

    @Test
    void badKernelIsOneErrorLine() {
        CliResult r = CliResult.petal("tutorial", "--workspace", dir.resolve("ws").toString(), "--kernel", "cubic");
        assertEquals(2, r.code());
        assertEquals("error: --kernel must be a str among {'linear', 'poly', 'precomputed', 'rbf', 'sigmoid'}."
                + " Got 'cubic' instead.\n", r.err());
    }
}
