package dev.petal.tuning;

import java.util.Objects;

/** One child of a finished sweep: the trial, its configuration, and whether the policy cut it (and at which interval). */
public record TrialRecord(Trial trial, Hyperparameters hyperparameters, int cutAtInterval) {
    /** Refuses nulls; {@code cutAtInterval} is 0 when the policy did not cut the run. */
    public TrialRecord {
        Objects.requireNonNull(trial, "trial");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
    }

    /** True when the early-termination policy cut this run. */
    public boolean cutByPolicy() {
        return cutAtInterval > 0;
    }
}
