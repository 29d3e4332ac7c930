package dev.petal.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Turns a parameter error of the Java API into the command line's words: {@code The 'cacheSize' parameter of SVC
 * must be a float in the range (0, inf). Got -1.0 instead.} becomes {@code --cache-size must be a float in the range
 * (0, inf). Got -1.0 instead.} when the command has that flag; a usage error (exit status 2).
 */
final class FlagErrors {
    private static final Pattern PARAMETER = Pattern.compile("The '([A-Za-z_][A-Za-z0-9_]*)' parameter of \\w+ (must .*)",
            Pattern.DOTALL);

    private FlagErrors() {
    }

    /** The message naming the flag of {@code command}, or null when the message names no flag it has. */
    static String forFlag(CommandLine command, String message) {
        if (command == null || message == null) {
            return null;
        }
        Matcher m = PARAMETER.matcher(message);
        if (!m.matches()) {
            return null;
        }
        String flag = "--" + kebab(m.group(1));
        if (command.getCommandSpec().findOption(flag) == null) {
            return null;
        }
        return flag + " " + m.group(2).replace(" or a callable.", ".");
    }

    /** {@code cacheSize} and {@code cache_size} as {@code cache-size}; a one-letter name ({@code C}) as it is. */
    static String kebab(String name) {
        if (name.length() == 1) {
            return name;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_') {
                sb.append('-');
            } else if (Character.isUpperCase(c) && i > 0) {
                sb.append('-').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
