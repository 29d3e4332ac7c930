package dev.petal.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A client that stops mid-request is dropped after the idle timeout; nobody else waits for it. */
class SlowClientTest {
    private static ScoringServer server;

    @BeforeAll
    static void start() {
        server = ScoringServer.start(ServingFixtures.iris(),
                ServingConfig.defaults().withRequestLog(line -> { }).withIdleTimeout(Duration.ofMillis(500)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Sends {@code partial}, then waits; returns how long the server took to end the connection. */
    private static long secondsUntilDropped(String partial) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(partial.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long t0 = System.nanoTime();
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // drain whatever the server answers before it closes
            }
            return (System.nanoTime() - t0) / 1_000_000_000L;
        }
    }

    @Test
    void aStalledBodyIsDropped() throws IOException {
        long s = secondsUntilDropped("POST /score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"data\": [[");
        assertTrue(s < 10, "dropped after " + s + " s");
        assertEquals("[0]", new Http(server.uri()).postJson("/score", "{\"data\": [[5.1, 3.5, 1.4, 0.2]]}").body());
    }

    @Test
    void stalledHeadersAreDropped() throws IOException {
        long s = secondsUntilDropped("POST /score HTTP/1.1\r\nHost: x\r\nContent-");
        assertTrue(s < 10, "dropped after " + s + " s");
    }

    @Test
    void otherClientsAreServedWhileOneStalls() throws IOException {
        try (Socket stalled = new Socket("127.0.0.1", server.port())) {
            stalled.getOutputStream().write("POST /score HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{".getBytes(StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();
            assertEquals("[2]", new Http(server.uri()).postJson("/score", "{\"data\": [[6.3, 3.3, 6.0, 2.5]]}").body());
        }
    }
}
