package dev.petal.tracking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * MLflow-style run search: a filter such as {@code metrics.Accuracy > 0.9 and params.kernel = 'rbf'} and an
 * ordering such as {@code metrics.Accuracy DESC}. Keys are {@code metrics.NAME} (the latest value),
 * {@code params.NAME}, {@code tags.NAME}, {@code properties.NAME} and the attributes {@code status}, {@code id},
 * {@code experiment}, {@code run_name}, {@code parent_id}, {@code run_type}, {@code start_time}, {@code end_time},
 * {@code created_time} (epoch milliseconds) and {@code duration} (seconds); a name with spaces or operators goes in
 * backquotes or double quotes ({@code metrics.`val loss`}). Comparators: {@code = != < <= > >= LIKE ILIKE}
 * ({@code %} and {@code _} wildcards); clauses are joined with {@code AND}. A grammar error is one
 * IllegalArgumentException naming the position (1-based) and what was expected.
 */
public final class RunSearch {
    private static final List<String> ATTRIBUTES = List.of("status", "id", "run_id", "experiment", "run_name",
            "display_name", "parent_id", "run_type", "start_time", "end_time", "created_time", "duration");
    private static final String OPERATORS = "=, !=, <, <=, >, >=, LIKE or ILIKE";

    private RunSearch() {
    }

    /**
     * What a filter or an ordering looks at.
     *
     * @param details the run's details
     * @param latest the latest value of each metric
     */
    public record Row(RunDetails details, Map<String, Metric> latest) {
        /** Validates. */
        public Row {
            Objects.requireNonNull(details, "details");
            latest = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(latest));
        }
    }

    /** A parsed key: its kind ({@code metrics}, {@code params}, {@code tags}, {@code properties}, {@code attributes}) and name. */
    public record Key(String kind, String name) {
        /** The value this key has in {@code row}: a Double, a String, or null when absent. */
        public Object valueIn(Row row) {
            RunDetails d = row.details();
            return switch (kind) {
                case "metrics" -> {
                    Metric m = row.latest().get(name);
                    yield m == null ? null : m.value() instanceof Number n ? (Object) n.doubleValue()
                            : m.value() instanceof String s ? s : null;
                }
                case "params" -> d.params().get(name);
                case "tags" -> d.tags().get(name);
                case "properties" -> d.properties().get(name);
                default -> switch (name) {
                    case "status" -> d.status().azureName();
                    case "id", "run_id" -> d.id();
                    case "experiment" -> d.experiment();
                    case "run_name", "display_name" -> d.displayName();
                    case "parent_id" -> d.parentId();
                    case "run_type" -> d.runType();
                    case "start_time" -> d.startTime() == null ? null : (Object) (double) d.startTime().toEpochMilli();
                    case "end_time" -> d.endTime() == null ? null : (Object) (double) d.endTime().toEpochMilli();
                    case "created_time" -> (double) d.createdTime().toEpochMilli();
                    case "duration" -> d.startTime() == null ? null : (Object) (d.duration().toMillis() / 1000.0);
                    default -> throw new IllegalStateException(name);
                };
            };
        }

        @Override
        public String toString() {
            return kind.equals("attributes") ? name : kind + "." + name;
        }
    }

    /** Parses a filter; blank text passes every run. */
    public static Predicate<Row> filter(String text) {
        if (text == null || text.isBlank()) {
            return r -> true;
        }
        Parser p = new Parser(text);
        List<Predicate<Row>> clauses = new ArrayList<>();
        clauses.add(p.clause());
        while (!p.atEnd()) {
            int at = p.pos;
            String word = p.word();
            if (word.equalsIgnoreCase("and")) {
                clauses.add(p.clause());
            } else if (word.equalsIgnoreCase("or")) {
                throw p.error(at, "OR is not supported; join comparisons with AND");
            } else {
                throw p.error(at, "expected AND or the end of the filter");
            }
        }
        return r -> {
            for (Predicate<Row> c : clauses) {
                if (!c.test(r)) {
                    return false;
                }
            }
            return true;
        };
    }

    /**
     * Parses an ordering {@code KEY [ASC|DESC]} (ascending by default): numbers compare as numbers, text as text,
     * runs without the key come last either way.
     */
    public static Comparator<Row> order(String text) {
        Parser p = new Parser(text == null ? "" : text);
        p.skipSpace();
        if (p.atEnd()) {
            throw p.error(p.pos, "expected a key such as metrics.Accuracy, params.C or start_time");
        }
        Key key = p.key();
        boolean descending = false;
        if (!p.atEnd()) {
            int at = p.pos;
            String dir = p.word();
            if (dir.equalsIgnoreCase("desc")) {
                descending = true;
            } else if (!dir.equalsIgnoreCase("asc")) {
                throw p.error(at, "expected ASC or DESC");
            }
            if (!p.atEnd()) {
                throw p.error(p.pos, "expected the end of the ordering after ASC or DESC");
            }
        }
        boolean desc = descending;
        return (a, b) -> {
            Object x = key.valueIn(a);
            Object y = key.valueIn(b);
            if (x == null || y == null) {
                return x == null ? (y == null ? 0 : 1) : -1;
            }
            int c = compare(x, y);
            return desc ? -c : c;
        };
    }

    /** Parses a key such as {@code metrics.Accuracy} or {@code status}. */
    public static Key key(String text) {
        Parser p = new Parser(text);
        p.skipSpace();
        Key k = p.key();
        if (!p.atEnd()) {
            throw p.error(p.pos, "expected the end of the key");
        }
        return k;
    }

    private static int compare(Object x, Object y) {
        Double a = number(x);
        Double b = number(y);
        if (a != null && b != null) {
            return Double.compare(a, b);
        }
        return x.toString().compareTo(y.toString());
    }

    private static Double number(Object v) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Predicate<Row> comparison(Key key, String op, Object literal) {
        if (key.kind().equals("attributes") && key.name().equals("status") && literal instanceof String s) {
            RunStatus wanted;
            try {
                wanted = RunStatus.parse(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("filter: " + e.getMessage());
            }
            return switch (op) {
                case "=" -> r -> r.details().status() == wanted;
                case "!=" -> r -> r.details().status() != wanted;
                default -> stringComparison(key, op, s);
            };
        }
        if (literal instanceof Double n) {
            return r -> {
                Double v = number(key.valueIn(r));
                if (v == null) {
                    return false;
                }
                int c = Double.compare(v, n);
                return test(op, c);
            };
        }
        return stringComparison(key, op, (String) literal);
    }

    private static Predicate<Row> stringComparison(Key key, String op, String s) {
        if (op.equals("LIKE") || op.equals("ILIKE")) {
            StringBuilder re = new StringBuilder();
            for (char c : s.toCharArray()) {
                re.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
            }
            Pattern pattern = Pattern.compile(re.toString(), op.equals("ILIKE")
                    ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL : Pattern.DOTALL);
            return r -> {
                Object v = key.valueIn(r);
                return v != null && pattern.matcher(v.toString()).matches();
            };
        }
        return r -> {
            Object v = key.valueIn(r);
            return v != null && test(op, v.toString().compareTo(s));
        };
    }

    private static boolean test(String op, int c) {
        return switch (op) {
            case "=" -> c == 0;
            case "!=" -> c != 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            default -> throw new IllegalStateException(op);
        };
    }

    /** A hand-written scanner over the filter text; positions in errors are 1-based. */
    private static final class Parser {
        private final String text;
        int pos;

        Parser(String text) {
            this.text = text;
        }

        boolean atEnd() {
            skipSpace();
            return pos >= text.length();
        }

        void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        IllegalArgumentException error(int at, String what) {
            String shown = text.length() > 200 ? text.substring(0, 200) + "…" : text;
            return new IllegalArgumentException("filter '" + shown + "' at position " + (at + 1) + ": " + what);
        }

        String word() {
            skipSpace();
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return text.substring(start, pos);
        }

        Predicate<Row> clause() {
            skipSpace();
            if (pos >= text.length()) {
                throw error(pos, "expected a key such as metrics.Accuracy, params.kernel or status");
            }
            Key key = key();
            skipSpace();
            int at = pos;
            String op = operator();
            if (op == null) {
                throw error(at, "expected a comparison operator (" + OPERATORS + ") after '" + key + "'");
            }
            skipSpace();
            int valueAt = pos;
            Object literal = literal();
            if (literal == null) {
                throw error(valueAt, "expected a value after '" + key + " " + op
                        + "': a number or a quoted string such as 'rbf'");
            }
            if ((op.equals("LIKE") || op.equals("ILIKE")) && !(literal instanceof String)) {
                throw error(valueAt, op + " needs a quoted string pattern such as '%rbf%'");
            }
            if (key.kind().equals("metrics") && literal instanceof String && !op.equals("=") && !op.equals("!=")
                    && !op.equals("LIKE") && !op.equals("ILIKE")) {
                throw error(valueAt, "metric '" + key.name() + "' is compared with a number, not a string");
            }
            return comparison(key, op, literal);
        }

        Key key() {
            int start = pos;
            String first = identifier();
            if (first.isEmpty()) {
                throw error(start, "expected a key such as metrics.Accuracy, params.kernel or status");
            }
            if (pos < text.length() && text.charAt(pos) == '.') {
                String kind = first.toLowerCase(Locale.ROOT);
                kind = switch (kind) {
                    case "metric", "metrics" -> "metrics";
                    case "param", "params" -> "params";
                    case "tag", "tags" -> "tags";
                    case "property", "properties" -> "properties";
                    case "attribute", "attributes", "attr" -> "attributes";
                    default -> throw error(start, "unknown key type '" + first
                            + "'; expected metrics., params., tags., properties. or attributes.");
                };
                pos++;
                int nameAt = pos;
                String name;
                if (pos < text.length() && (text.charAt(pos) == '`' || text.charAt(pos) == '"')) {
                    name = quoted();
                } else {
                    while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))
                            && "=!<>'\"".indexOf(text.charAt(pos)) < 0) {
                        pos++;
                    }
                    name = text.substring(nameAt, pos);
                }
                if (name.isEmpty()) {
                    throw error(nameAt, "expected a name after '" + first + ".'");
                }
                if (kind.equals("attributes")) {
                    return attribute(name, nameAt);
                }
                return new Key(kind, name);
            }
            return attribute(first, start);
        }

        private Key attribute(String name, int at) {
            String n = name.toLowerCase(Locale.ROOT);
            if (!ATTRIBUTES.contains(n)) {
                throw error(at, "unknown key '" + name + "'; expected metrics.NAME, params.NAME, tags.NAME,"
                        + " properties.NAME or one of " + String.join(", ", ATTRIBUTES));
            }
            return new Key("attributes", n);
        }

        private String identifier() {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return text.substring(start, pos);
        }

        private String quoted() {
            int start = pos;
            char q = text.charAt(pos++);
            StringBuilder b = new StringBuilder();
            while (pos < text.length()) {
                char c = text.charAt(pos++);
                if (c == q) {
                    if (pos < text.length() && text.charAt(pos) == q) {
                        b.append(q);
                        pos++;
                        continue;
                    }
                    return b.toString();
                }
                b.append(c);
            }
            throw error(start, "the quote " + q + " opened here is never closed");
        }

        private String operator() {
            for (String op : List.of("!=", "<>", "<=", ">=", "=", "<", ">")) {
                if (text.startsWith(op, pos)) {
                    pos += op.length();
                    return op.equals("<>") ? "!=" : op;
                }
            }
            int save = pos;
            String w = word();
            if (w.equalsIgnoreCase("like") || w.equalsIgnoreCase("ilike")) {
                return w.toUpperCase(Locale.ROOT);
            }
            pos = save;
            return null;
        }

        private Object literal() {
            if (pos >= text.length()) {
                return null;
            }
            char c = text.charAt(pos);
            if (c == '\'' || c == '"') {
                return quoted();
            }
            int start = pos;
            while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            String t = text.substring(start, pos);
            if (t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                return Double.parseDouble(t);
            }
            pos = start;
            return null;
        }
    }
}
