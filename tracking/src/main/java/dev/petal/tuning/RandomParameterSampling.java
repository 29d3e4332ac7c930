package dev.petal.tuning;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/** Independent random draws from every expression of the space, reproducible from {@code seed}. */
public record RandomParameterSampling(SearchSpace space, long seed) implements ParameterSampling {

    /** Refuses a null space. */
    public RandomParameterSampling {
        Objects.requireNonNull(space, "space");
    }

    @Override
    public Sampler sampler(PrimaryMetricGoal goal) {
        Random rng = new Random(seed);
        return (finished, pending) -> Optional.of(draw(space, rng));
    }

    /** One configuration drawn from {@code space}, each hyperparameter in order. */
    static Hyperparameters draw(SearchSpace space, Random rng) {
        Map<String, ParameterValue> m = new LinkedHashMap<>();
        space.parameters().forEach((name, expr) -> m.put(name, expr.sample(rng)));
        return new Hyperparameters(m);
    }

    @Override
    public boolean supportsEarlyTermination() {
        return true;
    }

    @Override
    public String name() {
        return "random";
    }
}
