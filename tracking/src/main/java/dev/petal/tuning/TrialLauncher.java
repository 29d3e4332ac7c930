package dev.petal.tuning;

/** Starts one child run of a sweep with the given hyperparameters, without waiting for it. */
@FunctionalInterface
public interface TrialLauncher {
    /** Starts the {@code index}-th child (0-based) and returns at once. */
    Trial launch(int index, Hyperparameters hyperparameters);
}
