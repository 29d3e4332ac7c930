package dev.petal.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ParameterSampler against scikit-learn 1.2.1: sample_without_replacement by tracking selection, by a
 * permutation's head and by reservoir sampling; uniform, loguniform and randint draws; names in scikit-learn's order.
 */
class ParameterSamplerTest {
    @Test
    void drawsWhatScikitLearnDraws() {
        int i = 0;
        for (JsonNode c : SelectionFixtures.load("parameter_sampler")) {
            List<Map<String, ParamDistribution>> dists = c.has("grid")
                    ? toChoices(SelectionFixtures.grid(c.get("grid"))) : SelectionFixtures.distributions(c.get("distributions"));
            List<Map<String, Object>> got = ParameterSampler.sample(dists, c.get("n_iter").intValue(),
                    c.get("random_state").longValue(), null);
            List<Map<String, Object>> expected = new ArrayList<>();
            c.get("params").forEach(p -> expected.add(SelectionFixtures.params(p)));
            assertEquals(expected.size(), got.size(), "case " + i);
            for (int k = 0; k < got.size(); k++) {
                assertEquals(SelectionFixtures.entries(expected.get(k)), SelectionFixtures.entries(got.get(k)), "case " + i + " draw " + k);
            }
            i++;
        }
        assertEquals(7, i);
    }

    @Test
    void aGridSmallerThanNIterWarnsAndRunsItAll() {
        List<String> warnings = new ArrayList<>();
        List<Map<String, Object>> got = ParameterSampler.sample(
                List.of(Map.of("C", ParamDistribution.choice(List.of(1, 2, 3)))), 5, 0, warnings);
        assertEquals(3, got.size());
        assertEquals(List.of("The total space of parameters 3 is smaller than n_iter=5. Running 3 iterations. "
                + "For exhaustive searches, use GridSearchCV."), warnings);
    }

    private static List<Map<String, ParamDistribution>> toChoices(List<Map<String, List<?>>> grid) {
        List<Map<String, ParamDistribution>> out = new ArrayList<>();
        for (Map<String, List<?>> g : grid) {
            Map<String, ParamDistribution> m = new java.util.LinkedHashMap<>();
            g.forEach((k, v) -> m.put(k, ParamDistribution.choice(v)));
            out.add(m);
        }
        return out;
    }
}
