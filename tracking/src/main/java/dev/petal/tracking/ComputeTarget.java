package dev.petal.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import dev.petal.tracking.store.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Where a submitted script executes, Azure's compute target: {@code local} (a child JVM on this machine, the
 * default), {@code inprocess} (a thread of this JVM), {@code spark:local[N]} (an embedded Spark, N task slots) or
 * {@code spark://HOST:PORT} (a Spark standalone cluster), optionally with Spark settings; a named target is read
 * from the workspace's {@code computes/NAME.json}.
 */
public final class ComputeTarget {
    /** A child JVM on this machine, with Petal on its class path (the default). */
    public static final ComputeTarget LOCAL = new ComputeTarget("local", null, null, Map.of());
    /** A thread of the submitting JVM, calling the main class with the run context bound to the thread. */
    public static final ComputeTarget INPROCESS = new ComputeTarget("inprocess", null, null, Map.of());

    private static final Pattern LOCAL_MASTER = Pattern.compile("local(\\[(\\*|[1-9][0-9]{0,3})])?");
    private static final Pattern CLUSTER_MASTER = Pattern.compile("spark://[A-Za-z0-9.\\-]+:[0-9]{1,5}(,[A-Za-z0-9.\\-]+:[0-9]{1,5})*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final String EXPECTED = "expected local, inprocess, spark:local[N], spark://HOST:PORT"
            + " or the name of a target in the workspace's computes/ folder";

    private final String id;
    private final String name;
    private final String sparkMaster;
    private final Map<String, String> sparkConf;

    private ComputeTarget(String id, String name, String sparkMaster, Map<String, String> sparkConf) {
        this.id = id;
        this.name = name;
        this.sparkMaster = sparkMaster;
        this.sparkConf = Collections.unmodifiableMap(new TreeMap<>(sparkConf));
    }

    /**
     * A Spark target: {@code master} is {@code local}, {@code local[N]}, {@code local[*]} or
     * {@code spark://HOST:PORT}; {@code conf} holds Spark settings such as {@code spark.executor.memory}.
     */
    public static ComputeTarget spark(String master, Map<String, String> conf) {
        Objects.requireNonNull(master, "master");
        Objects.requireNonNull(conf, "conf");
        if (!LOCAL_MASTER.matcher(master).matches() && !CLUSTER_MASTER.matcher(master).matches()) {
            throw new IllegalArgumentException("Spark master '" + master
                    + "' is invalid; expected local[N], local[*] or spark://HOST:PORT");
        }
        conf.keySet().forEach(k -> {
            if (!k.startsWith("spark.")) {
                throw new IllegalArgumentException("Spark setting '" + k + "' must start with 'spark.'");
            }
        });
        return new ComputeTarget("spark:" + master, null, master, conf);
    }

    /**
     * Parses {@code local}, {@code inprocess} (case ignored), {@code spark:local[N]}, {@code spark:local[*]} or
     * {@code spark://HOST:PORT}. Named targets need a workspace: see {@link #resolve(String, Workspace)}.
     */
    public static ComputeTarget parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.equalsIgnoreCase("local")) {
            return LOCAL;
        }
        if (text.equalsIgnoreCase("inprocess")) {
            return INPROCESS;
        }
        if (text.startsWith("spark://")) {
            return spark(text, Map.of());
        }
        if (text.startsWith("spark:")) {
            return spark(text.substring("spark:".length()), Map.of());
        }
        throw new IllegalArgumentException("unknown compute target '" + text + "'; " + EXPECTED);
    }

    /** {@link #parse(String)}, or else the named target {@code computes/NAME.json} of {@code workspace}. */
    public static ComputeTarget resolve(String text, Workspace workspace) {
        Objects.requireNonNull(text, "text");
        if (text.equalsIgnoreCase("local") || text.equalsIgnoreCase("inprocess") || text.startsWith("spark:")) {
            return parse(text);
        }
        if (!NAME.matcher(text).matches()) {
            throw new IllegalArgumentException("unknown compute target '" + text + "'; " + EXPECTED);
        }
        Path file = workspace.root().resolve("computes").resolve(text + ".json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("unknown compute target '" + text + "': no " + file + "; " + EXPECTED);
        }
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read compute target " + file + ": " + e.getMessage(), e);
        }
        return named(text, Json.parse(json, file.toString()), file);
    }

    private static ComputeTarget named(String name, JsonNode n, Path file) {
        String type = n.path("type").asText("");
        switch (type) {
            case "local":
                return LOCAL;
            case "inprocess":
                return INPROCESS;
            case "spark":
                break;
            default:
                throw new IllegalArgumentException("compute target " + file + ": \"type\" must be \"spark\", \"local\""
                        + " or \"inprocess\", got \"" + type + "\"");
        }
        String master = n.path("master").asText("");
        if (master.isEmpty()) {
            throw new IllegalArgumentException("compute target " + file + " has no \"master\" (such as"
                    + " \"spark://127.0.0.1:7077\" or \"local[2]\")");
        }
        Map<String, String> conf = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("conf").properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            conf.put(e.getKey(), e.getValue().asText());
        }
        try {
            ComputeTarget t = spark(master, conf);
            return new ComputeTarget(t.id, name, t.sparkMaster, t.sparkConf);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("compute target " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code target} (a Spark target) as the workspace's named target {@code computes/NAME.json}. */
    public static void save(Workspace workspace, String name, ComputeTarget target) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("compute target name '" + name + "' is invalid: it must start with a"
                    + " letter and contain only letters, digits, '_' and '-'");
        }
        var n = Json.object();
        n.put("type", target.isSpark() ? "spark" : target.id);
        if (target.isSpark()) {
            n.put("master", target.sparkMaster);
            n.set("conf", Json.fromStringMap(target.sparkConf));
        }
        Path file = workspace.root().resolve("computes").resolve(name + ".json");
        try {
            Files.createDirectories(file.getParent());
            dev.petal.tracking.store.AtomicFiles.replace(file, Json.pretty(n));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * This Spark target with {@code conf} added to its settings (a key it already has takes {@code conf}'s value), as
     * {@code --spark-conf KEY=VALUE} does on the command line; a named target keeps its name.
     *
     * @throws IllegalArgumentException when this is not a Spark target or a key does not start with {@code spark.}
     */
    public ComputeTarget withSparkConf(Map<String, String> conf) {
        Objects.requireNonNull(conf, "conf");
        if (!isSpark()) {
            throw new IllegalArgumentException("Spark settings need a Spark target (spark:local[N], spark://HOST:PORT or"
                    + " a named Spark target); compute target '" + id + "' is not one");
        }
        Map<String, String> merged = new TreeMap<>(sparkConf);
        merged.putAll(conf);
        ComputeTarget t = spark(sparkMaster, merged);
        return new ComputeTarget(t.id, name, t.sparkMaster, t.sparkConf);
    }

    /** The target as written in configurations and run.json: {@code local}, {@code inprocess}, {@code spark:...}. */
    public String id() {
        return id;
    }

    /** The workspace name it was read under, or null. */
    public String name() {
        return name;
    }

    /** True for a Spark target. */
    public boolean isSpark() {
        return sparkMaster != null;
    }

    /** The Spark master URL ({@code local[2]}, {@code spark://HOST:PORT}); null unless {@link #isSpark()}. */
    public String sparkMaster() {
        return sparkMaster;
    }

    /** The Spark settings of the target (sorted, unmodifiable; empty for the built-in targets). */
    public Map<String, String> sparkConf() {
        return sparkConf;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComputeTarget t && t.id.equals(id) && t.sparkConf.equals(sparkConf);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + sparkConf.hashCode();
    }

    @Override
    public String toString() {
        return name != null ? name + " (" + id + ")" : id;
    }
}
