package dev.petal.tracking;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment of a submitted run, Azure's {@code Environment} for the JVM: extra JVM options and
 * environment variables; the Java and Petal versions that ran it are recorded in the run.
 *
 * @param name a label recorded with the run
 * @param jvmOptions options for the child JVM, e.g. {@code -Xmx512m} (ignored by the inprocess target)
 * @param variables environment variables for the child JVM (ignored by the inprocess target)
 * @param classpath jars and folders of the user's own added after Petal's class path in the child JVM (and when
 *                  compiling a {@code .java} script); each must exist (ignored by the inprocess target)
 */
public record Environment(String name, List<String> jvmOptions, Map<String, String> variables, List<Path> classpath) {
    /** An environment with no class path of the user's own. */
    public Environment(String name, List<String> jvmOptions, Map<String, String> variables) {
        this(name, jvmOptions, variables, List.of());
    }

    /** Validates and copies. */
    public Environment {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("environment name must not be blank");
        }
        jvmOptions = List.copyOf(jvmOptions);
        for (String o : jvmOptions) {
            if (!o.startsWith("-")) {
                throw new IllegalArgumentException("JVM option '" + o + "' must start with '-'");
            }
        }
        variables = Map.copyOf(new LinkedHashMap<>(variables));
        List<Path> entries = new ArrayList<>();
        for (Path p : classpath) {
            Path abs = p.toAbsolutePath().normalize();
            if (!Files.exists(abs)) {
                throw new IllegalArgumentException("class path entry " + p + " does not exist; give existing jars or folders");
            }
            entries.add(abs);
        }
        classpath = List.copyOf(entries);
    }

    /** The default environment: the submitting JVM's Java, no extra options or variables. */
    public static Environment defaults() {
        return new Environment("petal-default", List.of(), Map.of());
    }

    /** A copy with these JVM options. */
    public Environment withJvmOptions(List<String> options) {
        return new Environment(name, options, variables, classpath);
    }

    /** A copy with these environment variables. */
    public Environment withVariables(Map<String, String> vars) {
        return new Environment(name, jvmOptions, vars, classpath);
    }

    /** A copy whose scripts also see these jars and folders (after Petal's own class path). */
    public Environment withClasspath(List<Path> entries) {
        return new Environment(name, jvmOptions, variables, entries);
    }
}
