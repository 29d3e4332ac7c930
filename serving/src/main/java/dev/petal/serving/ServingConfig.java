package dev.petal.serving;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * How a scoring server listens and guards itself.
 *
 * @param host         the address to bind; {@code 127.0.0.1} by default, so nothing outside this machine can reach it
 * @param port         the TCP port; 0 picks a free ephemeral port
 * @param maxBodyBytes the largest request body accepted; larger ones answer 413
 * @param apiKey       when present, every scoring and metadata request needs {@code Authorization: Bearer <key>}
 * @param stopTimeout  how long {@code close()} waits for in-flight requests to finish
 * @param idleTimeout  how long a connection may stay silent (also mid-request) before the server drops it
 * @param requestLog   receives one line per request: method, path, status, milliseconds
 * @param clientLimits what one client may hold: connections at once, time for headers and for the body
 */
public record ServingConfig(String host, int port, long maxBodyBytes, Optional<String> apiKey, Duration stopTimeout,
                            Duration idleTimeout, Consumer<String> requestLog, ClientLimits clientLimits) {
    /** The default body limit: 10 MB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 10L * 1024 * 1024;

    /** Validates every field. */
    public ServingConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(requestLog, "requestLog");
        Objects.requireNonNull(clientLimits, "clientLimits");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank; use 127.0.0.1 to serve this machine only.");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535] (0 picks a free port); got " + port + ".");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1; got " + maxBodyBytes + ".");
        }
        if (apiKey.isPresent() && (apiKey.get().isEmpty() || !apiKey.get().chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new IllegalArgumentException("apiKey must be non-empty printable ASCII without spaces.");
        }
        if (stopTimeout.isNegative()) {
            throw new IllegalArgumentException("stopTimeout must not be negative; got " + stopTimeout + ".");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive; got " + idleTimeout + ".");
        }
    }

    /**
     * 127.0.0.1, a free port, a 10 MB body limit, no key, 5 s to drain on close, 30 s idle limit, request lines to the
     * log, and {@link ClientLimits#defaults()}.
     */
    public static ServingConfig defaults() {
        return new ServingConfig("127.0.0.1", 0, DEFAULT_MAX_BODY_BYTES, Optional.empty(), Duration.ofSeconds(5),
                Duration.ofSeconds(30), LoggerFactory.getLogger(ScoringServer.class)::info, ClientLimits.defaults());
    }

    /** This config bound to {@code newHost}. */
    public ServingConfig withHost(String newHost) {
        return new ServingConfig(newHost, port, maxBodyBytes, apiKey, stopTimeout, idleTimeout, requestLog, clientLimits);
    }

    /** This config on {@code newPort} (0 for a free one). */
    public ServingConfig withPort(int newPort) {
        return new ServingConfig(host, newPort, maxBodyBytes, apiKey, stopTimeout, idleTimeout, requestLog, clientLimits);
    }

    /** This config with another body limit. */
    public ServingConfig withMaxBodyBytes(long limit) {
        return new ServingConfig(host, port, limit, apiKey, stopTimeout, idleTimeout, requestLog, clientLimits);
    }

    /** This config requiring {@code Authorization: Bearer key}. */
    public ServingConfig withApiKey(String key) {
        return new ServingConfig(host, port, maxBodyBytes, Optional.of(key), stopTimeout, idleTimeout, requestLog, clientLimits);
    }

    /** This config waiting up to {@code timeout} for in-flight requests on close. */
    public ServingConfig withStopTimeout(Duration timeout) {
        return new ServingConfig(host, port, maxBodyBytes, apiKey, timeout, idleTimeout, requestLog, clientLimits);
    }

    /** This config dropping connections silent for longer than {@code timeout}. */
    public ServingConfig withIdleTimeout(Duration timeout) {
        return new ServingConfig(host, port, maxBodyBytes, apiKey, stopTimeout, timeout, requestLog, clientLimits);
    }

    /** This config sending request lines to {@code log}. */
    public ServingConfig withRequestLog(Consumer<String> log) {
        return new ServingConfig(host, port, maxBodyBytes, apiKey, stopTimeout, idleTimeout, log, clientLimits);
    }

    /** This config holding each client to {@code limits}. */
    public ServingConfig withClientLimits(ClientLimits limits) {
        return new ServingConfig(host, port, maxBodyBytes, apiKey, stopTimeout, idleTimeout, requestLog, limits);
    }

    /** The config with the key masked, so it never lands in a log. */
    @Override
    public String toString() {
        return "ServingConfig[host=" + host + ", port=" + port + ", maxBodyBytes=" + maxBodyBytes + ", apiKey="
                + (apiKey.isPresent() ? "****" : "none") + ", stopTimeout=" + stopTimeout + ", idleTimeout=" + idleTimeout + ", clientLimits=" + clientLimits + "]";
    }
}
