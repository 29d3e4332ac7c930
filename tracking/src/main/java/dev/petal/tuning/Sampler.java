package dev.petal.tuning;

import java.util.List;
import java.util.Optional;

/** The stateful side of a {@link ParameterSampling}: proposes configurations one at a time. */
public interface Sampler {
    /**
     * The next configuration to run, given the finished trials and those still running;
     * empty when the sampling has nothing more to propose (a grid that is exhausted).
     */
    Optional<Hyperparameters> next(List<Observation> finished, List<Hyperparameters> pending);
}
