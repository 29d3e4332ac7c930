package dev.petal.tuning;

/** No early termination: every run goes to completion. Obtain it from {@link EarlyTerminationPolicy#none()}. */
public final class NoTerminationPolicy implements EarlyTerminationPolicy {
    static final NoTerminationPolicy INSTANCE = new NoTerminationPolicy();

    private NoTerminationPolicy() {
    }

    @Override
    public int evaluationInterval() {
        return 1;
    }

    @Override
    public int delayEvaluation() {
        return 0;
    }

    @Override
    public boolean shouldTerminate(String run, MetricStreams streams, PrimaryMetricGoal goal) {
        return false;
    }

    @Override
    public String spec() {
        return "none";
    }

    @Override
    public String toString() {
        return spec();
    }
}
