package dev.petal.tracking;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to run and where, Azure's {@code ScriptRunConfig}: a {@code .java} source file in the source
 * directory (run like {@code java File.java}) or the name of a main class on Petal's class path.
 *
 * @param sourceDirectory the folder snapshotted into the run (honouring {@code .petalignore}) and copied into
 *                        the script's working directory; null for a main class with no source files
 * @param script a {@code .java} file relative to the source directory, or a fully qualified main class name
 * @param arguments the script's command-line arguments
 * @param environment JVM options and environment variables
 * @param computeTarget {@link ComputeTarget#LOCAL} (child JVM) or {@link ComputeTarget#INPROCESS}
 * @param maxRunDuration the run is canceled when it runs longer (Azure's default: 30 days)
 */
public record ScriptRunConfig(Path sourceDirectory, String script, List<String> arguments, Environment environment,
                              ComputeTarget computeTarget, Duration maxRunDuration) {
    /** Azure's default maximum run duration. */
    public static final Duration DEFAULT_MAX_RUN_DURATION = Duration.ofDays(30);
    private static final Pattern MAIN_CLASS = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");

    /** Validates the configuration; a {@code .java} script must exist in the source directory. */
    public ScriptRunConfig {
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(computeTarget, "computeTarget");
        Objects.requireNonNull(maxRunDuration, "maxRunDuration");
        arguments = List.copyOf(arguments);
        if (sourceDirectory != null) {
            sourceDirectory = sourceDirectory.toAbsolutePath().normalize();
            if (!Files.isDirectory(sourceDirectory)) {
                throw new IllegalArgumentException("source directory " + sourceDirectory + " is not a directory");
            }
        }
        if (script.endsWith(".java")) {
            if (sourceDirectory == null) {
                throw new IllegalArgumentException("script '" + script
                        + "' is a .java file: give the source directory that holds it");
            }
            Path file = sourceDirectory.resolve(script).normalize();
            if (!file.startsWith(sourceDirectory)) {
                throw new IllegalArgumentException("script '" + script + "' lies outside source directory " + sourceDirectory);
            }
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("script '" + script + "' not found in source directory " + sourceDirectory);
            }
            if (computeTarget == ComputeTarget.INPROCESS) {
                throw new IllegalArgumentException("compute target 'inprocess' runs a main class, not the .java file '"
                        + script + "'; use compute target 'local'");
            }
        } else if (!MAIN_CLASS.matcher(script).matches()) {
            throw new IllegalArgumentException("script '" + script
                    + "' is neither a .java file nor a main class name such as dev.petal.examples.TrainIris");
        }
        if (maxRunDuration.isNegative() || maxRunDuration.isZero()) {
            throw new IllegalArgumentException("maxRunDuration must be positive, got " + maxRunDuration);
        }
    }

    /** A local run of {@code script} in {@code sourceDirectory} with these arguments and default settings. */
    public static ScriptRunConfig of(Path sourceDirectory, String script, List<String> arguments) {
        return new ScriptRunConfig(sourceDirectory, script, arguments, Environment.defaults(), ComputeTarget.LOCAL,
                DEFAULT_MAX_RUN_DURATION);
    }

    /** A local run of a main class on the class path, with no source directory. */
    public static ScriptRunConfig mainClass(String className, List<String> arguments) {
        return of(null, className, arguments);
    }

    /** True when the script is a {@code .java} source file. */
    public boolean isSourceFile() {
        return script.endsWith(".java");
    }

    /** A copy with these arguments. */
    public ScriptRunConfig withArguments(List<String> args) {
        return new ScriptRunConfig(sourceDirectory, script, args, environment, computeTarget, maxRunDuration);
    }

    /** A copy with {@code extra} appended to the arguments (HyperDrive appends {@code --name value} pairs). */
    public ScriptRunConfig withExtraArguments(List<String> extra) {
        List<String> all = new ArrayList<>(arguments);
        all.addAll(extra);
        return withArguments(all);
    }

    /** A copy with this environment. */
    public ScriptRunConfig withEnvironment(Environment env) {
        return new ScriptRunConfig(sourceDirectory, script, arguments, env, computeTarget, maxRunDuration);
    }

    /** A copy with this compute target. */
    public ScriptRunConfig withComputeTarget(ComputeTarget target) {
        return new ScriptRunConfig(sourceDirectory, script, arguments, environment, target, maxRunDuration);
    }

    /** A copy with this maximum run duration. */
    public ScriptRunConfig withMaxRunDuration(Duration max) {
        return new ScriptRunConfig(sourceDirectory, script, arguments, environment, computeTarget, max);
    }
}
