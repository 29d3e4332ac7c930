package dev.petal.tuning;

import dev.petal.tracking.RunStatus;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One child of a sweep as Azure's {@code get_children_sorted_by_primary_metric} describes it.
 *
 * @param runId the child run's id
 * @param hyperparameters the sampled configuration it ran with
 * @param bestPrimaryMetric the best value of the primary metric it logged (per the goal), empty when it logged none
 * @param status the child's status
 */
public record ChildRun(String runId, Hyperparameters hyperparameters, OptionalDouble bestPrimaryMetric, RunStatus status) {
    /** Refuses nulls. */
    public ChildRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        Objects.requireNonNull(bestPrimaryMetric, "bestPrimaryMetric");
        Objects.requireNonNull(status, "status");
    }
}
