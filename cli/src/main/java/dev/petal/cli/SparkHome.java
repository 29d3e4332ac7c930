package dev.petal.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where Petal's Spark lives, so that the {@code petal} JVM itself never carries Spark: the petal-spark build's
 * {@code spark/target/spark-driver} folder (a SPARK_HOME: {@code jars/}, {@code RELEASE}, the JVM flags Spark
 * needs on Java 17 and the driver's logging configuration) next to {@code petal-spark.jar}. Set
 * {@code -Dpetal.spark.home} or {@code PETAL_SPARK_HOME} to use another copy.
 */
record SparkHome(Path dir, Path petalClasspath, Path petalSparkJar) {
    /** The Spark home found from the system property, the environment, or the repository layout. */
    static SparkHome locate() {
        Path petal = petalCodeSource();
        String configured = System.getProperty("petal.spark.home", System.getenv("PETAL_SPARK_HOME"));
        Path dir;
        if (configured != null && !configured.isBlank()) {
            dir = Path.of(configured).toAbsolutePath().normalize();
        } else {
            // cli/target/petal.jar or cli/target/classes -> spark/target/spark-driver
            dir = petal.getParent().getParent().getParent().resolve("spark/target/spark-driver");
        }
        Path jar = dir.getParent().resolve("petal-spark.jar");
        if (!Files.isDirectory(dir.resolve("jars")) || !Files.isRegularFile(jar)) {
            throw new IllegalStateException("Petal's Spark support is not built (no " + dir.resolve("jars") + " or "
                    + jar + "); build it with: ./mvnw -B -q -DskipTests -pl cli,spark -am package");
        }
        return new SparkHome(dir, petal, jar);
    }

    /** The jar (or classes folder) holding the petal command. */
    static Path petalCodeSource() {
        try {
            return Path.of(PetalCli.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the petal jar: " + e.getMessage(), e);
        }
    }

    /** The JVM flags Spark needs on Java 17 ({@code --add-opens ...}). */
    List<String> jvmFlags() {
        try {
            return Arrays.stream(Files.readString(dir.resolve("jvm-flags.txt")).trim().split("\\s+"))
                    .filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("jvm-flags.txt") + ": " + e.getMessage(), e);
        }
    }

    /** Spark's class path: {@code jars/*}. */
    String sparkClasspath() {
        return dir.resolve("jars") + java.io.File.separator + "*";
    }

    /** The petal command's own class path (the jar, or the test class path when run from classes). */
    String petalOnly() {
        return Files.isRegularFile(petalClasspath) ? petalClasspath.toString() : System.getProperty("java.class.path");
    }

    /** The java launcher of this JVM. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The command that runs {@code petal ARGS} in a Spark driver JVM: Petal, petal-spark and Spark's jars on the
     * class path, Spark's JVM flags, log4j2 as the one logging backend (at WARN), and the jars executors fetch.
     */
    List<String> driverCommand(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(jvmFlags());
        String opts = System.getenv("PETAL_DRIVER_OPTS");
        cmd.addAll(opts == null || opts.isBlank() ? List.of("-Xmx1g") : Arrays.asList(opts.trim().split("\\s+")));
        cmd.add("-Dpetal.spark.driver=true");
        cmd.add("-Dpetal.child.classpath=" + petalOnly());
        if (Files.isRegularFile(petalClasspath)) {
            cmd.add("-Dpetal.spark.jars=" + petalClasspath + "," + petalSparkJar);
        }
        cmd.add("-Dslf4j.provider=org.apache.logging.slf4j.SLF4JServiceProvider");
        cmd.add("-Dslf4j.internal.verbosity=WARN");
        cmd.add("-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"));
        cmd.add("-cp");
        cmd.add(petalOnly() + java.io.File.pathSeparator + petalSparkJar + java.io.File.pathSeparator + sparkClasspath());
        cmd.add(PetalCli.class.getName());
        cmd.addAll(args);
        return cmd;
    }
}
