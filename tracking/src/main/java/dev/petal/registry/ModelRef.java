package dev.petal.registry;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A reference to a registered model: {@code NAME} (latest version), {@code NAME:VERSION} or {@code NAME@ALIAS}.
 *
 * @param name the model name
 * @param version the version, or null for the latest (or for an alias)
 * @param alias the alias, or null
 */
public record ModelRef(String name, Integer version, String alias) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    /** Validates the name, the version (positive) and the alias; at most one of version and alias. */
    public ModelRef {
        checkName(name);
        if (version != null && version < 1) {
            throw new IllegalArgumentException("model version must be 1 or more, got " + version);
        }
        if (alias != null) {
            checkAlias(alias);
        }
        if (version != null && alias != null) {
            throw new IllegalArgumentException("a model reference has a version or an alias, not both");
        }
    }

    /** Parses {@code NAME}, {@code NAME:VERSION} or {@code NAME@ALIAS}. */
    public static ModelRef parse(String text) {
        Objects.requireNonNull(text, "model reference");
        int at = text.indexOf('@');
        if (at >= 0) {
            return new ModelRef(text.substring(0, at), null, text.substring(at + 1));
        }
        int colon = text.lastIndexOf(':');
        if (colon >= 0) {
            String v = text.substring(colon + 1);
            if (!v.matches("[0-9]{1,9}")) {
                throw new IllegalArgumentException("model reference '" + text + "' has version '" + v
                        + "'; expected NAME, NAME:VERSION (a number) or NAME@ALIAS");
            }
            return new ModelRef(text.substring(0, colon), Integer.parseInt(v), null);
        }
        return new ModelRef(text, null, null);
    }

    /** The latest version of {@code name}. */
    public static ModelRef latest(String name) {
        return new ModelRef(name, null, null);
    }

    /** Version {@code version} of {@code name}. */
    public static ModelRef of(String name, int version) {
        return new ModelRef(name, version, null);
    }

    /** The version of {@code name} that {@code alias} points to. */
    public static ModelRef alias(String name, String alias) {
        return new ModelRef(name, null, alias);
    }

    /** Throws IllegalArgumentException unless {@code name} is a valid model name. */
    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("model name '" + name + "' is invalid: it must start with a letter or"
                    + " a digit and contain only letters, digits, '-', '_' and '.' (at most 255 characters)");
        }
    }

    /** Throws IllegalArgumentException unless {@code alias} is a valid alias (and does not look like a version). */
    public static void checkAlias(String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw new IllegalArgumentException("model alias '" + alias
                    + "' is invalid: it must contain only letters, digits, '_' and '-'");
        }
        if (alias.matches("[vV][0-9]+") || alias.matches("[0-9]+") || alias.equalsIgnoreCase("latest")) {
            throw new IllegalArgumentException("model alias '" + alias
                    + "' is reserved: it looks like a version (v1, 2, latest)");
        }
    }

    @Override
    public String toString() {
        return alias != null ? name + "@" + alias : version != null ? name + ":" + version : name;
    }
}
