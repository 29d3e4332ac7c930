package dev.petal.serving;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A deployed local web service, as Azure ML's {@code Model.deploy} returns: deploy, score with
 * {@link #run(String)}, then {@link #delete()} (or close it with try-with-resources).
 *
 * <pre>{@code
 * try (WebService service = WebService.deploy("scikit-learn-service", served)) {
 *     String answer = service.run("{\"data\": [[6.1, 2.8, 4.7, 1.2]]}");   // "[1]"
 * }
 * }</pre>
 */
public final class WebService implements AutoCloseable {
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9-]{1,30}[a-z0-9]");

    private final String name;
    private final ScoringServer server;
    private final Optional<String> key;
    private final HttpClient client;
    private volatile boolean deleted;

    private WebService(String name, ScoringServer server, Optional<String> key) {
        this.name = name;
        this.server = server;
        this.key = key;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Deploys {@code model} as service {@code name} on 127.0.0.1 with a free port and no key. */
    public static WebService deploy(String name, ServedModel model) {
        return deploy(name, model, ServingConfig.defaults());
    }

    /** Deploys {@code model} as service {@code name} with {@code config}; returns once it answers. */
    public static WebService deploy(String name, ServedModel model, ServingConfig config) {
        if (name == null || !SERVICE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Service name '" + name + "' is not valid: use 3 to 32 characters, lowercase letters,"
                    + " digits and dashes, starting with a letter and not ending with a dash (e.g. 'scikit-learn-service').");
        }
        return new WebService(name, ScoringServer.start(model, config), config.apiKey());
    }

    /**
     * Deploys a registered model version as service {@code name}, as Azure's
     * {@code Model.deploy(ws, "scikit-learn-service", [model])} does: 127.0.0.1, a free port, no key.
     */
    public static WebService deploy(String name, dev.petal.registry.Model model) throws java.io.IOException {
        return deploy(name, ModelSource.fromRegistered(model), ServingConfig.defaults());
    }

    /** The service's name. */
    public String name() {
        return name;
    }

    /** The address of {@code POST /score}, e.g. {@code http://127.0.0.1:49152/score}. */
    public URI scoringUri() {
        return server.uri().resolve("/score");
    }

    /** The server's base address (other protocols live under it: {@code /invocations}, {@code /v2}). */
    public URI uri() {
        return server.uri();
    }

    /** The key clients must send as {@code Authorization: Bearer <key>}, if the service has one. */
    public Optional<String> key() {
        return key;
    }

    /** The running server. */
    public ScoringServer server() {
        return server;
    }

    /**
     * Sends {@code jsonPayload} (e.g. {@code {"data": [[...]], "method": "predict"}}) to the scoring
     * URI and returns the answer's JSON text; a refusal throws with the service's error message.
     */
    public String run(String jsonPayload) {
        if (deleted) {
            throw new IllegalStateException("Service '" + name + "' has been deleted; deploy it again to score.");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(scoringUri())
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonPayload, StandardCharsets.UTF_8));
        key.ifPresent(k -> request.header("Authorization", "Bearer " + k));
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new WebServiceException(0, "Service '" + name + "' did not answer at " + scoringUri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebServiceException(0, "Interrupted while waiting for service '" + name + "'.", e);
        }
        if (response.statusCode() != 200) {
            throw new WebServiceException(response.statusCode(), "Service '" + name + "' answered " + response.statusCode()
                    + ": " + errorText(response.body()), null);
        }
        return response.body();
    }

    /** Stops the service and frees its port; calling it again does nothing. */
    public void delete() {
        if (!deleted) {
            deleted = true;
            server.close();
        }
    }

    /** Same as {@link #delete()}. */
    @Override
    public void close() {
        delete();
    }

    private static String errorText(String body) {
        try {
            JsonNode n = Json.MAPPER.readTree(body);
            if (n != null && n.hasNonNull("error")) {
                return n.get("error").asText();
            }
        } catch (IOException e) {
            // not JSON: fall through to the raw text
        }
        return Json.oneLine(body);
    }
}
