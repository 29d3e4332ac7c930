package dev.petal.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * A JSON tree as UTF-8 bytes, pretty-printed byte for byte as an {@code ObjectMapper} with
 * {@code SerializationFeature.INDENT_OUTPUT} writes it (the same generator and {@link DefaultPrettyPrinter}), but
 * through a plain {@link JsonFactory}: building an {@code ObjectMapper} costs a cold command tens of milliseconds
 * (its date format alone loads the locale and calendar data), and saving a model needs none of it.
 */
final class PrettyJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private PrettyJson() {
    }

    /** The bytes of {@code root}; a tree holds objects, arrays, strings, numbers, booleans and nulls only. */
    static byte[] bytes(JsonNode root) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            write(g, root);
        }
        return out.toByteArray();
    }

    /** What {@code node.serialize(g, provider)} writes under an ObjectMapper's default settings. */
    private static void write(JsonGenerator g, JsonNode node) throws IOException {
        if (node instanceof ObjectNode o) {
            g.writeStartObject(o, o.size());
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (node instanceof ArrayNode a) {
            g.writeStartArray(a, a.size());
            for (int i = 0; i < a.size(); i++) {
                write(g, a.get(i));
            }
            g.writeEndArray();
        } else if (node.isNull()) {
            g.writeNull();   // NullNode asks the serializer provider, whose default writes null
        } else if (node instanceof BinaryNode || node instanceof POJONode) {
            throw new IllegalArgumentException("a model header holds no " + node.getNodeType() + " values");
        } else {
            node.serialize(g, null);   // strings, numbers and booleans never consult the provider
        }
    }
}
