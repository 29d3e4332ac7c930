package dev.petal.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.api.Version;
import dev.petal.registry.Registry;
import dev.petal.tracking.store.AtomicFiles;
import dev.petal.tracking.store.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A local workspace folder holding run history and the model registry, Azure's {@code Workspace}: by default
 * {@code .petal/} found upward from the working directory; the layout is created on first use.
 */
public final class Workspace {
    /** The default workspace folder name. */
    public static final String FOLDER = ".petal";
    /** Environment variable (or system property {@code petal.workspace}) naming the workspace of a submitted run. */
    public static final String ENV_WORKSPACE = "PETAL_WORKSPACE";

    private final Path root;
    private final String name;

    private Workspace(Path root, String name) {
        this.root = root;
        this.name = name;
    }

    /**
     * The workspace of the current run if there is one, else the nearest {@code .petal/config.json} upward from the
     * working directory, else a new {@code .petal/} in the working directory.
     */
    public static Workspace fromConfig() {
        String bound = RunContext.setting("petal.workspace", ENV_WORKSPACE);
        if (bound != null) {
            return at(Path.of(bound));
        }
        return fromConfig(Path.of(System.getProperty("user.dir")));
    }

    /** The nearest {@code .petal/config.json} upward from {@code start}, else a new {@code .petal/} in {@code start}. */
    public static Workspace fromConfig(Path start) {
        return find(start).orElseGet(() -> at(start.toAbsolutePath().normalize().resolve(FOLDER)));
    }

    /** The nearest existing workspace ({@code .petal/config.json}) upward from {@code start}, creating nothing. */
    public static java.util.Optional<Workspace> find(Path start) {
        for (Path d = start.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(FOLDER).resolve("config.json"))) {
                return java.util.Optional.of(at(d.resolve(FOLDER)));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The workspace in {@code folder} (the folder holding {@code config.json}, {@code experiments/}, {@code models/});
     * a folder that itself contains {@code .petal/config.json} means that {@code .petal}. Created if missing.
     */
    public static Workspace at(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("config.json"))
                && Files.isRegularFile(dir.resolve(FOLDER).resolve("config.json"))) {
            dir = dir.resolve(FOLDER);
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("workspace " + dir + " is a file, not a folder");
        }
        Path config = dir.resolve("config.json");
        Path finalDir = dir;
        String name = AtomicFiles.locked(dir.resolve(".config.lock"), () -> {
            if (Files.isRegularFile(config)) {
                JsonNode node = Json.read(config);
                String n = Json.text(node, "name");
                if (n == null) {
                    throw new IllegalArgumentException(config + " has no \"name\"; it is not a Petal workspace config");
                }
                return n;
            }
            Path parent = finalDir.getParent();
            String n = finalDir.getFileName().toString().equals(FOLDER) && parent != null && parent.getFileName() != null
                    ? parent.getFileName().toString() : finalDir.getFileName().toString();
            ObjectNode o = Json.object();
            o.put("name", n);
            o.put("formatVersion", 1);
            o.put("createdTime", Json.time(Instant.now()));
            o.put("petalVersion", Version.petal());
            AtomicFiles.replace(config, Json.pretty(o));
            return n;
        });
        try {
            Files.createDirectories(dir.resolve("experiments"));
            Files.createDirectories(dir.resolve("models"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create workspace layout in " + dir + ": " + e.getMessage(), e);
        }
        return new Workspace(dir, name);
    }

    /** The workspace folder (holding config.json). */
    public Path root() {
        return root;
    }

    /** The workspace name from config.json. */
    public String name() {
        return name;
    }

    /** The folder holding one sub-folder per experiment. */
    public Path experimentsDir() {
        return root.resolve("experiments");
    }

    /** The folder of the model registry. */
    public Path modelsDir() {
        return root.resolve("models");
    }

    /** The experiment called {@code name}, created if new. */
    public Experiment experiment(String name) {
        return new Experiment(this, name);
    }

    /** The experiments of this workspace, by name. */
    public List<Experiment> experiments() {
        List<Experiment> list = new ArrayList<>();
        try (Stream<Path> s = Files.list(experimentsDir())) {
            s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .forEach(n -> list.add(new Experiment(this, n)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list;
    }

    /** The run with this id in any experiment; IllegalArgumentException if there is none. */
    public Run getRun(String runId) {
        Objects.requireNonNull(runId, "runId");
        String exp = Run.experimentOf(runId);
        if (exp != null && Files.isRegularFile(experimentsDir().resolve(exp).resolve(runId).resolve("run.json"))) {
            return Run.load(this, exp, runId);
        }
        for (Experiment e : experiments()) {
            if (Files.isRegularFile(experimentsDir().resolve(e.name()).resolve(runId).resolve("run.json"))) {
                return Run.load(this, e.name(), runId);
            }
        }
        throw new IllegalArgumentException("no run '" + runId + "' in workspace " + root);
    }

    /** The model registry of this workspace. */
    public Registry registry() {
        return new Registry(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Workspace w && w.root.equals(root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    @Override
    public String toString() {
        return "Workspace(" + name + ", " + root + ")";
    }
}
