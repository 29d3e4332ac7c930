package dev.petal.spark;

import dev.petal.tracking.ComputeTarget;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session Petal runs on: the application's active session when there is one (a library call inside a
 * Spark job), else one this class starts for the target's master and keeps until {@link #stop()}. Starting checks
 * the master is reachable, waits (bounded) for the first executor and refuses a cluster of another Spark version.
 */
public final class SparkSessions {
    /** Seconds to wait for the first executor of a cluster (Spark setting {@code spark.petal.executorWaitSeconds}). */
    static final String EXECUTOR_WAIT = "spark.petal.executorWaitSeconds";
    private static SparkSession owned;
    private static Map<String, String> ownedConf = Map.of();
    private static LiveMetrics listener;

    private SparkSessions() {
    }

    /** The Spark version Petal is built against (and the driver runs). */
    public static String driverVersion() {
        return versionOf(SparkSessions.class.getClassLoader());
    }

    /** The session for {@code target}: the active one if its master matches, else one started here. */
    public static synchronized SparkSession session(ComputeTarget target) {
        if (!target.isSpark()) {
            throw new IllegalArgumentException("compute target " + target.id() + " is not a Spark target");
        }
        SparkSession active = owned != null ? owned
                : SparkSession.getActiveSession().isDefined() ? SparkSession.getActiveSession().get()
                : SparkSession.getDefaultSession().isDefined() ? SparkSession.getDefaultSession().get() : null;
        if (active != null && !active.sparkContext().isStopped()) {
            String master = active.sparkContext().master();
            if (!sameMaster(master, target.sparkMaster())) {
                throw new IllegalStateException("this JVM already runs Spark on " + master + "; it cannot also run "
                        + target.id() + " (Spark allows one context per JVM)");
            }
            if (active == owned) {
                for (var e : target.sparkConf().entrySet()) {
                    String had = ownedConf.get(e.getKey());
                    if (!e.getValue().equals(had)) {
                        throw new IllegalStateException("this JVM already runs Spark on " + master + (had == null
                                ? " without " + e.getKey() : " with " + e.getKey() + "=" + had) + "; it cannot also run "
                                + target.id() + " with " + e.getKey() + "=" + e.getValue() + " (Spark allows one context"
                                + " per JVM; SparkSessions.stop() ends the one Petal started)");
                    }
                }
            }
            listen(active);
            return active;
        }
        owned = start(target);
        ownedConf = target.sparkConf();
        listen(owned);
        return owned;
    }

    /** The listener that carries live metrics and task events of {@code session}'s runs. */
    static synchronized LiveMetrics listener() {
        return listener;
    }

    /** Stops the session this class started, if any (a session it was given stays up). */
    public static synchronized void stop() {
        if (owned != null) {
            owned.stop();
            owned = null;
            ownedConf = Map.of();
            listener = null;
        }
    }

    private static boolean sameMaster(String running, String wanted) {
        return running.equals(wanted) || running.startsWith("local") && wanted.startsWith("local")
                && (wanted.equals("local[*]") || running.equals(wanted));
    }

    private static void listen(SparkSession s) {
        if (listener == null || listener.context() != s.sparkContext()) {
            listener = new LiveMetrics(s.sparkContext());
            s.sparkContext().addSparkListener(listener);
        }
    }

    private static SparkSession start(ComputeTarget target) {
        String master = target.sparkMaster();
        boolean cluster = master.startsWith("spark://");
        if (cluster) {
            checkReachable(master);
        }
        SparkConf conf = new SparkConf().setMaster(master).setAppName("petal")
                .set("spark.speculation", "false")
                .set("spark.task.reaper.enabled", "true")
                .set("spark.task.reaper.killTimeout", "60s")
                .set("spark.executor.heartbeatInterval", "1s")
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.sql.shuffle.partitions", "8")
                .set("spark.executor.memory", "512m");
        String jars = System.getProperty("petal.spark.jars");
        if (jars != null && !jars.isBlank()) {
            conf.set("spark.jars", jars);
        }
        if (cluster && isLoopback(master)) {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        target.sparkConf().forEach(conf::set);
        SparkSession session = SparkSession.builder().config(conf).getOrCreate();
        if (cluster) {
            try {
                awaitExecutors(session.sparkContext(), master,
                        Duration.ofSeconds(Long.parseLong(conf.get(EXECUTOR_WAIT, "90"))));
                checkVersion(session, master);
            } catch (RuntimeException e) {
                session.stop();
                throw e;
            }
        }
        return session;
    }

    private static boolean isLoopback(String master) {
        String host = URI.create(master).getHost();
        return host != null && (host.equals("127.0.0.1") || host.equals("localhost"));
    }

    /** Connects to every master of the URL within 5 seconds; the error names the URL and what to do. */
    static void checkReachable(String master) {
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            String host = hostPort.substring(0, colon);
            int port = Integer.parseInt(hostPort.substring(colon + 1));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), 5000);
            } catch (IOException e) {
                throw new IllegalStateException("cannot reach the Spark master " + master + " (" + e.getMessage()
                        + " within 5 s); start one with 'petal cluster start' or check the URL");
            }
        }
    }

    private static void awaitExecutors(SparkContext sc, String master, Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        while (sc.statusTracker().getExecutorInfos().length < 2) {
            if (sc.isStopped()) {
                throw new IllegalStateException("the Spark master " + master + " did not accept Petal's application;"
                        + " check that the cluster runs Spark " + driverVersion() + " like Petal's driver");
            }
            if (System.nanoTime() - end > 0) {
                throw new IllegalStateException("no executor of the Spark cluster " + master + " registered within "
                        + wait.toSeconds() + " s: the cluster has no free cores or memory for Petal's application, or"
                        + " runs another Spark version than Petal's " + driverVersion());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for executors of " + master, e);
            }
        }
    }

    /** Runs one small task that reports the executor's Spark version; refuses a cluster of another version. */
    private static void checkVersion(SparkSession session, String master) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session.sparkContext());
        List<String> versions = jsc.parallelize(List.of(0), 1)
                .map(x -> versionOf(Thread.currentThread().getContextClassLoader())).collect();
        String executor = versions.get(0);
        if (!executor.equals(driverVersion())) {
            throw new IllegalStateException("the Spark cluster " + master + " runs Spark " + executor
                    + " but Petal's driver runs Spark " + driverVersion() + "; use a cluster of Spark "
                    + driverVersion() + " (Scala 2.13)");
        }
    }

    static String versionOf(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream("spark-version-info.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Free and total task slots of the application right now. */
    static int[] slots(SparkContext sc) {
        int running = 0;
        for (var e : sc.statusTracker().getExecutorInfos()) {
            running += e.numRunningTasks();
        }
        int total = sc.defaultParallelism();
        int perTask = Integer.parseInt(sc.getConf().get("spark.task.cpus", "1"));
        return new int[] {Math.max(0, total / perTask - running), total / perTask};
    }

}
