package dev.petal.selection;

import java.util.List;

/**
 * What {@link ParameterSampler} draws one parameter from: a list of values (picked uniformly) or one
 * of scipy.stats' distributions, each drawing from numpy's legacy generator exactly as its
 * {@code rvs(random_state=rng)} does.
 */
public sealed interface ParamDistribution {
    /** A uniform pick from the listed values ({@code v[rng.randint(len(v))]}). */
    record Choice(List<Object> values) implements ParamDistribution {
        /** Copies the values; refuses an empty list. */
        public Choice {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("A list of parameter values must not be empty.");
            }
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }

    /** {@code scipy.stats.uniform(loc, scale)}: {@code loc + scale * u}, u uniform in [0, 1). */
    record Uniform(double loc, double scale) implements ParamDistribution {
    }

    /** {@code scipy.stats.loguniform(a, b)}: {@code a * (b / a) ** u}, u uniform in [0, 1). */
    record LogUniform(double a, double b) implements ParamDistribution {
        /** Refuses bounds that are not 0 &lt; a &lt; b. */
        public LogUniform {
            if (!(a > 0 && b > a)) {
                throw new IllegalArgumentException("loguniform(a, b) needs 0 < a < b, got a=" + a + ", b=" + b + ".");
            }
        }
    }

    /** {@code scipy.stats.randint(low, high)}: an integer in [low, high). */
    record RandInt(long low, long high) implements ParamDistribution {
        /** Refuses an empty range. */
        public RandInt {
            if (high <= low) {
                throw new IllegalArgumentException("randint(low, high) needs low < high, got low=" + low + ", high=" + high + ".");
            }
        }
    }

    /** A list of values. */
    static ParamDistribution choice(List<?> values) {
        return new Choice(new java.util.ArrayList<>(values));
    }

    /** Draws one value with {@code rng}, consuming exactly the draws scipy's {@code rvs} consumes. */
    default Object draw(RandomState rng) {
        if (this instanceof Choice c) {
            return c.values().get((int) rng.randint(c.values().size()));
        }
        if (this instanceof Uniform u) {
            return rng.uniform(0.0, 1.0) * u.scale() + u.loc();
        }
        if (this instanceof LogUniform l) {
            double q = rng.uniform(0.0, 1.0);
            return l.a() * RoundedPow.pow(l.b() * 1.0 / l.a(), q) * 1.0 + 0.0;
        }
        RandInt r = (RandInt) this;
        return r.low() + rng.randint(r.high() - r.low());
    }
}
