package dev.petal.tuning;

import dev.petal.tracking.Metric;
import dev.petal.tracking.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A tracked child {@link Run} seen as a {@link Trial}: its primary metric is read from the run's metric history. */
final class RunTrial implements Trial {
    private final Run run;
    private final String primaryMetricName;

    RunTrial(Run run, String primaryMetricName) {
        this.run = Objects.requireNonNull(run, "run");
        this.primaryMetricName = Objects.requireNonNull(primaryMetricName, "primaryMetricName");
    }

    Run run() {
        return run;
    }

    @Override
    public String id() {
        return run.id();
    }

    @Override
    public List<Double> primaryMetricValues() {
        return primaryValues(run, primaryMetricName);
    }

    /** The numeric values of {@code name} that {@code run} logged, in order. */
    static List<Double> primaryValues(Run run, String name) {
        List<Double> out = new ArrayList<>();
        for (Metric m : run.getMetricHistory(name)) {
            if (m.isNumber()) {
                out.add(m.asDouble());
            }
        }
        return out;
    }

    @Override
    public TrialState state() {
        return switch (run.getStatus()) {
            case COMPLETED -> TrialState.COMPLETED;
            case FAILED -> TrialState.FAILED;
            case CANCELED -> TrialState.CANCELED;
            default -> TrialState.RUNNING;
        };
    }

    @Override
    public void cancel() {
        try {
            run.cancel();
        } catch (IllegalStateException alreadyEnded) {
            // the run finished between the decision and the request: nothing to cancel
        }
    }
}
