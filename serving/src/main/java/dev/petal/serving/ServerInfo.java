package dev.petal.serving;

import dev.petal.api.Version;

/** The bodies of the service's informational endpoints: {@code GET /}, {@code /version} and the v2 health flags. */
final class ServerInfo {
    private ServerInfo() {
    }

    /** {@code GET /}: liveness plus what is served and where to send requests. */
    static byte[] root(ServedModel model) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("status", "Healthy");
            g.writeStringField("model", model.name());
            g.writeStringField("version", model.version());
            g.writeStringField("model_type", model.modelType());
            g.writeNumberField("n_features", model.classifier().nFeatures());
            g.writeObjectFieldStart("endpoints");
            g.writeStringField("score", "POST /score");
            g.writeStringField("invocations", "POST /invocations");
            g.writeStringField("infer", "POST /v2/models/" + model.name() + "/infer");
            g.writeStringField("metadata", "GET /v2/models/" + model.name());
            g.writeStringField("health", "GET /health");
            g.writeStringField("version", "GET /version");
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    /** {@code GET /version}: Petal's and Java's versions and the served model. */
    static byte[] version(ServedModel model) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("petal", Version.petal());
            g.writeStringField("java", Version.java());
            g.writeStringField("model", model.name());
            g.writeStringField("model_version", model.version());
            g.writeEndObject();
        });
    }

    /** {@code {"<name>": true}}, the v2 health answers. */
    static byte[] flag(String name) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeBooleanField(name, true);
            g.writeEndObject();
        });
    }
}
