package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code petal tutorial} from the outside: the two result lines, a Completed run, model version 1. */
class TutorialCommandTest {
    @TempDir
    Path dir;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PetalCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void tutorialPrintsTheResultsAndLeavesARunAndAModel() {
        String ws = dir.resolve("ws").toString();
        String[] r = run("tutorial", "--workspace", ws);
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("Accuracy of SVM classifier on test set: 0.97\n"), r[1]);
        assertTrue(r[1].contains("[[13  0  0]\n [ 0 15  1]\n [ 0  0  9]]\n"), r[1]);
        assertTrue(r[1].contains("Registered model sklearn-iris version 1\n"), r[1]);
        assertTrue(r[1].contains("Service predictions match the test labels on 37 of 38 rows\n"), r[1]);

        String[] runs = run("runs", "list", "--workspace", ws);
        assertEquals("0", runs[0], runs[2]);
        assertTrue(runs[1].lines().skip(1).anyMatch(l -> l.startsWith("Tutorial-TrainIRIS_") && l.contains("Completed")
                && l.contains("Accuracy=0.9736842105263158")), runs[1]);

        String[] models = run("models", "show", "sklearn-iris:1", "--workspace", ws);
        assertEquals("0", models[0], models[2]);
        assertTrue(models[1].contains("sklearn-iris"), models[1]);
    }

    @Test
    void badKernelIsOneErrorLine() {
        String[] r = run("tutorial", "--workspace", dir.resolve("ws").toString(), "--kernel", "cubic");
        assertEquals("1", r[0]);
        assertEquals("error: The 'kernel' parameter of SVC must be a str among {'linear', 'poly', 'precomputed', 'rbf', 'sigmoid'}"
                + " or a callable. Got 'cubic' instead.\n", r[2]);
    }
}
