package dev.petal.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SamplingTest {
    static final SearchSpace NOTEBOOK = SearchSpace.of("kernel", ExpressionParser.parse("choice('linear', 'rbf', 'poly', 'sigmoid')"))
            .and("penalty", ExpressionParser.parse("choice(0.5, 1, 1.5)"));

    @Test
    void gridCoversTheNotebookSpaceInProductOrder() {
        GridParameterSampling grid = new GridParameterSampling(NOTEBOOK);
        assertEquals(12, grid.size());
        List<Hyperparameters> all = grid.combinations();
        assertEquals(12, all.size());
        assertEquals(12, new HashSet<>(all).size());
        assertEquals(List.of("--kernel", "linear", "--penalty", "0.5"), all.get(0).arguments());
        assertEquals(List.of("--kernel", "linear", "--penalty", "1"), all.get(1).arguments());
        assertEquals(List.of("--kernel", "rbf", "--penalty", "0.5"), all.get(3).arguments());
        assertEquals(List.of("--kernel", "sigmoid", "--penalty", "1.5"), all.get(11).arguments());
        Sampler s = grid.sampler(PrimaryMetricGoal.MAXIMIZE);
        for (int i = 0; i < 12; i++) {
            assertTrue(s.next(List.of(), List.of()).isPresent());
        }
        assertEquals(Optional.empty(), s.next(List.of(), List.of()));
    }

    @Test
    void gridRefusesDistributions() {
        SearchSpace space = NOTEBOOK.and("gamma", ExpressionParser.parse("uniform(0.1, 1)"));
        assertEquals("Grid sampling supports only choice expressions; hyperparameter 'gamma' is uniform(0.1, 1.0)."
                + " Use --sampling random or bayesian for it.",
                assertThrows(IllegalArgumentException.class, () -> new GridParameterSampling(space)).getMessage());
    }

    @Test
    void randomSamplingIsReproducibleFromItsSeed() {
        SearchSpace space = NOTEBOOK.and("gamma", ExpressionParser.parse("loguniform(-3, 0)"));
        List<Hyperparameters> a = draw(new RandomParameterSampling(space, 42), 20);
        assertEquals(a, draw(new RandomParameterSampling(space, 42), 20));
        assertNotEquals(a, draw(new RandomParameterSampling(space, 43), 20));
        for (Hyperparameters h : a) {
            assertEquals(List.of("kernel", "penalty", "gamma"), new ArrayList<>(h.values().keySet()));
        }
    }

    private static List<Hyperparameters> draw(ParameterSampling sampling, int n) {
        Sampler s = sampling.sampler(PrimaryMetricGoal.MAXIMIZE);
        List<Hyperparameters> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(s.next(List.of(), List.of()).orElseThrow());
        }
        return out;
    }

    @Test
    void hyperparametersBecomeScriptArguments() {
        Hyperparameters h = new Hyperparameters(Map.of("--kernel", ParameterValue.of("rbf")));
        assertEquals(List.of("--kernel", "rbf"), h.arguments());
        assertEquals(Map.of("--kernel", "rbf"), h.toJava());
        assertEquals("No hyperparameter named 'C'; known: [--kernel].",
                assertThrows(IllegalArgumentException.class, () -> h.get("C")).getMessage());
    }

    @Test
    void searchSpaceRefusesDuplicatesAndEmptiness() {
        assertEquals("Hyperparameter 'kernel' is defined twice.", assertThrows(IllegalArgumentException.class,
                () -> NOTEBOOK.and("kernel", ExpressionParser.parse("choice(a)"))).getMessage());
        assertEquals("A search space needs at least one hyperparameter.",
                assertThrows(IllegalArgumentException.class, () -> new SearchSpace(Map.of())).getMessage());
    }

    @Test
    void goalParsesAndCompares() {
        assertEquals(PrimaryMetricGoal.MAXIMIZE, PrimaryMetricGoal.parse("Maximize"));
        assertEquals(PrimaryMetricGoal.MINIMIZE, PrimaryMetricGoal.parse("minimize"));
        assertTrue(PrimaryMetricGoal.MINIMIZE.isBetter(0.1, 0.2));
        assertEquals("Invalid primary metric goal 'max': expected maximize or minimize.",
                assertThrows(IllegalArgumentException.class, () -> PrimaryMetricGoal.parse("max")).getMessage());
    }
}
