package dev.petal.selection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * scikit-learn's {@code ParameterSampler}: {@code nIter} candidates drawn with {@code RandomState(seed)}.
 * When every parameter is a list, it samples grid positions without replacement
 * ({@code sample_without_replacement}) and returns those grid points; otherwise each candidate picks a
 * sub-grid ({@code rng.choice}) then draws each parameter in sorted name order.
 */
public final class ParameterSampler {
    private ParameterSampler() {
    }

    /**
     * The sampled candidates, in scikit-learn's order.
     *
     * @param distributions the sub-grids: parameter name to distribution
     * @param nIter         the number of candidates (fewer when an all-list grid is smaller; see {@code warnings})
     * @param seed          {@code random_state}
     * @param warnings      receives scikit-learn's warning when the grid is smaller than {@code nIter}; may be null
     */
    public static List<Map<String, Object>> sample(List<? extends Map<String, ? extends ParamDistribution>> distributions,
                                                   int nIter, long seed, List<String> warnings) {
        if (nIter < 1) {
            throw new IllegalArgumentException("The 'n_iter' parameter of RandomizedSearchCV must be an int in the range "
                    + "[1, inf). Got " + nIter + " instead.");
        }
        if (distributions.isEmpty()) {
            throw new IllegalArgumentException("The parameter distributions are empty: give at least one parameter to sample.");
        }
        RandomState rng = new RandomState(seed);
        boolean allLists = distributions.stream().allMatch(d -> d.values().stream().allMatch(v -> v instanceof ParamDistribution.Choice));
        List<Map<String, Object>> out = new ArrayList<>();
        if (allLists) {
            List<Map<String, List<Object>>> lists = new ArrayList<>();
            for (Map<String, ? extends ParamDistribution> d : distributions) {
                Map<String, List<Object>> g = new TreeMap<>();
                d.forEach((k, v) -> g.put(k, ((ParamDistribution.Choice) v).values()));
                lists.add(g);
            }
            ParameterGrid grid = ParameterGrid.of(lists);
            int size = grid.size();
            int n = nIter;
            if (size < nIter) {
                if (warnings != null) {
                    warnings.add("The total space of parameters " + size + " is smaller than n_iter=" + nIter + ". Running "
                            + size + " iterations. For exhaustive searches, use GridSearchCV.");
                }
                n = size;
            }
            for (int i : sampleWithoutReplacement(size, n, rng)) {
                out.add(grid.get(i));
            }
            return out;
        }
        for (int it = 0; it < nIter; it++) {
            Map<String, ? extends ParamDistribution> d = distributions.get((int) rng.randint(distributions.size()));
            Map<String, Object> params = new LinkedHashMap<>();
            for (Map.Entry<String, ? extends ParamDistribution> e : new TreeMap<String, ParamDistribution>(d).entrySet()) {
                params.put(e.getKey(), e.getValue().draw(rng));
            }
            out.add(Collections.unmodifiableMap(params));
        }
        return out;
    }

    /**
     * scikit-learn's {@code sample_without_replacement(n_population, n_samples, method="auto")}: a
     * permutation's head for ratios in (0.01, 0.99), tracking selection below, reservoir sampling above.
     */
    static int[] sampleWithoutReplacement(int nPopulation, int nSamples, RandomState rng) {
        double ratio = nPopulation != 0 ? (double) nSamples / nPopulation : 1.0;
        int[] out = new int[nSamples];
        if (ratio > 0.01 && ratio < 0.99) {
            System.arraycopy(rng.permutation(nPopulation), 0, out, 0, nSamples);
        } else if (ratio < 0.2) {
            Set<Integer> selected = new HashSet<>();
            for (int i = 0; i < nSamples; i++) {
                int j = (int) rng.randint(nPopulation);
                while (selected.contains(j)) {
                    j = (int) rng.randint(nPopulation);
                }
                selected.add(j);
                out[i] = j;
            }
        } else {
            for (int i = 0; i < nSamples; i++) {
                out[i] = i;
            }
            for (int i = nSamples; i < nPopulation; i++) {
                int j = (int) rng.randint(i + 1);
                if (j < nSamples) {
                    out[j] = i;
                }
            }
        }
        return out;
    }
}
