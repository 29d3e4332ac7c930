package dev.petal.tracking;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helper: small, fast child JVMs on the test class path. */
final class ChildJvm {
    /** JVM options that make short-lived test JVMs start faster. */
    static final List<String> FAST_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");
    /** An environment with {@link #FAST_OPTIONS}. */
    static final Environment FAST = Environment.defaults().withJvmOptions(FAST_OPTIONS);

    private ChildJvm() {
    }

    /** Starts {@code mainClass} with {@code args} in a child JVM, stdout and stderr merged. */
    static Process start(Class<?> mainClass, String... args) throws IOException {
        return start(null, mainClass, args);
    }

    /** Starts {@code mainClass} in working directory {@code cwd} (null: this one's). */
    static Process start(Path cwd, Class<?> mainClass, String... args) throws IOException {
        return start(cwd, List.of(), mainClass, args);
    }

    /** Starts {@code mainClass} in working directory {@code cwd} with extra JVM options. */
    static Process start(Path cwd, List<String> jvmOptions, Class<?> mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(FAST_OPTIONS);
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (cwd != null) {
            pb.directory(cwd.toFile());
        }
        pb.environment().remove("PETAL_RUN_ID");
        pb.environment().remove("PETAL_WORKSPACE");
        return pb.start();
    }
}
