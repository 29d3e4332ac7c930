package dev.petal.tracking;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The class path a submitted run's child JVM gets: the folders and jars of the submitting thread's context class
 * loader, then {@code java.class.path}. Under {@code mvn exec:java}, in an IDE runner or in an application server,
 * the submitting code's classes come from such a loader and {@code java.class.path} holds only the launcher's jars.
 */
final class ChildClassPath {
    private ChildClassPath() {
    }

    /** The class path for a child JVM started from code loaded by {@code loader} (may be null). */
    static String of(ClassLoader loader) {
        Set<String> entries = new LinkedHashSet<>();
        if (loader instanceof URLClassLoader u) {
            for (URL url : u.getURLs()) {
                if ("file".equals(url.getProtocol())) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException e) {
                        // not a local path: the child cannot use it
                    }
                }
            }
        }
        String cp = System.getProperty("java.class.path");
        if (cp != null) {
            for (String e : cp.split(File.pathSeparator)) {
                if (!e.isBlank()) {
                    entries.add(e);
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
