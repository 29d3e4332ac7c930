package dev.petal.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A JSON object of {@code petal.json} read as hostile input: typed getters that check presence,
 * type and range and throw a {@link ModelFormatException} naming the file and the field, and
 * {@link #finish()} to refuse keys nobody read.
 */
public final class JsonSection {
    private final String label;
    private final String path;
    private final ObjectNode node;
    private final Set<String> read = new HashSet<>();

    JsonSection(String label, String path, ObjectNode node) {
        this.label = label;
        this.path = path;
        this.node = node;
    }

    /** Whether {@code key} is present with a non-null value. */
    public boolean has(String key) {
        JsonNode v = node.get(key);
        if (v == null) {
            return false;
        }
        read.add(key);
        return !v.isNull();
    }

    /** Whether {@code key} is present and holds a string. */
    public boolean isText(String key) {
        JsonNode v = node.get(key);
        return v != null && v.isTextual();
    }

    /** Whether {@code key} is present and holds an object. */
    public boolean isObject(String key) {
        JsonNode v = node.get(key);
        return v != null && v.isObject();
    }

    /** An integer field in [min, max]. */
    public int integer(String key, int min, int max) throws ModelFormatException {
        return (int) longInteger(key, min, max);
    }

    /** A long integer field in [min, max]. */
    public long longInteger(String key, long min, long max) throws ModelFormatException {
        JsonNode v = get(key);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            throw fail(key, "must be an integer in [" + min + ", " + max + "], got " + brief(v));
        }
        return v.asLong();
    }

    /** A finite number field. */
    public double real(String key) throws ModelFormatException {
        JsonNode v = get(key);
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw fail(key, "must be a finite number, got " + brief(v));
        }
        return v.asDouble();
    }

    /** A boolean field. */
    public boolean bool(String key) throws ModelFormatException {
        JsonNode v = get(key);
        if (!v.isBoolean()) {
            throw fail(key, "must be true or false, got " + brief(v));
        }
        return v.asBoolean();
    }

    /** A string field of at most {@code maxLength} characters. */
    public String string(String key, int maxLength) throws ModelFormatException {
        JsonNode v = get(key);
        if (!v.isTextual() || v.asText().length() > maxLength) {
            throw fail(key, "must be a string of at most " + maxLength + " characters, got " + brief(v));
        }
        return v.asText();
    }

    /** A string field whose value is one of {@code allowed}. */
    public String choice(String key, List<String> allowed) throws ModelFormatException {
        JsonNode v = get(key);
        if (!v.isTextual() || !allowed.contains(v.asText())) {
            throw fail(key, "must be one of " + allowed + ", got " + brief(v));
        }
        return v.asText();
    }

    /** An array of at most {@code maxLength} integers. */
    public int[] integers(String key, int maxLength) throws ModelFormatException {
        JsonNode v = get(key);
        if (!v.isArray() || v.size() > maxLength) {
            throw fail(key, "must be an array of at most " + maxLength + " integers, got " + brief(v));
        }
        int[] out = new int[v.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = v.get(i);
            if (!e.isIntegralNumber() || !e.canConvertToInt()) {
                throw fail(key, "must hold 32-bit integers, got " + brief(e) + " at index " + i);
            }
            out[i] = e.asInt();
        }
        return out;
    }

    /** An array of at most {@code maxLength} strings of at most {@code maxChars} characters each. */
    public List<String> strings(String key, int maxLength, int maxChars) throws ModelFormatException {
        JsonNode v = get(key);
        if (!v.isArray() || v.size() > maxLength) {
            throw fail(key, "must be an array of at most " + maxLength + " strings, got " + brief(v));
        }
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual() || e.asText().length() > maxChars) {
                throw fail(key, "must hold strings of at most " + maxChars + " characters, got " + brief(e)
                        + " at index " + i);
            }
            out.add(e.asText());
        }
        return List.copyOf(out);
    }

    /** A nested object field. */
    public JsonSection section(String key) throws ModelFormatException {
        JsonNode v = get(key);
        if (!v.isObject()) {
            throw fail(key, "must be an object, got " + brief(v));
        }
        return new JsonSection(label, child(key), (ObjectNode) v);
    }

    /** An array of at most {@code maxLength} objects. */
    public List<JsonSection> sections(String key, int maxLength) throws ModelFormatException {
        JsonNode v = get(key);
        if (!v.isArray() || v.size() > maxLength) {
            throw fail(key, "must be an array of at most " + maxLength + " objects, got " + brief(v));
        }
        List<JsonSection> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isObject()) {
                throw fail(key, "must hold objects, got " + brief(v.get(i)) + " at index " + i);
            }
            out.add(new JsonSection(label, child(key) + "[" + i + "]", (ObjectNode) v.get(i)));
        }
        return out;
    }

    /** The keys of this object, in file order. */
    public List<String> keys() {
        List<String> out = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(out::add);
        return out;
    }

    /** Refuses any key that no getter has read, naming the first one. */
    public void finish() throws ModelFormatException {
        for (String k : keys()) {
            if (!read.contains(k)) {
                throw new ModelFormatException(label + ": petal.json has an unexpected field "
                        + ZipReader.printable(child(k)) + ".");
            }
        }
    }

    /** A failure of this section, naming the file and {@code key}. */
    public ModelFormatException fail(String key, String problem) {
        return new ModelFormatException(label + ": petal.json field " + ZipReader.printable(child(key)) + " "
                + problem + ".");
    }

    private JsonNode get(String key) throws ModelFormatException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new ModelFormatException(label + ": petal.json lacks the field " + child(key) + ".");
        }
        read.add(key);
        return v;
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String brief(JsonNode v) {
        String s = v.isArray() ? "an array" : v.isObject() ? "an object" : v.toString();
        return ZipReader.printable(s);
    }
}
