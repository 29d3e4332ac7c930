package dev.petal.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads parameter expressions from command-line text: {@code choice(linear, 'rbf', 0.5, 1)},
 * {@code choice(range(1, 5))}, {@code randint(10)}, {@code uniform(0.05, 0.1)},
 * {@code loguniform(-6, -1)}, {@code quniform(1, 10, 1)}, {@code normal(10, 3)} and the rest.
 * Inside {@code choice}, a quoted value is a string, an unquoted one is an integer or a real
 * number where it reads as one, otherwise a string. Every error names the expression.
 */
public final class ExpressionParser {
    private static final Map<String, String> SIGNATURES = Map.of(
            "randint", "randint(upper)",
            "uniform", "uniform(low, high)",
            "loguniform", "loguniform(low, high)",
            "normal", "normal(mu, sigma)",
            "lognormal", "lognormal(mu, sigma)",
            "quniform", "quniform(low, high, q)",
            "qloguniform", "qloguniform(low, high, q)",
            "qnormal", "qnormal(mu, sigma, q)",
            "qlognormal", "qlognormal(mu, sigma, q)");
    private static final String KNOWN =
            "choice, randint, uniform, loguniform, normal, lognormal, quniform, qloguniform, qnormal, qlognormal";

    private ExpressionParser() {
    }

    /** Parses one expression such as {@code uniform(0, 1)}. */
    public static ParameterExpression parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Cannot parse parameter expression '': it is empty (expected e.g. choice(a, b) or uniform(0, 1)).");
        }
        String s = text.strip();
        int open = s.indexOf('(');
        if (open < 0 || !s.endsWith(")")) {
            throw error(text, "expected FUNCTION(ARGS) with FUNCTION one of " + KNOWN);
        }
        String function = s.substring(0, open).strip();
        String body = s.substring(open + 1, s.length() - 1);
        List<String> args = splitArguments(text, body);
        if (function.equals("choice")) {
            return new ParameterExpression.Choice(choiceValues(text, args));
        }
        String signature = SIGNATURES.get(function);
        if (signature == null) {
            throw error(text, "unknown function '" + function + "' (expected one of " + KNOWN + ")");
        }
        int arity = signature.split(",").length;
        if (args.size() != arity) {
            throw error(text, function + " takes " + arity + " argument" + (arity == 1 ? "" : "s") + ", "
                    + signature + ", got " + args.size());
        }
        double[] v = new double[arity];
        for (int i = 0; i < arity; i++) {
            v[i] = number(text, function, args.get(i));
        }
        return switch (function) {
            case "randint" -> new ParameterExpression.RandInt(integer(text, args.get(0)));
            case "uniform" -> new ParameterExpression.Uniform(v[0], v[1]);
            case "loguniform" -> new ParameterExpression.LogUniform(v[0], v[1]);
            case "normal" -> new ParameterExpression.Normal(v[0], v[1]);
            case "lognormal" -> new ParameterExpression.LogNormal(v[0], v[1]);
            case "quniform" -> new ParameterExpression.QUniform(v[0], v[1], v[2]);
            case "qloguniform" -> new ParameterExpression.QLogUniform(v[0], v[1], v[2]);
            case "qnormal" -> new ParameterExpression.QNormal(v[0], v[1], v[2]);
            default -> new ParameterExpression.QLogNormal(v[0], v[1], v[2]);
        };
    }

    /** Parses {@code NAME=EXPR}, as given to {@code petal tune --param}, into a name and its expression. */
    public static Map.Entry<String, ParameterExpression> parseAssignment(String text) {
        int eq = text == null ? -1 : text.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("Cannot parse parameter '" + text
                    + "': expected NAME=EXPR, such as kernel=choice(linear, rbf).");
        }
        String name = text.substring(0, eq).strip();
        SearchSpace.checkName(name);
        return Map.entry(name, parse(text.substring(eq + 1)));
    }

    private static List<ParameterValue> choiceValues(String text, List<String> args) {
        if (args.isEmpty()) {
            throw error(text, "choice needs at least one value");
        }
        List<ParameterValue> values = new ArrayList<>();
        for (String a : args) {
            if (a.startsWith("range(") && a.endsWith(")")) {
                values.addAll(range(text, splitArguments(text, a.substring(6, a.length() - 1))));
            } else {
                values.add(literal(text, a));
            }
        }
        return values;
    }

    private static List<ParameterValue> range(String text, List<String> args) {
        if (args.isEmpty() || args.size() > 3) {
            throw error(text, "range takes 1 to 3 integer arguments, range([start,] stop[, step]), got " + args.size());
        }
        long start = args.size() == 1 ? 0 : integer(text, args.get(0));
        long stop = integer(text, args.get(args.size() == 1 ? 0 : 1));
        long step = args.size() == 3 ? integer(text, args.get(2)) : 1;
        if (step == 0) {
            throw error(text, "range step must not be zero");
        }
        List<ParameterValue> out = new ArrayList<>();
        for (long i = start; step > 0 ? i < stop : i > stop; i += step) {
            out.add(ParameterValue.of(i));
            if (out.size() > 100_000) {
                throw error(text, "range has more than 100000 values");
            }
        }
        if (out.isEmpty()) {
            throw error(text, "range(" + String.join(", ", args) + ") is empty");
        }
        return out;
    }

    private static ParameterValue literal(String text, String a) {
        if (a.length() >= 2 && (a.charAt(0) == '\'' || a.charAt(0) == '"')) {
            if (a.charAt(a.length() - 1) != a.charAt(0)) {
                throw error(text, "unterminated quoted value " + a);
            }
            return ParameterValue.of(a.substring(1, a.length() - 1));
        }
        if (a.isEmpty()) {
            throw error(text, "empty value in choice");
        }
        if (a.matches("[+-]?\\d{1,18}")) {
            return ParameterValue.of(Long.parseLong(a));
        }
        if (a.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            double d = Double.parseDouble(a);
            if (Double.isFinite(d)) {
                return ParameterValue.of(d);
            }
        }
        return ParameterValue.of(a);
    }

    private static double number(String text, String function, String a) {
        if (a.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            double d = Double.parseDouble(a);
            if (Double.isFinite(d)) {
                return d;
            }
        }
        throw error(text, function + " expects numbers, got '" + a + "'");
    }

    private static long integer(String text, String a) {
        if (!a.matches("[+-]?\\d{1,18}")) {
            throw error(text, "expected an integer, got '" + a + "'");
        }
        return Long.parseLong(a);
    }

    /** Splits on top-level commas, respecting quotes and parentheses; strips each part. */
    private static List<String> splitArguments(String text, String body) {
        List<String> parts = new ArrayList<>();
        if (body.isBlank()) {
            return parts;
        }
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth < 0) {
                    throw error(text, "unbalanced parentheses");
                }
            } else if (c == ',' && depth == 0) {
                parts.add(cur.toString().strip());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        if (quote != 0) {
            throw error(text, "unterminated quote");
        }
        if (depth != 0) {
            throw error(text, "unbalanced parentheses");
        }
        parts.add(cur.toString().strip());
        return parts;
    }

    private static IllegalArgumentException error(String text, String why) {
        return new IllegalArgumentException("Cannot parse parameter expression '" + text.strip() + "': " + why + ".");
    }
}
