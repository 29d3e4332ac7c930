package dev.petal.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.api.Version;
import dev.petal.tracking.Run;
import dev.petal.tracking.Workspace;
import dev.petal.tracking.store.AtomicFiles;
import dev.petal.tracking.store.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The model registry of a workspace, Azure's {@code Model.register}/{@code Model(ws, name, version)} plus MLflow's
 * aliases: {@code models/<name>/<version>/model.json} and the model files, {@code models/<name>/aliases.json}.
 */
public final class Registry {
    private final Workspace workspace;

    /** The registry of {@code workspace}. */
    public Registry(Workspace workspace) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    /** The registry's folder. */
    public Path root() {
        return workspace.modelsDir();
    }

    /** Registers a file or folder as the next version of {@code name}. */
    public Model register(String name, Path path) {
        return register(name, path, ModelOptions.defaults());
    }

    /** Registers a file or folder as the next version of {@code name}, with tags, properties and framework. */
    public Model register(String name, Path path, ModelOptions options) {
        return store(name, path, options, null, null);
    }

    /**
     * Registers the run file or folder {@code modelPath} (relative to the run, e.g. {@code outputs/model.petal}),
     * recording the run as the model's source.
     */
    public Model registerFromRun(String name, Run run, String modelPath, ModelOptions options) {
        Path source = run.folder().resolve(modelPath.replace('\\', '/')).normalize();
        if (!source.startsWith(run.folder()) || !Files.exists(source) || modelPath.isBlank()) {
            throw new IllegalArgumentException("Could not locate the provided model_path " + modelPath
                    + " in the set of files uploaded to the run: " + run.getFileNames());
        }
        return store(name, source, options, run.id(), run.experimentName());
    }

    /**
     * Registers a file or folder as the next version of {@code name}, recording {@code sourceRun} (may be null) as
     * the run it came from, as {@code petal models register --run} does for a file outside the run.
     */
    public Model register(String name, Path path, ModelOptions options, Run sourceRun) {
        return sourceRun == null ? register(name, path, options)
                : store(name, path, options, sourceRun.id(), sourceRun.experimentName());
    }

    /**
     * Deletes version {@code version} of {@code name} (its files are removed) and the aliases pointing at it;
     * MLflow's {@code delete_model_version}.
     */
    public void deleteVersion(String name, int version) {
        get(name, version);
        AtomicFiles.locked(root().resolve(name).resolve(".lock"), () -> {
            Map<String, Integer> a = new TreeMap<>(aliases(name));
            if (a.values().removeIf(v -> v == version)) {
                writeAliases(name, a);
            }
            Path folder = root().resolve(name).resolve(String.valueOf(version));
            Path trash = root().resolve(name).resolve(".deleted-" + version + "-" + ProcessHandle.current().pid());
            try {
                Files.move(folder, trash, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + name + ":" + version + ": " + e.getMessage(), e);
            }
            deleteTree(trash);
        });
    }

    /** Deletes every version of {@code name}, its aliases and its folder; MLflow's {@code delete_registered_model}. */
    public void delete(String name) {
        List<Model> versions = versions(name);
        if (versions.isEmpty()) {
            get(name);
        }
        for (Model m : versions) {
            deleteVersion(name, m.version());
        }
        AtomicFiles.locked(root().resolve(name).resolve(".lock"), () -> {
            try {
                Files.deleteIfExists(root().resolve(name).resolve("aliases.json"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        deleteTree(root().resolve(name));
    }

    private Model store(String name, Path source, ModelOptions options, String runId, String experiment) {
        ModelRef.checkName(name);
        Objects.requireNonNull(options, "options");
        if (!Files.exists(source)) {
            throw new IllegalArgumentException("model path " + source + " does not exist");
        }
        Path dir = root().resolve(name);
        int version = AtomicFiles.locked(dir.resolve(".lock"), () -> {
            int next = versionNumbers(name).stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
            Path tmp = dir.resolve(".incoming-" + next + "-" + ProcessHandle.current().pid());
            try {
                deleteTree(tmp);
                Files.createDirectories(tmp);
                String fileName = source.getFileName().toString();
                if (fileName.equals("model.json") || fileName.startsWith(".")) {
                    throw new IllegalArgumentException("model file name '" + fileName
                            + "' is reserved; rename the file before registering it");
                }
                copy(source, tmp.resolve(fileName));
                ObjectNode n = Json.object();
                n.put("name", name);
                n.put("version", next);
                n.put("path", fileName);
                n.put("framework", options.framework());
                n.put("frameworkVersion", options.frameworkVersion());
                n.put("description", options.description());
                n.set("tags", Json.fromStringMap(options.tags()));
                n.set("properties", Json.fromStringMap(new TreeMap<>(options.properties())));
                if (options.resourceConfiguration() == null) {
                    n.putNull("resourceConfiguration");
                } else {
                    ObjectNode rc = n.putObject("resourceConfiguration");
                    rc.put("cpu", options.resourceConfiguration().cpu());
                    rc.put("memoryInGB", options.resourceConfiguration().memoryInGb());
                }
                n.put("runId", runId);
                n.put("experiment", experiment);
                n.put("createdTime", Json.time(Instant.now()));
                n.put("sha256", Digests.sha256(tmp.resolve(fileName)));
                n.put("petalVersion", Version.petal());
                AtomicFiles.replace(tmp.resolve("model.json"), Json.pretty(n));
                Files.move(tmp, dir.resolve(String.valueOf(next)), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                deleteTree(tmp);
                throw new UncheckedIOException("cannot register model " + name + ": " + e.getMessage(), e);
            }
            return next;
        });
        return get(name, version);
    }

    /** The names of the registered models, sorted. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(root())) {
            return names;
        }
        try (Stream<Path> s = Files.list(root())) {
            s.filter(p -> Files.isDirectory(p) && !versionNumbers(p.getFileName().toString()).isEmpty())
                    .map(p -> p.getFileName().toString()).sorted().forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** Every version of every model, by name then version. */
    public List<Model> list() {
        List<Model> all = new ArrayList<>();
        names().forEach(n -> all.addAll(versions(n)));
        return all;
    }

    /** The versions of {@code name}, oldest first; empty if it is not registered. */
    public List<Model> versions(String name) {
        ModelRef.checkName(name);
        List<Model> list = new ArrayList<>();
        for (int v : versionNumbers(name)) {
            list.add(get(name, v));
        }
        return list;
    }

    /** The latest version of {@code name}. */
    public Model get(String name) {
        return get(ModelRef.latest(name));
    }

    /** Version {@code version} of {@code name}. */
    public Model get(String name, int version) {
        return get(ModelRef.of(name, version));
    }

    /** The model version {@code ref} points to; IllegalArgumentException naming what exists if none. */
    public Model get(ModelRef ref) {
        List<Integer> versions = versionNumbers(ref.name());
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("model '" + ref.name() + "' is not registered in workspace "
                    + workspace.root() + (names().isEmpty() ? " (it has no models)" : " (models: "
                    + String.join(", ", names()) + ")"));
        }
        int version;
        if (ref.alias() != null) {
            Integer v = aliases(ref.name()).get(ref.alias());
            if (v == null) {
                throw new IllegalArgumentException("model '" + ref.name() + "' has no alias '" + ref.alias()
                        + "' (aliases: " + (aliases(ref.name()).isEmpty() ? "none" : String.join(", ",
                        aliases(ref.name()).keySet())) + ")");
            }
            version = v;
        } else if (ref.version() != null) {
            version = ref.version();
            if (!versions.contains(version)) {
                throw new IllegalArgumentException("model '" + ref.name() + "' has no version " + version
                        + " (versions: " + versions.stream().map(String::valueOf)
                        .reduce((a, b) -> a + ", " + b).orElse("") + ")");
            }
        } else {
            version = versions.get(versions.size() - 1);
        }
        return read(ref.name(), version);
    }

    /** The registered model file (or folder) that {@code ref} points to, e.g. for {@code petal serve}. */
    public Path resolve(ModelRef ref) {
        return get(ref).path();
    }

    /** The model versions carrying tag {@code key} (with {@code value}, or any value when null). */
    public List<Model> findByTag(String key, String value) {
        return list().stream().filter(m -> m.tags().containsKey(key)
                && (value == null || value.equals(m.tags().get(key)))).toList();
    }

    /** The versions that came from run {@code runId}. */
    public List<Model> findByRun(String runId) {
        return list().stream().filter(m -> runId.equals(m.runId())).toList();
    }

    /** Adds or changes tags of a model version. */
    public Model setTags(String name, int version, Map<String, String> tags) {
        Model m = get(name, version);
        Path file = m.folder().resolve("model.json");
        AtomicFiles.locked(root().resolve(name).resolve(".lock"), () -> {
            ObjectNode n = (ObjectNode) Json.read(file);
            tags.forEach(n.withObjectProperty("tags")::put);
            AtomicFiles.replace(file, Json.pretty(n));
        });
        return get(name, version);
    }

    /** Removes a tag from a model version. */
    public Model removeTag(String name, int version, String key) {
        Model m = get(name, version);
        Path file = m.folder().resolve("model.json");
        AtomicFiles.locked(root().resolve(name).resolve(".lock"), () -> {
            ObjectNode n = (ObjectNode) Json.read(file);
            n.withObjectProperty("tags").remove(key);
            AtomicFiles.replace(file, Json.pretty(n));
        });
        return get(name, version);
    }

    /** Points {@code alias} (e.g. {@code champion}) at a version, moving it if it pointed elsewhere. */
    public Model setAlias(String name, String alias, int version) {
        ModelRef.checkAlias(alias);
        get(name, version);
        AtomicFiles.locked(root().resolve(name).resolve(".lock"), () -> {
            Map<String, Integer> a = new TreeMap<>(aliases(name));
            a.put(alias, version);
            writeAliases(name, a);
        });
        return get(name, version);
    }

    /** Removes an alias; IllegalArgumentException if it does not exist. */
    public void deleteAlias(String name, String alias) {
        AtomicFiles.locked(root().resolve(name).resolve(".lock"), () -> {
            Map<String, Integer> a = new TreeMap<>(aliases(name));
            if (a.remove(alias) == null) {
                throw new IllegalArgumentException("model '" + name + "' has no alias '" + alias + "'");
            }
            writeAliases(name, a);
        });
    }

    /** The aliases of {@code name} and the versions they point to. */
    public Map<String, Integer> aliases(String name) {
        Path f = root().resolve(name).resolve("aliases.json");
        Map<String, Integer> a = new TreeMap<>();
        if (Files.isRegularFile(f)) {
            Json.read(f).properties().forEach(e -> a.put(e.getKey(), e.getValue().asInt()));
        }
        return a;
    }

    /** Copies the model file (or folder) {@code ref} points to into the folder {@code targetDir}; returns the copy. */
    public Path download(ModelRef ref, Path targetDir) {
        Model m = get(ref);
        Path dest = targetDir.resolve(m.fileName());
        try {
            Files.createDirectories(targetDir);
            copy(m.path(), dest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot download " + ref + " to " + targetDir + ": " + e.getMessage(), e);
        }
        return dest;
    }

    private void writeAliases(String name, Map<String, Integer> a) {
        ObjectNode o = Json.object();
        a.forEach(o::put);
        AtomicFiles.replace(root().resolve(name).resolve("aliases.json"), Json.pretty(o));
    }

    private Model read(String name, int version) {
        Path folder = root().resolve(name).resolve(String.valueOf(version));
        JsonNode n = Json.read(folder.resolve("model.json"));
        JsonNode rc = n.get("resourceConfiguration");
        ResourceConfiguration res = rc == null || rc.isNull() ? null
                : new ResourceConfiguration(rc.path("cpu").asDouble(), rc.path("memoryInGB").asDouble());
        List<String> aliases = new ArrayList<>();
        aliases(name).forEach((k, v) -> {
            if (v == version) {
                aliases.add(k);
            }
        });
        String fileName = Json.text(n, "path");
        return new Model(name, version, folder.resolve(fileName), fileName, Json.text(n, "framework"),
                Json.text(n, "frameworkVersion"), Json.text(n, "description"), Json.stringMap(n.get("tags")),
                Json.stringMap(n.get("properties")), res, Json.text(n, "runId"), Json.text(n, "experiment"),
                Json.time(n.get("createdTime")), Json.text(n, "sha256"), aliases);
    }

    private List<Integer> versionNumbers(String name) {
        Path dir = root().resolve(name);
        List<Integer> versions = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return versions;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(p -> {
                String f = p.getFileName().toString();
                if (f.matches("[1-9][0-9]{0,8}") && Files.isRegularFile(p.resolve("model.json"))) {
                    versions.add(Integer.parseInt(f));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        versions.sort(null);
        return versions;
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            try (Stream<Path> s = Files.walk(from)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Path dest = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(p, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } else {
            Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
