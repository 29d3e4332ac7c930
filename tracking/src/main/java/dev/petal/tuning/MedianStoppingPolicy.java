package dev.petal.tuning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Azure's {@code MedianStoppingPolicy} (after Google Vizier's median stopping rule): a run is
 * cut at interval {@code N} when its best value up to {@code N} is strictly worse than the
 * median, across all runs that have logged the metric (itself included), of their running
 * averages over intervals 1..N (over fewer for a run that has logged fewer).
 */
public record MedianStoppingPolicy(int evaluationInterval, int delayEvaluation) implements EarlyTerminationPolicy {

    /** Requires a valid schedule. */
    public MedianStoppingPolicy {
        EarlyTerminationPolicy.checkSchedule("MedianStoppingPolicy", evaluationInterval, delayEvaluation);
    }

    @Override
    public String spec() {
        return "median:evaluation_interval=" + evaluationInterval + ",delay_evaluation=" + delayEvaluation;
    }

    @Override
    public boolean shouldTerminate(String run, MetricStreams streams, PrimaryMetricGoal goal) {
        int n = streams.intervals(run);
        if (!appliesAt(n)) {
            return false;
        }
        List<Double> averages = new ArrayList<>();
        for (String r : streams.values().keySet()) {
            double avg = streams.averageUpTo(r, n);
            if (!Double.isNaN(avg)) {
                averages.add(avg);
            }
        }
        Collections.sort(averages);
        int m = averages.size();
        double median = m % 2 == 1 ? averages.get(m / 2) : (averages.get(m / 2 - 1) + averages.get(m / 2)) / 2;
        return goal.isBetter(median, streams.bestUpTo(run, n, goal));
    }
}
