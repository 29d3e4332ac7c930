package dev.petal.cli;

import dev.petal.selection.ParamDistribution;
import dev.petal.tuning.ExpressionParser;
import dev.petal.tuning.ParameterExpression;
import dev.petal.tuning.ParameterValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * {@code petal cv}'s {@code --param NAME=EXPR} values. {@code choice(a, b, ...)} lists values (a grid
 * dimension for GridSearchCV, a uniform pick for RandomizedSearchCV); with {@code --n-iter} a value may also be
 * one of scipy.stats' distributions, with scipy's arguments as RandomizedSearchCV takes them:
 * {@code uniform(loc, scale)} (values in [loc, loc + scale)), {@code loguniform(a, b)} (values in [a, b)),
 * {@code randint(low, high)} (integers in [low, high)). These are not {@code petal tune}'s HyperDrive
 * expressions, whose {@code uniform(low, high)} and {@code loguniform(low, high)} read their bounds otherwise.
 */
final class CvParams {
    private static final Pattern DISTRIBUTION = Pattern.compile("(uniform|loguniform|randint)\\s*\\((.*)\\)");

    private final Map<String, Object> values;

    private CvParams(Map<String, Object> values) {
        this.values = values;
    }

    /** Parses the flags in order; a name given twice, a malformed flag or an empty choice is one usage line. */
    static CvParams parse(CommandLine cl, List<String> flags) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String p : flags) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(cl, "--param must be NAME=choice(a, b, ...), such as "
                        + "C=choice(0.1, 1, 10); got '" + p + "'");
            }
            String name = p.substring(0, eq).strip();
            String expr = p.substring(eq + 1).strip();
            if (values.containsKey(name)) {
                throw new CommandLine.ParameterException(cl, "--param " + name + " is given twice; list all its values in one choice(...)");
            }
            values.put(name, value(cl, name, expr));
        }
        return new CvParams(values);
    }

    private static Object value(CommandLine cl, String name, String expr) {
        if (expr.replace(" ", "").equals("choice()")) {
            throw new CommandLine.ParameterException(cl, "Parameter grid for parameter '" + name
                    + "' need to be a non-empty sequence, got: []");
        }
        Matcher m = DISTRIBUTION.matcher(expr);
        if (m.matches()) {
            return distribution(cl, name, m.group(1), m.group(2));
        }
        ParameterExpression e;
        try {
            e = ExpressionParser.parse(expr);
        } catch (IllegalArgumentException ex) {
            throw new CommandLine.ParameterException(cl, "--param " + name + ": " + ex.getMessage());
        }
        if (!(e instanceof ParameterExpression.Choice c)) {
            throw new CommandLine.ParameterException(cl, "--param " + name + ": petal cv takes choice(a, b, ...), and with "
                    + "--n-iter uniform(loc, scale), loguniform(a, b) or randint(low, high); got " + e.expression());
        }
        return c.values().stream().map(CvParams::plain).toList();
    }

    private static ParamDistribution distribution(CommandLine cl, String name, String kind, String args) {
        String[] parts = args.split(",", -1);
        String usage = kind + (kind.equals("uniform") ? "(loc, scale)" : kind.equals("loguniform") ? "(a, b)" : "(low, high)");
        if (parts.length != 2) {
            throw new CommandLine.ParameterException(cl, "--param " + name + ": " + usage + " takes two numbers; got "
                    + kind + "(" + args + ")");
        }
        try {
            if (kind.equals("randint")) {
                return new ParamDistribution.RandInt(Long.parseLong(parts[0].strip()), Long.parseLong(parts[1].strip()));
            }
            double a = Double.parseDouble(parts[0].strip());
            double b = Double.parseDouble(parts[1].strip());
            if (!Double.isFinite(a) || !Double.isFinite(b)) {
                throw new IllegalArgumentException(usage + " needs finite numbers");
            }
            if (kind.equals("uniform")) {
                if (!(b > 0)) {
                    throw new IllegalArgumentException("uniform(loc, scale) needs scale > 0, got scale=" + parts[1].strip());
                }
                return new ParamDistribution.Uniform(a, b);
            }
            return new ParamDistribution.LogUniform(a, b);
        } catch (NumberFormatException ex) {
            throw new CommandLine.ParameterException(cl, "--param " + name + ": " + usage + " takes "
                    + (kind.equals("randint") ? "two integers" : "two numbers") + "; got " + kind + "(" + args + ")");
        } catch (IllegalArgumentException ex) {
            throw new CommandLine.ParameterException(cl, "--param " + name + ": " + ex.getMessage());
        }
    }

    /** A choice value as plain data: True/False/None as Python spells them, integers, floats, text. */
    private static Object plain(ParameterValue v) {
        if (v instanceof ParameterValue.Int i) {
            return i.value();
        }
        if (v instanceof ParameterValue.Real r) {
            return r.value();
        }
        String t = ((ParameterValue.Text) v).value();
        return switch (t) {
            case "True", "true" -> Boolean.TRUE;
            case "False", "false" -> Boolean.FALSE;
            case "None" -> null;
            default -> t;
        };
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    /** The parameter names, in the order given. */
    java.util.Set<String> names() {
        return values.keySet();
    }

    /** The first name whose value is a distribution (needs --n-iter), or null. */
    String firstDistribution() {
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (e.getValue() instanceof ParamDistribution) {
                return e.getKey();
            }
        }
        return null;
    }

    /** The grid: every value is a list (call only when {@link #firstDistribution()} is null). */
    @SuppressWarnings("unchecked")
    Map<String, List<?>> grid() {
        Map<String, List<?>> g = new LinkedHashMap<>();
        values.forEach((k, v) -> g.put(k, (List<?>) v));
        return g;
    }

    /** The distributions: lists as uniform picks. */
    @SuppressWarnings("unchecked")
    Map<String, ParamDistribution> distributions() {
        Map<String, ParamDistribution> d = new LinkedHashMap<>();
        values.forEach((k, v) -> d.put(k, v instanceof ParamDistribution p ? p : ParamDistribution.choice((List<Object>) v)));
        return d;
    }
}
