package dev.petal.selection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * scikit-learn's {@code ParameterGrid}: every combination of the listed values, sub-grid after
 * sub-grid, each sub-grid's names sorted and the last name varying fastest ({@code itertools.product}
 * over the sorted items). An empty sub-grid is one candidate with no parameters.
 */
public final class ParameterGrid {
    private final List<Map<String, List<Object>>> grids;

    private ParameterGrid(List<Map<String, List<Object>>> grids) {
        this.grids = grids;
    }

    /** A grid of one sub-grid, e.g. {@code {"C": [0.1, 1, 10], "kernel": ["linear", "rbf"]}}. */
    public static ParameterGrid of(Map<String, ? extends List<?>> grid) {
        return of(List.of(grid));
    }

    /**
     * A grid of several sub-grids (scikit-learn's list of dicts).
     *
     * @throws IllegalArgumentException for a parameter with no values, in scikit-learn's words
     */
    public static ParameterGrid of(List<? extends Map<String, ? extends List<?>>> grids) {
        List<Map<String, List<Object>>> copy = new ArrayList<>();
        for (Map<String, ? extends List<?>> g : grids) {
            Map<String, List<Object>> sorted = new TreeMap<>();
            for (Map.Entry<String, ? extends List<?>> e : g.entrySet()) {
                if (e.getValue() == null || e.getValue().isEmpty()) {
                    throw new IllegalArgumentException("Parameter grid for parameter '" + e.getKey()
                            + "' need to be a non-empty sequence, got: []");
                }
                sorted.put(e.getKey(), Collections.unmodifiableList(new ArrayList<>(e.getValue())));
            }
            copy.add(Collections.unmodifiableMap(sorted));
        }
        return new ParameterGrid(List.copyOf(copy));
    }

    /** The sub-grids, each with its names sorted. */
    public List<Map<String, List<Object>>> grids() {
        return grids;
    }

    /** The number of candidates. */
    public int size() {
        long total = 0;
        for (Map<String, List<Object>> g : grids) {
            long n = 1;
            for (List<Object> v : g.values()) {
                n *= v.size();
            }
            total += n;
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("The parameter grid has " + total + " candidates, more than Petal can search.");
        }
        return (int) total;
    }

    /** Every candidate in scikit-learn's order, each with its names sorted. */
    public List<Map<String, Object>> candidates() {
        List<Map<String, Object>> out = new ArrayList<>(size());
        for (Map<String, List<Object>> g : grids) {
            List<String> keys = new ArrayList<>(g.keySet());
            int[] idx = new int[keys.size()];
            while (true) {
                Map<String, Object> c = new LinkedHashMap<>();
                for (int k = 0; k < keys.size(); k++) {
                    c.put(keys.get(k), g.get(keys.get(k)).get(idx[k]));
                }
                out.add(Collections.unmodifiableMap(c));
                int k = keys.size() - 1;
                while (k >= 0 && ++idx[k] == g.get(keys.get(k)).size()) {
                    idx[k] = 0;
                    k--;
                }
                if (k < 0) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * {@code ParameterGrid.__getitem__(index)}: the candidate at {@code index} without listing the others;
     * its names come in reverse sorted order, as scikit-learn builds that dict.
     */
    public Map<String, Object> get(int index) {
        int ind = index;
        for (Map<String, List<Object>> g : grids) {
            if (g.isEmpty()) {
                if (ind == 0) {
                    return Map.of();
                }
                ind--;
                continue;
            }
            List<String> keys = new ArrayList<>(g.keySet());
            Collections.reverse(keys);
            long total = 1;
            for (List<Object> v : g.values()) {
                total *= v.size();
            }
            if (ind >= total) {
                ind -= (int) total;
                continue;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (String key : keys) {
                List<Object> values = g.get(key);
                out.put(key, values.get(ind % values.size()));
                ind /= values.size();
            }
            return Collections.unmodifiableMap(out);
        }
        throw new IndexOutOfBoundsException("ParameterGrid index out of range");
    }
}
