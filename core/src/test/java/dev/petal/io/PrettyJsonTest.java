package dev.petal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrettyJsonTest {
    private static final ObjectMapper INDENTED = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A tree with every kind of value a header holds, nested and empty containers, and awkward strings and numbers. */
    private static ObjectNode tree() {
        ObjectNode root = ModelArchive.newObject();
        root.put("format_version", 1);
        root.put("model_type", "svc");
        root.put("text", "tab\t quote\" backslash\\ newline\n control\u0001 non-ascii é 漢 \uD83D\uDE00");
        root.put("int", -7);
        root.put("long", 1L << 40);
        root.put("big", new BigInteger("123456789012345678901234567890"));
        root.put("decimal", new BigDecimal("1.50"));
        root.put("float", 0.1f);
        root.put("true", true);
        root.put("false", false);
        root.putNull("null");
        ArrayNode d = root.putArray("doubles");
        for (double v : new double[] {1.0, -0.0, 0.1, 1e-300, Double.MIN_VALUE, Double.MAX_VALUE, 2.82879384806159008E17,
                Double.NaN, Double.POSITIVE_INFINITY, 123456.789}) {
            d.add(v);
        }
        root.putArray("empty_array");
        root.putObject("empty_object");
        ObjectNode model = root.putObject("model");
        model.putObject("kernel").put("name", "rbf").put("gamma", 0.05);
        ArrayNode steps = model.putArray("steps");
        steps.addObject().putArray("shape").add(3).add(4);
        steps.addArray().addArray().add("nested");
        steps.addNull();
        return root;
    }

    @Test
    void writesWhatAnIndentingObjectMapperWrites() throws Exception {
        ObjectNode root = tree();
        byte[] want = INDENTED.writeValueAsBytes(root);
        assertArrayEquals(want, PrettyJson.bytes(root), () -> new String(want, StandardCharsets.UTF_8));
        assertArrayEquals(INDENTED.writeValueAsBytes(ModelArchive.newObject()), PrettyJson.bytes(ModelArchive.newObject()));
        assertEquals("{\n  \"a\" : [ 1, 2 ]\n}", new String(PrettyJson.bytes(ModelArchive.newObject().set("a",
                ModelArchive.newObject().arrayNode().add(1).add(2))), StandardCharsets.UTF_8));
    }

    @Test
    void refusesValuesAHeaderNeverHolds() {
        ObjectNode root = ModelArchive.newObject();
        root.putPOJO("pojo", new Object());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PrettyJson.bytes(root));
        assertEquals("a model header holds no POJO values", e.getMessage());
        ObjectNode binary = ModelArchive.newObject().put("bytes", new byte[] {1, 2});
        assertEquals("a model header holds no BINARY values",
                assertThrows(IllegalArgumentException.class, () -> PrettyJson.bytes(binary)).getMessage());
    }
}
