package dev.petal.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Exclusion rules in gitignore syntax ({@code #} comments, {@code !} negation, {@code /} anchoring, trailing
 * {@code /} for folders only, {@code *}, {@code ?}, {@code **}, {@code [...]}); the last matching rule wins.
 */
final class IgnoreRules {
    private record Rule(Pattern pattern, boolean negate, boolean dirOnly) {
    }

    private final List<Rule> rules;

    private IgnoreRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Parses the text of an ignore file. */
    static IgnoreRules parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = stripTrailingSpaces(raw);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean negate = false;
            if (line.startsWith("!")) {
                negate = true;
                line = line.substring(1);
            } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
                line = line.substring(1);
            }
            boolean dirOnly = line.endsWith("/");
            if (dirOnly) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                continue;
            }
            boolean anchored = line.contains("/");
            if (line.startsWith("/")) {
                line = line.substring(1);
            }
            String regex = (anchored ? "" : "(?:.*/)?") + globToRegex(line);
            rules.add(new Rule(Pattern.compile(regex), negate, dirOnly));
        }
        return new IgnoreRules(rules);
    }

    /** No rules. */
    static IgnoreRules none() {
        return new IgnoreRules(List.of());
    }

    /** True when {@code relativePath} ('/'-separated) is excluded; callers skip the contents of excluded folders. */
    boolean ignored(String relativePath, boolean isDirectory) {
        boolean ignored = false;
        for (Rule r : rules) {
            if (r.dirOnly && !isDirectory) {
                continue;
            }
            if (r.pattern.matcher(relativePath).matches()) {
                ignored = !r.negate;
            }
        }
        return ignored;
    }

    private static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ' && !(end > 1 && s.charAt(end - 2) == '\\')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*') {
                boolean doubleStar = i + 1 < glob.length() && glob.charAt(i + 1) == '*';
                boolean atSegmentStart = i == 0 || glob.charAt(i - 1) == '/';
                if (doubleStar && atSegmentStart && (i + 2 == glob.length() || glob.charAt(i + 2) == '/')) {
                    if (i + 2 == glob.length()) {
                        re.append(".*");
                        i += 2;
                    } else {
                        re.append("(?:.*/)?");
                        i += 3;
                    }
                    continue;
                }
                re.append("[^/]*");
                while (i < glob.length() && glob.charAt(i) == '*') {
                    i++;
                }
                continue;
            }
            if (c == '?') {
                re.append("[^/]");
            } else if (c == '[') {
                int close = glob.indexOf(']', i + 2);
                if (close < 0) {
                    re.append("\\[");
                } else {
                    String body = glob.substring(i + 1, close);
                    if (body.startsWith("!")) {
                        body = "^" + body.substring(1);
                    }
                    re.append('[').append(body.replace("\\", "\\\\")).append(']');
                    i = close;
                }
            } else if (c == '\\' && i + 1 < glob.length()) {
                re.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
                i++;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
            i++;
        }
        return re.toString();
    }
}
