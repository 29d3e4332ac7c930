package dev.petal.tuning;

import java.util.Objects;

/**
 * A child of an interrupted sweep, as {@link SweepDriver} goes on with it.
 *
 * @param index           the child's index in the sweep (its start order)
 * @param hyperparameters what it ran with
 * @param finished        the child as it ended, or null when it must run again (the sweep's death ended it)
 */
public record PriorTrial(int index, Hyperparameters hyperparameters, Trial finished) {
    /** Checks the parts. */
    public PriorTrial {
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        if (index < 0) {
            throw new IllegalArgumentException("PriorTrial: index must be >= 0, got " + index);
        }
    }
}
