package dev.petal.tuning;

import dev.petal.tracking.ScriptRunConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * A hyperparameter sweep, Azure's {@code HyperDriveConfig}: the script to run, how to sample its
 * hyperparameters, the early-termination policy, the primary metric and its goal, and the budget.
 * Each child run gets the script's arguments followed by {@code --NAME value} for every sampled
 * hyperparameter.
 *
 * @param runConfig the script run each child starts from
 * @param sampling grid, random or Bayesian sampling over the search space
 * @param policy the early-termination policy ({@link EarlyTerminationPolicy#none()} for none; Bayesian sampling allows only none)
 * @param primaryMetricName the metric the script logs with {@code run.log}, exactly as named
 * @param goal maximize or minimize the primary metric
 * @param maxTotalRuns at most this many children, 1 to 1000
 * @param maxConcurrentRuns at most this many children at once, 1 to 100
 * @param maxDuration the sweep's time limit; children still running then are canceled (Azure's default: 10080 minutes)
 */
public record HyperDriveConfig(ScriptRunConfig runConfig, ParameterSampling sampling, EarlyTerminationPolicy policy,
                               String primaryMetricName, PrimaryMetricGoal goal, int maxTotalRuns,
                               int maxConcurrentRuns, Duration maxDuration) {
    /** Azure's default {@code max_duration_minutes}: 10080 minutes (one week). */
    public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(10080);

    /** Validates the budget and refuses early termination with Bayesian sampling. */
    public HyperDriveConfig {
        Objects.requireNonNull(runConfig, "runConfig");
        Objects.requireNonNull(sampling, "sampling");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(maxDuration, "maxDuration");
        if (primaryMetricName == null || primaryMetricName.isBlank()) {
            throw new IllegalArgumentException("The primary metric name of HyperDriveConfig must be the name the script logs,"
                    + " such as Accuracy; got an empty name.");
        }
        if (maxTotalRuns < 1 || maxTotalRuns > 1000) {
            throw new IllegalArgumentException("The 'max_total_runs' parameter of HyperDriveConfig must be an int in the range"
                    + " [1, 1000]. Got " + maxTotalRuns + " instead.");
        }
        if (maxConcurrentRuns < 1 || maxConcurrentRuns > 100) {
            throw new IllegalArgumentException("The 'max_concurrent_runs' parameter of HyperDriveConfig must be an int in the"
                    + " range [1, 100]. Got " + maxConcurrentRuns + " instead.");
        }
        if (maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("The 'max_duration' of HyperDriveConfig must be positive. Got " + maxDuration + " instead.");
        }
        if (!sampling.supportsEarlyTermination() && !(policy instanceof NoTerminationPolicy)) {
            throw new IllegalArgumentException("Bayesian sampling does not support early termination; use no policy"
                    + " (--policy none) with --sampling bayesian.");
        }
    }

    /**
     * A sweep with no early termination, {@code min(maxTotalRuns, 100)} runs at once (Azure runs
     * all in parallel when unset) and the default time limit.
     */
    public static HyperDriveConfig of(ScriptRunConfig runConfig, ParameterSampling sampling, String primaryMetricName,
                                      PrimaryMetricGoal goal, int maxTotalRuns) {
        return new HyperDriveConfig(runConfig, sampling, EarlyTerminationPolicy.none(), primaryMetricName, goal, maxTotalRuns,
                Math.max(1, Math.min(maxTotalRuns, 100)), DEFAULT_MAX_DURATION);
    }

    /** A copy with this early-termination policy. */
    public HyperDriveConfig withPolicy(EarlyTerminationPolicy p) {
        return new HyperDriveConfig(runConfig, sampling, p, primaryMetricName, goal, maxTotalRuns, maxConcurrentRuns, maxDuration);
    }

    /** A copy with this concurrency limit. */
    public HyperDriveConfig withMaxConcurrentRuns(int k) {
        return new HyperDriveConfig(runConfig, sampling, policy, primaryMetricName, goal, maxTotalRuns, k, maxDuration);
    }

    /** A copy with this time limit. */
    public HyperDriveConfig withMaxDuration(Duration d) {
        return new HyperDriveConfig(runConfig, sampling, policy, primaryMetricName, goal, maxTotalRuns, maxConcurrentRuns, d);
    }
}
