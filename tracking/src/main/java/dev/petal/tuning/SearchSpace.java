package dev.petal.tuning;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The hyperparameters to tune, in order: each name with its {@link ParameterExpression}. */
public record SearchSpace(Map<String, ParameterExpression> parameters) {

    /** Requires at least one parameter with valid names; keeps the given order. */
    public SearchSpace {
        Objects.requireNonNull(parameters, "parameters");
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("A search space needs at least one hyperparameter.");
        }
        parameters.forEach((name, expr) -> {
            checkName(name);
            Objects.requireNonNull(expr, () -> "the expression of hyperparameter '" + name + "'");
        });
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A space of one hyperparameter; add more with {@link #and}. */
    public static SearchSpace of(String name, ParameterExpression expression) {
        Map<String, ParameterExpression> m = new LinkedHashMap<>();
        m.put(name, expression);
        return new SearchSpace(m);
    }

    /** This space with one more hyperparameter (its name must be new). */
    public SearchSpace and(String name, ParameterExpression expression) {
        if (parameters.containsKey(name)) {
            throw new IllegalArgumentException("Hyperparameter '" + name + "' is defined twice.");
        }
        Map<String, ParameterExpression> m = new LinkedHashMap<>(parameters);
        m.put(name, expression);
        return new SearchSpace(m);
    }

    /** The number of hyperparameters. */
    public int size() {
        return parameters.size();
    }

    /** Requires a usable hyperparameter name: not blank, no whitespace, no '='. */
    static void checkName(String name) {
        if (name == null || name.isBlank() || name.chars().anyMatch(c -> Character.isWhitespace(c) || c == '=')
                || name.replaceFirst("^-+", "").isEmpty()) {
            throw new IllegalArgumentException("Invalid hyperparameter name '" + name
                    + "': use letters, digits, '_' or '-' (such as kernel or --kernel).");
        }
    }
}
