package dev.petal.cli;

import dev.petal.tracking.ComputeBackend;
import dev.petal.tracking.ComputeTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import picocli.CommandLine;

/**
 * Runs a command whose compute target is Spark: in this JVM when petal-spark is on its class path (the driver JVM,
 * or a library user's Spark application), else in a new Spark driver JVM that repeats the same command line,
 * streaming its output and returning its exit status.
 */
final class SparkDriver {
    private SparkDriver() {
    }

    /** True when this JVM can run {@code target} itself. */
    static boolean here(ComputeTarget target) {
        if (!target.isSpark()) {
            return true;
        }
        for (ComputeBackend b : ServiceLoader.load(ComputeBackend.class, SparkDriver.class.getClassLoader())) {
            if (b.runs(target)) {
                return true;
            }
        }
        if (Boolean.getBoolean("petal.spark.driver")) {
            throw new IllegalStateException("the Spark driver JVM has no petal-spark module on its class path");
        }
        return false;
    }

    /** The target named {@code text}: built-in syntax, else a named target of the workspace (opened only then). */
    static ComputeTarget target(String text, java.util.function.Supplier<dev.petal.tracking.Workspace> workspace) {
        if (text.equalsIgnoreCase("local") || text.equalsIgnoreCase("inprocess") || text.startsWith("spark:")) {
            return ComputeTarget.parse(text);
        }
        return ComputeTarget.resolve(text, workspace.get());
    }

    /** The backend of this JVM that runs {@code target}. */
    static ComputeBackend backend(ComputeTarget target) {
        for (ComputeBackend b : ServiceLoader.load(ComputeBackend.class, SparkDriver.class.getClassLoader())) {
            if (b.runs(target)) {
                return b;
            }
        }
        throw new IllegalStateException("no backend for compute target " + target.id() + " in this JVM");
    }

    /** Repeats this command line in a Spark driver JVM; returns its exit status. */
    static int relaunch(CommandLine.Model.CommandSpec spec, ComputeTarget target) throws IOException, InterruptedException {
        List<String> args = spec.root().commandLine().getParseResult().originalArgs();
        SparkHome home = SparkHome.locate();
        ProcessBuilder pb = new ProcessBuilder(home.driverCommand(args));
        if (System.getenv("SPARK_LOCAL_IP") == null && loopback(target)) {
            pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        }
        pb.environment().put("SPARK_HOME", home.dir().toString());
        pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
        Process p = pb.start();
        Thread stop = new Thread(() -> {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            try {
                p.waitFor(15, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "petal-stop-spark-driver");
        Runtime.getRuntime().addShutdownHook(stop);
        Thread out = pump(p.getInputStream(), spec.commandLine().getOut(), "petal-driver-out");
        Thread err = pump(p.getErrorStream(), spec.commandLine().getErr(), "petal-driver-err");
        int code = p.waitFor();
        out.join();
        err.join();
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException shuttingDown) {
            // the hook stops the driver
        }
        return code;
    }

    private static boolean loopback(ComputeTarget t) {
        String m = t.sparkMaster();
        return m.startsWith("local") || m.startsWith("spark://127.0.0.1:") || m.startsWith("spark://localhost:");
    }

    private static Thread pump(InputStream in, PrintWriter to, String name) {
        Thread t = new Thread(() -> {
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                char[] buf = new char[8192];
                int n;
                while ((n = r.read(buf)) >= 0) {
                    to.write(buf, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                // the driver ended
            }
        }, name);
        t.start();
        return t;
    }
}
