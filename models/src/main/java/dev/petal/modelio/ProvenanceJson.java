package dev.petal.modelio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.api.Provenance;
import dev.petal.io.JsonSection;
import dev.petal.io.ModelFormatException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** The {@code provenance} object of {@code petal.json}. */
final class ProvenanceJson {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private ProvenanceJson() {
    }

    static void write(ObjectNode node, Provenance p) {
        node.put("petal_version", p.petalVersion());
        node.put("java_version", p.javaVersion());
        node.put("created_at", p.createdAt().toString());
        node.put("x_sha256", p.xSha256());
        node.put("y_sha256", p.ySha256());
    }

    static Provenance read(JsonSection s) throws ModelFormatException {
        String petal = s.string("petal_version", 100);
        String java = s.string("java_version", 100);
        String created = s.string("created_at", 64);
        Instant at;
        try {
            at = Instant.parse(created);
        } catch (DateTimeParseException e) {
            throw s.fail("created_at", "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
        String x = sha(s, "x_sha256");
        String y = sha(s, "y_sha256");
        s.finish();
        return new Provenance(petal, java, at, x, y);
    }

    private static String sha(JsonSection s, String key) throws ModelFormatException {
        String v = s.string(key, 64);
        if (!SHA256.matcher(v).matches()) {
            throw s.fail(key, "must be 64 lowercase hex digits");
        }
        return v;
    }
}
