package dev.petal.tuning;

import java.util.Objects;

/**
 * A finished trial as a sampler sees it: its configuration and its best primary metric value
 * ({@code NaN} when the run never logged the metric, e.g. it failed early).
 */
public record Observation(Hyperparameters hyperparameters, double value) {
    /** Refuses a null configuration. */
    public Observation {
        Objects.requireNonNull(hyperparameters, "hyperparameters");
    }

    /** True when the run logged the primary metric. */
    public boolean hasValue() {
        return !Double.isNaN(value);
    }
}
