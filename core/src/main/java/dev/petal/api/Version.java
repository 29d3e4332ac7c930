package dev.petal.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Petal's own version and the running Java version, as recorded in provenance. */
public final class Version {
    private static final String PETAL = load();

    private Version() {
    }

    /** Petal's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String petal() {
        return PETAL;
    }

    /** The running Java version, e.g. {@code 17.0.15}. */
    public static String java() {
        return System.getProperty("java.version");
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
