package dev.petal.tuning;

/**
 * Cuts poorly performing child runs early, as Azure's HyperDrive policies do. Each time a run
 * logs the primary metric counts as one interval; a policy is applied to that run at interval
 * {@code N} when {@code N} is a multiple of {@link #evaluationInterval()} and at least
 * {@link #delayEvaluation()}. A cut run ends {@code Canceled}.
 */
public sealed interface EarlyTerminationPolicy
        permits BanditPolicy, MedianStoppingPolicy, TruncationSelectionPolicy, NoTerminationPolicy {

    /** How often the policy is applied, in intervals (at least 1). */
    int evaluationInterval();

    /** The number of intervals before the first evaluation (at least 0). */
    int delayEvaluation();

    /** The policy as {@code petal tune --policy} spells it; {@link #parse} reads it back. */
    String spec();

    /** True when the policy is applied at interval {@code n}. */
    default boolean appliesAt(int n) {
        return n >= 1 && n % evaluationInterval() == 0 && n >= delayEvaluation();
    }

    /**
     * Whether {@code run}, which has just logged its latest primary-metric value, is to be cut,
     * judged at its current interval against the other runs in {@code streams}.
     * Returns false when the policy does not apply at that interval.
     */
    boolean shouldTerminate(String run, MetricStreams streams, PrimaryMetricGoal goal);

    /** The policy that never cuts a run (Azure's {@code policy=None}). */
    static EarlyTerminationPolicy none() {
        return NoTerminationPolicy.INSTANCE;
    }

    /** Reads a CLI policy spec such as {@code bandit:slack_factor=0.1,evaluation_interval=1,delay_evaluation=5}. */
    static EarlyTerminationPolicy parse(String spec) {
        return PolicySpecParser.parse(spec);
    }

    /** Refuses an evaluation interval below 1 or a negative delay, naming the policy. */
    static void checkSchedule(String owner, int evaluationInterval, int delayEvaluation) {
        if (evaluationInterval < 1) {
            throw new IllegalArgumentException("The 'evaluation_interval' parameter of " + owner
                    + " must be an int in the range [1, inf). Got " + evaluationInterval + " instead.");
        }
        if (delayEvaluation < 0) {
            throw new IllegalArgumentException("The 'delay_evaluation' parameter of " + owner
                    + " must be an int in the range [0, inf). Got " + delayEvaluation + " instead.");
        }
    }
}
