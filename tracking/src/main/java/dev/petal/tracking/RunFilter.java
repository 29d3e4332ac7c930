package dev.petal.tracking;

import java.util.HashMap;
import java.util.Map;

/**
 * Which runs {@link Experiment#getRuns(RunFilter)} returns, as Azure's {@code get_runs(tags, properties)}.
 *
 * @param tags required tags; a null value requires only the key
 * @param properties required properties (key and value)
 * @param status required status, or null for any
 * @param includeChildren whether child runs are listed too
 */
public record RunFilter(Map<String, String> tags, Map<String, String> properties, RunStatus status,
                        boolean includeChildren) {
    /** Copies the maps (tags may hold null values). */
    public RunFilter {
        tags = java.util.Collections.unmodifiableMap(new HashMap<>(tags));
        properties = Map.copyOf(properties);
    }

    /** Every top-level run. */
    public static RunFilter all() {
        return new RunFilter(Map.of(), Map.of(), null, false);
    }

    /** Also requires tag {@code key} with any value. */
    public RunFilter withTag(String key) {
        return withTag(key, null);
    }

    /** Also requires tag {@code key} = {@code value} (null: any value). */
    public RunFilter withTag(String key, String value) {
        Map<String, String> t = new HashMap<>(tags);
        t.put(key, value);
        return new RunFilter(t, properties, status, includeChildren);
    }

    /** Also requires property {@code key} = {@code value}. */
    public RunFilter withProperty(String key, String value) {
        Map<String, String> p = new HashMap<>(properties);
        p.put(key, value);
        return new RunFilter(tags, p, status, includeChildren);
    }

    /** Only runs with this status. */
    public RunFilter withStatus(RunStatus s) {
        return new RunFilter(tags, properties, s, includeChildren);
    }

    /** Child runs listed too (or not). */
    public RunFilter withChildren(boolean include) {
        return new RunFilter(tags, properties, status, include);
    }

    /** True when {@code details} passes this filter. */
    public boolean test(RunDetails details) {
        if (!includeChildren && details.parentId() != null) {
            return false;
        }
        if (status != null && details.status() != status) {
            return false;
        }
        for (Map.Entry<String, String> e : tags.entrySet()) {
            if (!details.tags().containsKey(e.getKey())) {
                return false;
            }
            if (e.getValue() != null && !e.getValue().equals(details.tags().get(e.getKey()))) {
                return false;
            }
        }
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (!e.getValue().equals(details.properties().get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
