package dev.petal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code petal cluster start|stop}: a real Spark standalone cluster on 127.0.0.1 (one Master, N Workers, each its
 * own JVM, from Petal's own Spark jars), as Spark's sbin scripts start one. The processes are recorded in
 * {@code <tmp>/petal-cluster-<user>-<port>/pids}; {@code stop} ends them and the executors they started, and
 * deletes the workers' folders (their copies of each application's jars), keeping the logs.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true, versionProvider = PetalCli.VersionProvider.class,
        description = "Start or stop a Spark standalone cluster on 127.0.0.1.",
        subcommands = {ClusterCommand.Start.class, ClusterCommand.Stop.class})
final class ClusterCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "expected 'cluster start' or 'cluster stop'");
    }

    /** The folder holding a cluster's pid file, logs and worker folders. */
    static Path stateDir(int port) {
        return Path.of(System.getProperty("java.io.tmpdir"), "petal-cluster-" + System.getProperty("user.name") + "-" + port);
    }

    static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 1 and 65535, got " + port);
        }
    }

    /** {@code petal cluster start}. */
    @Command(name = "start", mixinStandardHelpOptions = true, versionProvider = PetalCli.VersionProvider.class,
            description = "Start a Spark standalone Master and Workers on 127.0.0.1; print the master URL last.")
    static final class Start implements Callable<Integer> {
        private static final Pattern SIZE = Pattern.compile("[1-9][0-9]*[mMgG]");

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--workers", paramLabel = "N", defaultValue = "2", description = "Worker JVMs (default: ${DEFAULT-VALUE}).")
        int workers;

        @Option(names = "--cores", paramLabel = "C", defaultValue = "1", description = "Cores each worker offers (default: ${DEFAULT-VALUE}).")
        int cores;

        @Option(names = "--memory", paramLabel = "SIZE", defaultValue = "1g",
                description = "Memory each worker offers to executors, e.g. 1g or 768m (default: ${DEFAULT-VALUE}).")
        String memory;

        @Option(names = "--port", paramLabel = "P", defaultValue = "7077", description = "The master's port (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180",
                description = "Give up when the workers have not registered after this long (default: ${DEFAULT-VALUE}).")
        int timeoutSeconds;

        @Override
        public Integer call() throws Exception {
            checkPort(port);
            if (workers < 1 || workers > 64) {
                throw new IllegalArgumentException("--workers must be between 1 and 64, got " + workers);
            }
            if (cores < 1) {
                throw new IllegalArgumentException("--cores must be at least 1, got " + cores);
            }
            if (!SIZE.matcher(memory).matches()) {
                throw new IllegalArgumentException("--memory must be a size such as 1g or 768m, got '" + memory + "'");
            }
            Path state = stateDir(port);
            Path pids = state.resolve("pids");
            if (Files.exists(pids)) {
                throw new IllegalStateException("a Petal cluster is already recorded on port " + port + " (" + pids
                        + "); stop it with: petal cluster stop --port " + port);
            }
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                s.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException("port " + port + " on 127.0.0.1 is in use; choose another with --port");
            }
            SparkHome home = SparkHome.locate();
            Files.createDirectories(state);
            List<Process> started = new ArrayList<>();
            try {
                Path masterLog = state.resolve("master.log");
                started.add(daemon(home, state, masterLog, "org.apache.spark.deploy.master.Master",
                        List.of("--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", "0")));
                record(pids, started);
                String url = "spark://127.0.0.1:" + port;
                awaitLog(masterLog, "Starting Spark master at", 1, started);
                for (int i = 1; i <= workers; i++) {
                    Path work = Files.createDirectories(state.resolve("worker-" + i));
                    started.add(daemon(home, state, state.resolve("worker-" + i + ".log"), "org.apache.spark.deploy.worker.Worker",
                            List.of("--host", "127.0.0.1", "--cores", Integer.toString(cores), "--memory", memory,
                                    "--webui-port", "0", "--work-dir", work.toString(), url)));
                    record(pids, started);
                }
                awaitLog(masterLog, "Registering worker", workers, started);
                PrintWriter out = spec.commandLine().getOut();
                out.printf("Spark %s standalone cluster on 127.0.0.1: 1 master, %d workers x %d cores, %s each (logs in %s)%n",
                        sparkVersion(home), workers, cores, memory, state);
                out.println(url);
                out.flush();
                return 0;
            } catch (Exception | Error e) {
                Stop.kill(started.stream().map(Process::toHandle).toList());
                Files.deleteIfExists(pids);
                throw e;
            }
        }

        private static Process daemon(SparkHome home, Path state, Path log, String main, List<String> args) throws IOException {
            List<String> cmd = new ArrayList<>();
            cmd.add(SparkHome.java());
            cmd.addAll(home.jvmFlags());
            cmd.add("-Xmx256m");
            cmd.add("-Dspark.worker.cleanup.enabled=true");
            cmd.add("-cp");
            cmd.add(home.sparkClasspath());
            cmd.add(main);
            cmd.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(state.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().put("SPARK_HOME", home.dir().toString());
            pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
            pb.environment().put("SPARK_SCALA_VERSION", "2.13");
            return pb.start();
        }

        private static void record(Path pids, List<Process> started) throws IOException {
            StringBuilder b = new StringBuilder();
            for (Process p : started) {
                b.append(p.pid()).append('\n');
            }
            Files.writeString(pids, b.toString(), StandardCharsets.UTF_8);
        }

        private void awaitLog(Path log, String marker, int count, List<Process> started)
                throws IOException, InterruptedException {
            long end = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
            while (true) {
                String text = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
                if (text.split(Pattern.quote(marker), -1).length - 1 >= count) {
                    return;
                }
                for (Process p : started) {
                    if (!p.isAlive()) {
                        throw new IllegalStateException("a Spark daemon (pid " + p.pid() + ") exited with status "
                                + p.exitValue() + " while the cluster started; see the logs in " + log.getParent());
                    }
                }
                if (System.nanoTime() - end > 0) {
                    throw new IllegalStateException("the Spark cluster did not start within " + timeoutSeconds
                            + " s (waiting for '" + marker + "' x" + count + "); see the logs in " + log.getParent());
                }
                Thread.sleep(200);
            }
        }

        private static String sparkVersion(SparkHome home) throws IOException {
            try (var s = Files.list(home.dir().resolve("jars"))) {
                return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("spark-core_2.13-"))
                        .map(n -> n.substring("spark-core_2.13-".length(), n.length() - ".jar".length()))
                        .findFirst().orElse("?");
            }
        }
    }

    /** {@code petal cluster stop}. */
    @Command(name = "stop", mixinStandardHelpOptions = true, versionProvider = PetalCli.VersionProvider.class,
            description = "Stop the cluster started by 'petal cluster start' on this port, executors included.")
    static final class Stop implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--port", paramLabel = "P", defaultValue = "7077", description = "The master's port (default: ${DEFAULT-VALUE}).")
        int port;

        @Override
        public Integer call() throws Exception {
            checkPort(port);
            Path state = stateDir(port);
            Path pids = state.resolve("pids");
            if (!Files.exists(pids)) {
                throw new IllegalStateException("no Petal cluster runs on port " + port + " (no " + pids + ")");
            }
            List<ProcessHandle> handles = new ArrayList<>();
            for (String line : Files.readAllLines(pids)) {
                if (!line.isBlank()) {
                    Optional<ProcessHandle> h = ProcessHandle.of(Long.parseLong(line.trim()));
                    h.filter(ProcessHandle::isAlive).ifPresent(handles::add);
                }
            }
            int n = kill(handles);
            Files.deleteIfExists(pids);
            // the workers' folders hold each application's copy of the jars; the logs stay
            try (var dirs = Files.list(state)) {
                for (Path d : dirs.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("worker-")).toList()) {
                    try (var tree = Files.walk(d)) {
                        for (Path p : tree.sorted(java.util.Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            }
            spec.commandLine().getOut().printf("Stopped the Spark cluster on port %d (%d processes)%n", port, n);
            return 0;
        }

        /** Ends the processes and all their descendants (workers' executors): TERM, then KILL after 10 s. */
        static int kill(List<ProcessHandle> roots) throws InterruptedException {
            List<ProcessHandle> all = new ArrayList<>();
            for (ProcessHandle r : roots) {
                all.addAll(r.descendants().toList());
            }
            all.addAll(roots);
            all.forEach(ProcessHandle::destroy);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (ProcessHandle h : all) {
                while (h.isAlive() && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
                if (h.isAlive()) {
                    h.destroyForcibly();
                }
            }
            for (ProcessHandle h : all) {
                try {
                    h.onExit().get(5, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    // reported as alive by the caller's own checks
                }
            }
            return all.size();
        }
    }
}
