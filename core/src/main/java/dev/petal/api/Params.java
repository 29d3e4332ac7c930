package dev.petal.api;

import dev.petal.check.PyRepr;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Helpers for {@link HasParams} implementations: converting a plain-data parameter value to the type
 * an estimator needs, with scikit-learn's wording when it does not fit, and the unknown-parameter error.
 */
public final class Params {
    private Params() {
    }

    /**
     * scikit-learn's {@code set_params} error for a name the estimator does not have:
     * {@code Invalid parameter 'foo' for estimator SVC(). Valid parameters are: ['C', 'break_ties', ...].}
     */
    public static IllegalArgumentException unknown(String estimator, String name, Collection<String> valid) {
        return new IllegalArgumentException("Invalid parameter " + repr(name) + " for estimator " + estimator
                + "(). Valid parameters are: " + valid.stream().sorted().map(Params::repr)
                .collect(Collectors.joining(", ", "[", "]")) + ".");
    }

    /** A float parameter: a number, or a string that parses as one. */
    public static double toDouble(String owner, String name, Object value) {
        if (value instanceof Number n && !(value instanceof Boolean)) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw wrongType(owner, name, "a float", value);
    }

    /** An int parameter: an integral number, or a string that parses as one. */
    public static int toInt(String owner, String name, Object value) {
        if (value instanceof Number n && !(value instanceof Boolean)) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
                return (int) d;
            }
        }
        if (value instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw wrongType(owner, name, "an int", value);
    }

    /** A long parameter (a seed), or null when the value is null. */
    public static Long toLongOrNull(String owner, String name, Object value) {
        if (value == null || "None".equals(value)) {
            return null;
        }
        if (value instanceof Number n && !(value instanceof Boolean)) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 0x1p62) {
                return n.longValue();
            }
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw wrongType(owner, name, "an int or None", value);
    }

    /** A bool parameter: a Boolean, or the strings true/false (any case). */
    public static boolean toBoolean(String owner, String name, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            if (s.equalsIgnoreCase("true")) {
                return true;
            }
            if (s.equalsIgnoreCase("false")) {
                return false;
            }
        }
        throw wrongType(owner, name, "a bool", value);
    }

    /** A str parameter: the text of a String (other values are refused). */
    public static String toStr(String owner, String name, Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw wrongType(owner, name, "a str", value);
    }

    /** The error for a value of the wrong type, in scikit-learn's words. */
    public static IllegalArgumentException wrongType(String owner, String name, String expected, Object value) {
        return new IllegalArgumentException("The '" + name + "' parameter of " + owner + " must be " + expected + ". Got "
                + repr(value) + " instead.");
    }

    /** Python's repr of a plain-data value: {@code 'rbf'}, {@code 1.0}, {@code True}, {@code None}. */
    public static String repr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof String s) {
            return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            return PyRepr.of(((Number) value).doubleValue());
        }
        if (value instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> repr(e.getKey()) + ": " + repr(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(value);
    }
}
