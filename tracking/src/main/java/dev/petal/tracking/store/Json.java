package dev.petal.tracking.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversions between JSON trees, tracking files and plain Java values. Its Jackson mappers stay private: a shared
 * mutable mapper would let any caller change how every tracking file is written.
 */
public final class Json {
    /** The mapper used for every Petal tracking file: pretty printed, keys in insertion order. */
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private Json() {
    }

    /** A new empty JSON object. */
    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A new empty JSON array. */
    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** Pretty-printed UTF-8 bytes of {@code node} followed by a newline. */
    public static byte[] pretty(JsonNode node) {
        try {
            return (MAPPER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compact one-line JSON of {@code node}. */
    public static String compact(JsonNode node) {
        try {
            return COMPACT.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses {@code text}; a syntax error becomes an IllegalArgumentException naming {@code what}. */
    public static JsonNode parse(String text, String what) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Reads and parses a JSON file, naming the file in any error. */
    public static JsonNode read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Converts a Java value (null, Number, String, Boolean, Map, Iterable, array) into a JSON node. */
    public static JsonNode toNode(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** Converts a JSON node into plain Java values: Map, List, String, Long/Double, Boolean or null. */
    public static Object toJava(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            node.properties().forEach(e -> m.put(e.getKey(), toJava(e.getValue())));
            return Collections.unmodifiableMap(m);
        }
        if (node.isArray()) {
            List<Object> l = new ArrayList<>();
            node.forEach(n -> l.add(toJava(n)));
            return Collections.unmodifiableList(l);
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : (Object) node.doubleValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    /** A string-to-string map from a JSON object (null values kept), or an empty map. */
    public static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> m = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> m.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        }
        return m;
    }

    /** A JSON object from a string map. */
    public static ObjectNode fromStringMap(Map<String, String> map) {
        ObjectNode o = object();
        map.forEach(o::put);
        return o;
    }

    /** ISO-8601 UTC text of an instant to the millisecond, e.g. {@code 2026-11-27T22:47:42.159Z}, or null. */
    public static String time(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    /** The instant in a text field, or null when the field is absent or null. */
    public static Instant time(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : Instant.parse(node.asText());
    }

    /** The text of a field, or null when absent or null. */
    public static String text(JsonNode parent, String field) {
        JsonNode n = parent.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
