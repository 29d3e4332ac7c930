package dev.petal.tuning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an early-termination policy sees: every child run's primary-metric values in the order
 * they were logged (value {@code i} is interval {@code i + 1}), and which runs have finished.
 */
public record MetricStreams(Map<String, List<Double>> values, Set<String> finished) {

    /** Copies the streams; refuses null or non-finite values. */
    public MetricStreams {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(finished, "finished");
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        values.forEach((run, list) -> {
            for (Double v : list) {
                if (v == null || !Double.isFinite(v)) {
                    throw new IllegalArgumentException("Run '" + run + "' has a non-finite primary metric value " + v + ".");
                }
            }
            copy.put(run, List.copyOf(list));
        });
        values = Collections.unmodifiableMap(copy);
        finished = Set.copyOf(finished);
    }

    /** Streams of runs that are all still running. */
    public static MetricStreams of(Map<String, List<Double>> values) {
        return new MetricStreams(values, Set.of());
    }

    /** The number of primary-metric values {@code run} has logged: its current interval. */
    public int intervals(String run) {
        List<Double> v = values.get(run);
        return v == null ? 0 : v.size();
    }

    /** The best of the first {@code upTo} values of {@code run} (fewer if it logged fewer); NaN when it logged none. */
    public double bestUpTo(String run, int upTo, PrimaryMetricGoal goal) {
        List<Double> v = values.getOrDefault(run, List.of());
        double best = Double.NaN;
        for (int i = 0; i < Math.min(upTo, v.size()); i++) {
            best = Double.isNaN(best) ? v.get(i) : goal.better(best, v.get(i));
        }
        return best;
    }

    /** The mean of the first {@code upTo} values of {@code run} (fewer if it logged fewer); NaN when it logged none. */
    public double averageUpTo(String run, int upTo) {
        List<Double> v = values.getOrDefault(run, List.of());
        int n = Math.min(upTo, v.size());
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v.get(i);
        }
        return n == 0 ? Double.NaN : s / n;
    }
}
