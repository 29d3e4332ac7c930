package dev.petal.serving;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.petal.check.PyRepr;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The service's JSON reading (strict, with NaN and Infinity accepted so they can be named) and writing. */
final class Json {
    /** Reads request bodies: duplicate keys and trailing content are refused; NaN/Infinity parse as numbers. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Json() {
    }

    /** Parses a request body; an empty or malformed body is a 400 naming the problem. */
    static JsonNode parse(byte[] body) {
        if (body.length == 0 || isBlank(body)) {
            throw RequestException.badRequest("The request body is empty; send a JSON object such as {\"data\": [[5.1, 3.5, 1.4, 0.2]]}.");
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw RequestException.badRequest("The request body is empty; send a JSON object such as {\"data\": [[5.1, 3.5, 1.4, 0.2]]}.");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw RequestException.badRequest("Malformed JSON" + where + ": " + withoutSource(e.getOriginalMessage()));
        } catch (IOException e) {
            throw RequestException.badRequest("Malformed JSON: " + withoutSource(e.getMessage()));
        }
    }

    /** Writes a JSON document with {@code body} and returns its UTF-8 bytes. */
    static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** {@code {"error": message}}, the body of every refusal. */
    static byte[] error(String message) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("error", message);
            g.writeEndObject();
        });
    }

    /** Writes a double as Python's json.dumps does (repr digits), so answers match scikit-learn's text. */
    static void number(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(PyRepr.of(v));
        } else {
            g.writeNull();
        }
    }

    /** Jackson's message without its "[Source: ...; line: 1, column: 1]" noise, on one line. */
    private static String withoutSource(String message) {
        return oneLine(message).replaceAll("\\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
    }

    /** A message folded into one line. */
    static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The JSON type of a node in words, for messages: "a string", "an object", "null". */
    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "nothing";
        }
        return switch (n.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "the string " + quote(n.asText());
            case BOOLEAN -> n.asText();
            case NULL -> "null";
            case NUMBER -> "the number " + n.asText();
            default -> n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The longest error message the service answers, in characters: any quoted input is cut well before. */
    static final int MAX_MESSAGE_CHARS = 400;

    /** {@code message} cut to {@link #MAX_MESSAGE_CHARS} characters (a last safety net: messages quote input briefly). */
    static String bounded(String message) {
        return message == null || message.length() <= MAX_MESSAGE_CHARS ? message
                : message.substring(0, MAX_MESSAGE_CHARS - 3) + "...";
    }

    /** {@code s} shortened to 40 characters ("..." marks a cut). */
    static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    /** {@code s} in double quotes, shortened to 40 characters. */
    static String quote(String s) {
        String t = shorten(s);
        return "\"" + t.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static boolean isBlank(byte[] b) {
        for (byte c : b) {
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** Something that writes itself to a generator. */
    @FunctionalInterface
    interface Body {
        /** Writes the document. */
        void write(JsonGenerator g) throws IOException;
    }
}
