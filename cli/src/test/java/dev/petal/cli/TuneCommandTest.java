package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneCommandTest {
    @TempDir
    Path dir;

    private static CliResult petal(String... args) {
        return CliResult.petal(args);
    }

    private String[] tune(String... extra) {
        List<String> a = new ArrayList<>(List.of("tune", "--workspace", dir.toString(), "--experiment", "Tutorial-TrainIRIS",
                "--target", "inprocess"));
        a.addAll(List.of(extra));
        return a.toArray(new String[0]);
    }

    @Test
    void gridSweepOfTheNotebookPrintsBestAndChildrenAsJson() throws Exception {
        CliResult r = petal(tune("--sampling", "grid", "--param", "kernel=choice(linear, rbf, poly, sigmoid)",
                "--param", "penalty=choice(0.5, 1, 1.5)", "--primary-metric", "Accuracy", "--goal", "maximize",
                "--max-total-runs", "12", "--max-concurrent-runs", "4", "--json",
                TuneFixtureScript.class.getName(), "--delay-millis", "20"));
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("Completed", root.get("status").asText());
        JsonNode best = root.get("best");
        assertEquals("rbf", best.get("hyperparameters").get("kernel").asText());
        assertEquals(1, best.get("hyperparameters").get("penalty").asLong());
        assertTrue(best.get("hyperparameters").get("penalty").isIntegralNumber());
        assertEquals(0.95, best.get("best_primary_metric").asDouble(), 1e-12);
        JsonNode children = root.get("children");
        assertEquals(12, children.size());
        Set<String> combos = new HashSet<>();
        for (JsonNode c : children) {
            assertEquals("Completed", c.get("status").asText());
            assertTrue(c.get("id").asText().startsWith("Tutorial-TrainIRIS_"));
            combos.add(c.get("hyperparameters").get("kernel").asText() + "/" + c.get("hyperparameters").get("penalty").asText());
        }
        assertEquals(12, combos.size());
        assertEquals(best, children.get(0));
    }

    @Test
    void textOutputRanksChildrenAndNamesTheBest() {
        CliResult r = petal(tune("--sampling", "random", "--seed", "3", "--param", "kernel=choice(rbf, sigmoid)",
                "--param", "penalty=choice(1)", "--primary-metric", "Accuracy", "--goal", "minimize", "--max-total-runs", "4",
                "--policy", "median:evaluation_interval=1,delay_evaluation=5", TuneFixtureScript.class.getName()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("random sampling, up to 4 runs, 4 at once"), r.out());
        assertTrue(r.out().contains("with --kernel sigmoid --penalty 1"), r.out());
    }

    @Test
    void invalidSweepsAreUsageErrors() {
        CliResult grid = petal(tune("--sampling", "grid", "--param", "penalty=uniform(0.5, 1.5)", "--primary-metric", "Accuracy",
                "--goal", "maximize", "--max-total-runs", "12", TuneFixtureScript.class.getName()));
        assertEquals(2, grid.code());
        assertEquals("error: Grid sampling supports only choice expressions; hyperparameter 'penalty' is uniform(0.5, 1.5)."
                + " Use --sampling random or bayesian for it.\n", grid.err());

        CliResult param = petal(tune("--sampling", "random", "--param", "penalty=unifrom(0.5, 1.5)", "--primary-metric", "Accuracy",
                "--goal", "maximize", "--max-total-runs", "12", TuneFixtureScript.class.getName()));
        assertEquals(2, param.code());
        assertTrue(param.err().startsWith("error: --param: Cannot parse parameter expression 'unifrom(0.5, 1.5)': unknown function"),
                param.err());

        CliResult bayes = petal(tune("--sampling", "bayesian", "--param", "penalty=uniform(0.5, 1.5)", "--primary-metric", "Accuracy",
                "--goal", "maximize", "--max-total-runs", "12", "--policy", "bandit:slack_factor=0.1",
                TuneFixtureScript.class.getName()));
        assertEquals(2, bayes.code());
        assertEquals("error: Bayesian sampling does not support early termination; use no policy (--policy none) with"
                + " --sampling bayesian.\n", bayes.err());

        CliResult runs = petal(tune("--sampling", "random", "--param", "penalty=uniform(0.5, 1.5)", "--primary-metric", "Accuracy",
                "--goal", "maximize", "--max-total-runs", "1001", TuneFixtureScript.class.getName()));
        assertEquals(2, runs.code());
        assertEquals("error: --max-total-runs must be an int in the range [1, 1000]. Got 1001 instead.\n", runs.err());

        CliResult goal = petal(tune("--sampling", "random", "--param", "penalty=uniform(0.5, 1.5)", "--primary-metric", "Accuracy",
                "--goal", "up", "--max-total-runs", "3", TuneFixtureScript.class.getName()));
        assertEquals(2, goal.code());
        assertEquals("error: Invalid primary metric goal 'up': expected maximize or minimize.\n", goal.err());
    }

    @Test
    void aScriptThatNeverLogsThePrimaryMetricIsAnError() {
        CliResult r = petal(tune("--sampling", "grid", "--param", "kernel=choice(rbf)", "--primary-metric", "Loss",
                "--goal", "minimize", "--max-total-runs", "1", TuneFixtureScript.class.getName()));
        assertEquals(1, r.code());
        assertEquals("error: no child run logged the primary metric 'Loss'; the script must call run.log(\"Loss\", value)\n", r.err());
    }
}
