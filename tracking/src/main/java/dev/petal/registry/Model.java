package dev.petal.registry;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One registered model version, as in {@code models/<name>/<version>/model.json}.
 *
 * @param name the model name
 * @param version the version, 1, 2, …
 * @param path the registered file (or folder) inside the version folder
 * @param fileName the registered file or folder name, e.g. {@code model.petal}
 * @param framework the framework, or null
 * @param frameworkVersion the framework version, or null
 * @param description the description, or null
 * @param tags mutable tags
 * @param properties immutable properties
 * @param resourceConfiguration the deployment resources, or null
 * @param runId the run the model came from, or null
 * @param experiment that run's experiment, or null
 * @param createdTime when this version was registered
 * @param sha256 SHA-256 of the registered file (of a folder: of its files' names and hashes)
 * @param aliases the aliases pointing at this version
 */
public record Model(String name, int version, Path path, String fileName, String framework, String frameworkVersion,
                    String description, Map<String, String> tags, Map<String, String> properties,
                    ResourceConfiguration resourceConfiguration, String runId, String experiment,
                    Instant createdTime, String sha256, List<String> aliases) {
    /** Copies the maps and lists. */
    public Model {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        aliases = List.copyOf(aliases);
    }

    /** This version as a reference {@code NAME:VERSION}. */
    public ModelRef ref() {
        return ModelRef.of(name, version);
    }

    /** The version folder, {@code models/<name>/<version>/}. */
    public Path folder() {
        return path.getParent();
    }
}
