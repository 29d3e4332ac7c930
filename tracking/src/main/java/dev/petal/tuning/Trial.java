package dev.petal.tuning;

import java.util.List;

/** A child run as the sweep driver sees it: its id, its primary-metric values so far, its state, and a way to cancel it. */
public interface Trial {
    /** The child run's id. */
    String id();

    /** The numeric values of the primary metric logged so far, in logging order (a fresh list). */
    List<Double> primaryMetricValues();

    /** The run's current state. */
    TrialState state();

    /** Asks the run to stop; it ends {@link TrialState#CANCELED}. Does nothing once it has finished. */
    void cancel();
}
