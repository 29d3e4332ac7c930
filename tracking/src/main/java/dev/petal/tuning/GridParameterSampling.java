package dev.petal.tuning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Exhaustive search over every combination of {@code choice} values, in the order of
 * Python's {@code itertools.product} (the last hyperparameter varies fastest). Only
 * {@code choice} expressions are allowed.
 */
public record GridParameterSampling(SearchSpace space) implements ParameterSampling {

    /** Refuses any expression other than {@code choice}, naming it. */
    public GridParameterSampling {
        Objects.requireNonNull(space, "space");
        space.parameters().forEach((name, expr) -> {
            if (!(expr instanceof ParameterExpression.Choice)) {
                throw new IllegalArgumentException("Grid sampling supports only choice expressions; hyperparameter '"
                        + name + "' is " + expr.expression() + ". Use --sampling random or bayesian for it.");
            }
        });
    }

    /** The number of combinations in the grid. */
    public long size() {
        long n = 1;
        for (ParameterExpression e : space.parameters().values()) {
            n = Math.multiplyExact(n, ((ParameterExpression.Choice) e).values().size());
        }
        return n;
    }

    /** Every combination, in grid order. */
    public List<Hyperparameters> combinations() {
        List<Hyperparameters> out = new ArrayList<>();
        Sampler s = sampler(PrimaryMetricGoal.MAXIMIZE);
        for (Optional<Hyperparameters> h = s.next(List.of(), List.of()); h.isPresent(); h = s.next(List.of(), List.of())) {
            out.add(h.get());
        }
        return out;
    }

    @Override
    public Sampler sampler(PrimaryMetricGoal goal) {
        List<String> names = new ArrayList<>(space.parameters().keySet());
        List<List<ParameterValue>> choices = new ArrayList<>();
        for (String n : names) {
            choices.add(((ParameterExpression.Choice) space.parameters().get(n)).values());
        }
        long total = size();
        return new Sampler() {
            private long index;

            @Override
            public Optional<Hyperparameters> next(List<Observation> finished, List<Hyperparameters> pending) {
                if (index >= total) {
                    return Optional.empty();
                }
                long rest = index++;
                ParameterValue[] picked = new ParameterValue[names.size()];
                for (int i = names.size() - 1; i >= 0; i--) {
                    int k = choices.get(i).size();
                    picked[i] = choices.get(i).get((int) (rest % k));
                    rest /= k;
                }
                Map<String, ParameterValue> m = new LinkedHashMap<>();
                for (int i = 0; i < picked.length; i++) {
                    m.put(names.get(i), picked[i]);
                }
                return Optional.of(new Hyperparameters(m));
            }
        };
    }

    @Override
    public boolean supportsEarlyTermination() {
        return true;
    }

    @Override
    public String name() {
        return "grid";
    }
}
