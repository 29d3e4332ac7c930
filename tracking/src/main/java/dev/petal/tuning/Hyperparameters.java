package dev.petal.tuning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One sampled configuration: each hyperparameter name with its value, in the search space's order. */
public record Hyperparameters(Map<String, ParameterValue> values) {

    /** Copies the values, keeping their order. */
    public Hyperparameters {
        Objects.requireNonNull(values, "values");
        values.forEach((k, v) -> Objects.requireNonNull(v, () -> "the value of hyperparameter '" + k + "'"));
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of one hyperparameter; an unknown name refuses. */
    public ParameterValue get(String name) {
        ParameterValue v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("No hyperparameter named '" + name + "'; known: " + values.keySet() + ".");
        }
        return v;
    }

    /**
     * The script arguments: {@code --NAME value} for each hyperparameter (a name that already
     * starts with '-', as in Azure's {@code "--kernel"} keys, is used as it is).
     */
    public List<String> arguments() {
        List<String> out = new ArrayList<>(values.size() * 2);
        values.forEach((name, v) -> {
            out.add(name.startsWith("-") ? name : "--" + name);
            out.add(v.text());
        });
        return List.copyOf(out);
    }

    /** The values as plain Java objects (String, Long, Double) for JSON, in order. */
    public Map<String, Object> toJava() {
        Map<String, Object> m = new LinkedHashMap<>();
        values.forEach((k, v) -> m.put(k, v.toJava()));
        return Collections.unmodifiableMap(m);
    }
}
