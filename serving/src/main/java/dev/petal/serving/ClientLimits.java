package dev.petal.serving;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of the server one client may hold: connections open at once from one address, and how long
 * a request's headers and its body may take to arrive. A client over a limit is disconnected; the
 * threads and sockets it held go back to everyone else.
 *
 * @param maxConnectionsPerClient connections one remote address may hold open at once; further ones are closed on accept
 * @param headerTimeout           the longest a request's line and headers may take to arrive, once its first byte has
 * @param bodyTimeout             the longest a request's body may take to arrive, once its headers have
 */
public record ClientLimits(int maxConnectionsPerClient, Duration headerTimeout, Duration bodyTimeout) {
    /** Validates every field. */
    public ClientLimits {
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        if (maxConnectionsPerClient < 1) {
            throw new IllegalArgumentException("ClientLimits: maxConnectionsPerClient must be at least 1; got " + maxConnectionsPerClient + ".");
        }
        if (headerTimeout.isNegative() || headerTimeout.isZero()) {
            throw new IllegalArgumentException("ClientLimits: headerTimeout must be positive; got " + headerTimeout + ".");
        }
        if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            throw new IllegalArgumentException("ClientLimits: bodyTimeout must be positive; got " + bodyTimeout + ".");
        }
    }

    /** 64 connections per client address, 10 s for the headers, 30 s for the body. */
    public static ClientLimits defaults() {
        return new ClientLimits(64, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }
}
