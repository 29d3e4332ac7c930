package dev.petal.tuning;

import dev.petal.check.PyRepr;
import java.util.Objects;

/**
 * Azure's {@code BanditPolicy}: at interval {@code N}, a run is cut when its best value up to
 * {@code N} is not within the slack of the best value any run reached up to {@code N}. With a
 * slack factor {@code s} and goal maximize the run is cut when {@code best_run < best / (1 + s)}
 * (Azure's example: best 0.8, s = 0.2, cut below 0.667); for minimize when
 * {@code best_run > best * (1 + s)}. With a slack amount {@code a}: cut when
 * {@code best_run < best - a} (maximize) or {@code best_run > best + a} (minimize).
 */
public record BanditPolicy(Slack slack, double amount, int evaluationInterval, int delayEvaluation)
        implements EarlyTerminationPolicy {

    /** Whether the slack is a ratio or an absolute distance. */
    public enum Slack {
        /** {@code slack_factor}: a ratio of the best value. */
        FACTOR,
        /** {@code slack_amount}: an absolute distance from the best value. */
        AMOUNT
    }

    /** Requires a finite non-negative slack and a valid schedule. */
    public BanditPolicy {
        Objects.requireNonNull(slack, "slack");
        String param = slack == Slack.FACTOR ? "slack_factor" : "slack_amount";
        if (!(amount >= 0) || !Double.isFinite(amount)) {
            throw new IllegalArgumentException("The '" + param + "' parameter of BanditPolicy must be a float in the range [0.0, inf). Got "
                    + PyRepr.of(amount) + " instead.");
        }
        EarlyTerminationPolicy.checkSchedule("BanditPolicy", evaluationInterval, delayEvaluation);
    }

    /** A bandit policy with a slack factor. */
    public static BanditPolicy slackFactor(double factor, int evaluationInterval, int delayEvaluation) {
        return new BanditPolicy(Slack.FACTOR, factor, evaluationInterval, delayEvaluation);
    }

    /** A bandit policy with a slack amount. */
    public static BanditPolicy slackAmount(double amount, int evaluationInterval, int delayEvaluation) {
        return new BanditPolicy(Slack.AMOUNT, amount, evaluationInterval, delayEvaluation);
    }

    @Override
    public String spec() {
        return "bandit:" + (slack == Slack.FACTOR ? "slack_factor=" : "slack_amount=") + PyRepr.of(amount)
                + ",evaluation_interval=" + evaluationInterval + ",delay_evaluation=" + delayEvaluation;
    }

    @Override
    public boolean shouldTerminate(String run, MetricStreams streams, PrimaryMetricGoal goal) {
        int n = streams.intervals(run);
        if (!appliesAt(n)) {
            return false;
        }
        double mine = streams.bestUpTo(run, n, goal);
        double best = mine;
        for (String other : streams.values().keySet()) {
            double b = streams.bestUpTo(other, n, goal);
            if (!Double.isNaN(b)) {
                best = goal.better(best, b);
            }
        }
        return goal.isBetter(best, threshold(mine, goal));
    }

    /** The value {@code mine} counts as after the slack: the best value must beat it for a cut. */
    private double threshold(double mine, PrimaryMetricGoal goal) {
        if (slack == Slack.AMOUNT) {
            return goal == PrimaryMetricGoal.MAXIMIZE ? mine + amount : mine - amount;
        }
        return goal == PrimaryMetricGoal.MAXIMIZE ? mine * (1 + amount) : mine / (1 + amount);
    }
}
