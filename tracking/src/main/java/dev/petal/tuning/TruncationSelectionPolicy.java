package dev.petal.tuning;

/**
 * Azure's {@code TruncationSelectionPolicy}: at interval {@code N} a run is cut when it is among
 * the lowest {@code truncation_percentage} percent of the runs that have reached interval
 * {@code N}, each ranked by its best value up to {@code N} (so a young run is compared with the
 * older runs' performance at the same interval, never with their later one). The number cut is
 * {@code floor(n * percentage / 100)} of the {@code n} runs compared, so a policy never cuts more
 * than its percentage; ties are resolved in the judged run's favour. With
 * {@code excludeFinishedJobs}, finished runs are left out of the comparison.
 */
public record TruncationSelectionPolicy(int truncationPercentage, int evaluationInterval, int delayEvaluation,
                                        boolean excludeFinishedJobs) implements EarlyTerminationPolicy {

    /** Requires a percentage in [1, 99] and a valid schedule. */
    public TruncationSelectionPolicy {
        if (truncationPercentage < 1 || truncationPercentage > 99) {
            throw new IllegalArgumentException("The 'truncation_percentage' parameter of TruncationSelectionPolicy must be an int in the range [1, 99]. Got "
                    + truncationPercentage + " instead.");
        }
        EarlyTerminationPolicy.checkSchedule("TruncationSelectionPolicy", evaluationInterval, delayEvaluation);
    }

    @Override
    public String spec() {
        return "truncation:truncation_percentage=" + truncationPercentage + ",evaluation_interval=" + evaluationInterval
                + ",delay_evaluation=" + delayEvaluation + ",exclude_finished_jobs=" + excludeFinishedJobs;
    }

    @Override
    public boolean shouldTerminate(String run, MetricStreams streams, PrimaryMetricGoal goal) {
        int n = streams.intervals(run);
        if (!appliesAt(n)) {
            return false;
        }
        double mine = streams.bestUpTo(run, n, goal);
        int compared = 1;
        int better = 0;
        for (String other : streams.values().keySet()) {
            if (other.equals(run) || streams.intervals(other) < n
                    || (excludeFinishedJobs && streams.finished().contains(other))) {
                continue;
            }
            compared++;
            if (goal.isBetter(streams.bestUpTo(other, n, goal), mine)) {
                better++;
            }
        }
        int cut = compared * truncationPercentage / 100;
        return cut > 0 && better >= compared - cut;
    }
}
