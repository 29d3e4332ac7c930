package dev.petal.tuning;

/** The coarse state of a child run that the sweep driver acts on. */
public enum TrialState {
    /** Not finished yet (queued, preparing or running). */
    RUNNING,
    /** Finished normally. */
    COMPLETED,
    /** Finished with an error. */
    FAILED,
    /** Stopped by a policy, by the sweep's cancellation or by its time limit. */
    CANCELED;

    /** True for the three terminal states. */
    public boolean isFinished() {
        return this != RUNNING;
    }
}
