package dev.petal.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything optional about a model registration, Azure's {@code register_model} keyword arguments.
 *
 * @param tags mutable tags (values may be null)
 * @param properties immutable properties
 * @param framework the model framework, e.g. {@link #SCIKITLEARN}, or null
 * @param frameworkVersion the framework's version, or null
 * @param description free text, or null
 * @param resourceConfiguration resources for deployment, or null
 */
public record ModelOptions(Map<String, String> tags, Map<String, String> properties, String framework,
                           String frameworkVersion, String description, ResourceConfiguration resourceConfiguration) {
    /** Azure's {@code Model.Framework.SCIKITLEARN}. */
    public static final String SCIKITLEARN = "ScikitLearn";
    /** Petal's own model files ({@code .petal}). */
    public static final String PETAL = "Petal";

    /** Copies the maps. */
    public ModelOptions {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(tags, "tags")));
        properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
    }

    /** No tags, properties, framework, description or resource configuration. */
    public static ModelOptions defaults() {
        return new ModelOptions(Map.of(), Map.of(), null, null, null, null);
    }

    /** A copy with these tags. */
    public ModelOptions withTags(Map<String, String> t) {
        return new ModelOptions(t, properties, framework, frameworkVersion, description, resourceConfiguration);
    }

    /** A copy with these properties. */
    public ModelOptions withProperties(Map<String, String> p) {
        return new ModelOptions(tags, p, framework, frameworkVersion, description, resourceConfiguration);
    }

    /** A copy with this framework and framework version. */
    public ModelOptions withFramework(String name, String version) {
        return new ModelOptions(tags, properties, name, version, description, resourceConfiguration);
    }

    /** A copy with this description. */
    public ModelOptions withDescription(String text) {
        return new ModelOptions(tags, properties, framework, frameworkVersion, text, resourceConfiguration);
    }

    /** A copy with this resource configuration. */
    public ModelOptions withResourceConfiguration(ResourceConfiguration rc) {
        return new ModelOptions(tags, properties, framework, frameworkVersion, description, rc);
    }
}
