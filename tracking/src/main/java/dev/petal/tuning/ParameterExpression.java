package dev.petal.tuning;

import dev.petal.check.PyRepr;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A hyperparameter's distribution, with the semantics of Azure ML's
 * {@code azureml.train.hyperdrive.parameter_expressions}: {@code choice}, {@code randint},
 * {@code uniform}, {@code loguniform}, {@code normal}, {@code lognormal} and their quantized
 * forms. As in Azure, {@code loguniform(low, high)} takes exponents: it returns
 * {@code exp(uniform(low, high))}. Quantized forms return {@code round(x / q) * q} with
 * round-half-to-even (numpy's {@code round}); when {@code q} is a whole number the value is an
 * integer, so {@code quniform(1, 10, 1)} reaches a script as {@code 3}, not {@code 3.0}.
 */
public sealed interface ParameterExpression {

    /** Draws one value. */
    ParameterValue sample(Random rng);

    /** The expression in Azure's syntax, such as {@code uniform(0.05, 0.1)}. */
    String expression();

    /** {@code choice(v1, v2, ...)}: one of the listed values. */
    record Choice(List<ParameterValue> values) implements ParameterExpression {
        /** Requires at least one value; copies the list. */
        public Choice {
            if (values == null || values.isEmpty()) {
                throw new IllegalArgumentException("Invalid parameter expression choice(): choice needs at least one value.");
            }
            values = List.copyOf(values);
        }

        /** A choice among the given values. */
        public static Choice of(ParameterValue... values) {
            return new Choice(List.of(values));
        }

        @Override
        public ParameterValue sample(Random rng) {
            return values.get(rng.nextInt(values.size()));
        }

        @Override
        public String expression() {
            return "choice(" + values.stream().map(Choice::literal).collect(Collectors.joining(", ")) + ")";
        }

        private static String literal(ParameterValue v) {
            return v instanceof ParameterValue.Text t ? "'" + t.value() + "'" : v.text();
        }
    }

    /** {@code randint(upper)}: an integer in [0, upper). */
    record RandInt(long upper) implements ParameterExpression {
        /** Requires {@code upper >= 1}. */
        public RandInt {
            if (upper < 1) {
                throw bad("randint(" + upper + ")", "upper must be at least 1");
            }
        }

        @Override
        public ParameterValue sample(Random rng) {
            return ParameterValue.of(rng.nextLong(upper));
        }

        @Override
        public String expression() {
            return "randint(" + upper + ")";
        }
    }

    /** {@code uniform(low, high)}: a real number uniformly distributed in [low, high). */
    record Uniform(double low, double high) implements ParameterExpression {
        /** Requires finite bounds with {@code low < high}. */
        public Uniform {
            checkBounds("uniform", low, high, null);
        }

        @Override
        public ParameterValue sample(Random rng) {
            return ParameterValue.of(low + (high - low) * rng.nextDouble());
        }

        @Override
        public String expression() {
            return call("uniform", low, high);
        }
    }

    /** {@code loguniform(low, high)}: {@code exp(uniform(low, high))}; the bounds are exponents. */
    record LogUniform(double low, double high) implements ParameterExpression {
        /** Requires finite bounds with {@code low < high}. */
        public LogUniform {
            checkBounds("loguniform", low, high, null);
        }

        @Override
        public ParameterValue sample(Random rng) {
            return ParameterValue.of(Math.exp(low + (high - low) * rng.nextDouble()));
        }

        @Override
        public String expression() {
            return call("loguniform", low, high);
        }
    }

    /** {@code normal(mu, sigma)}: a normally distributed real number. */
    record Normal(double mu, double sigma) implements ParameterExpression {
        /** Requires a finite {@code mu} and {@code sigma > 0}. */
        public Normal {
            checkNormal("normal", mu, sigma, null);
        }

        @Override
        public ParameterValue sample(Random rng) {
            return ParameterValue.of(mu + sigma * rng.nextGaussian());
        }

        @Override
        public String expression() {
            return call("normal", mu, sigma);
        }
    }

    /** {@code lognormal(mu, sigma)}: {@code exp(normal(mu, sigma))}. */
    record LogNormal(double mu, double sigma) implements ParameterExpression {
        /** Requires a finite {@code mu} and {@code sigma > 0}. */
        public LogNormal {
            checkNormal("lognormal", mu, sigma, null);
        }

        @Override
        public ParameterValue sample(Random rng) {
            return ParameterValue.of(Math.exp(mu + sigma * rng.nextGaussian()));
        }

        @Override
        public String expression() {
            return call("lognormal", mu, sigma);
        }
    }

    /** {@code quniform(low, high, q)}: {@code round(uniform(low, high) / q) * q}. */
    record QUniform(double low, double high, double q) implements ParameterExpression {
        /** Requires finite bounds with {@code low < high} and {@code q > 0}. */
        public QUniform {
            checkBounds("quniform", low, high, q);
        }

        @Override
        public ParameterValue sample(Random rng) {
            return quantized(low + (high - low) * rng.nextDouble());
        }

        /** The value this expression gives for the raw draw {@code x}: {@code round(x / q) * q}. */
        public ParameterValue quantized(double x) {
            return quantize(x, q);
        }

        @Override
        public String expression() {
            return call("quniform", low, high, q);
        }
    }

    /** {@code qloguniform(low, high, q)}: {@code round(exp(uniform(low, high)) / q) * q}. */
    record QLogUniform(double low, double high, double q) implements ParameterExpression {
        /** Requires finite bounds with {@code low < high} and {@code q > 0}. */
        public QLogUniform {
            checkBounds("qloguniform", low, high, q);
        }

        @Override
        public ParameterValue sample(Random rng) {
            return quantize(Math.exp(low + (high - low) * rng.nextDouble()), q);
        }

        @Override
        public String expression() {
            return call("qloguniform", low, high, q);
        }
    }

    /** {@code qnormal(mu, sigma, q)}: {@code round(normal(mu, sigma) / q) * q}. */
    record QNormal(double mu, double sigma, double q) implements ParameterExpression {
        /** Requires a finite {@code mu}, {@code sigma > 0} and {@code q > 0}. */
        public QNormal {
            checkNormal("qnormal", mu, sigma, q);
        }

        @Override
        public ParameterValue sample(Random rng) {
            return quantize(mu + sigma * rng.nextGaussian(), q);
        }

        @Override
        public String expression() {
            return call("qnormal", mu, sigma, q);
        }
    }

    /** {@code qlognormal(mu, sigma, q)}: {@code round(exp(normal(mu, sigma)) / q) * q}. */
    record QLogNormal(double mu, double sigma, double q) implements ParameterExpression {
        /** Requires a finite {@code mu}, {@code sigma > 0} and {@code q > 0}. */
        public QLogNormal {
            checkNormal("qlognormal", mu, sigma, q);
        }

        @Override
        public ParameterValue sample(Random rng) {
            return quantize(Math.exp(mu + sigma * rng.nextGaussian()), q);
        }

        @Override
        public String expression() {
            return call("qlognormal", mu, sigma, q);
        }
    }

    /** {@code round(x / q) * q} with round-half-to-even; an integer value when {@code q} is a whole number. */
    private static ParameterValue quantize(double x, double q) {
        double steps = Math.rint(x / q);
        if (q == Math.rint(q) && Math.abs(steps * q) < 9.0e15) {
            return ParameterValue.of((long) steps * (long) q);
        }
        return ParameterValue.of(steps * q);
    }

    private static void checkBounds(String name, double low, double high, Double q) {
        String text = q == null ? call(name, low, high) : call(name, low, high, q);
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw bad(text, "low and high must be finite numbers");
        }
        if (!(low < high)) {
            throw bad(text, "low must be less than high");
        }
        checkQ(text, q);
    }

    private static void checkNormal(String name, double mu, double sigma, Double q) {
        String text = q == null ? call(name, mu, sigma) : call(name, mu, sigma, q);
        if (!Double.isFinite(mu) || !Double.isFinite(sigma)) {
            throw bad(text, "mu and sigma must be finite numbers");
        }
        if (!(sigma > 0)) {
            throw bad(text, "sigma must be greater than 0");
        }
        checkQ(text, q);
    }

    private static void checkQ(String text, Double q) {
        if (q != null && !(q > 0 && Double.isFinite(q))) {
            throw bad(text, "q must be a finite number greater than 0");
        }
    }

    private static String call(String name, double... args) {
        StringBuilder b = new StringBuilder(name).append('(');
        for (int i = 0; i < args.length; i++) {
            b.append(i == 0 ? "" : ", ").append(PyRepr.of(args[i]));
        }
        return b.append(')').toString();
    }

    private static IllegalArgumentException bad(String expression, String why) {
        return new IllegalArgumentException("Invalid parameter expression " + expression + ": " + why + ".");
    }
}
