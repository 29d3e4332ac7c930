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

    /** Sends {@code request} raw and returns the whole answer the server sends before closing. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void requestsJettyRefusesAnswerJsonToo() throws IOException {
        String garbage = raw("GARBAGE\r\n\r\n");
        assertTrue(garbage.startsWith("HTTP/1.1 400 "), garbage);
        assertTrue(garbage.contains("Content-Type: application/json"), garbage);
        assertTrue(garbage.endsWith("{\"error\":\"The request was refused: 400 Bad Request (No URI).\"}"), garbage);
        String huge = raw("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        assertTrue(huge.startsWith("HTTP/1.1 431 "), huge);
        assertTrue(huge.endsWith("{\"error\":\"The request was refused: 431 Request Header Fields Too Large.\"}"), huge);
        String badChunk = raw("POST /score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n");
        assertTrue(badChunk.startsWith("HTTP/1.1 400 "), badChunk);
        assertTrue(badChunk.contains("{\"error\":"), badChunk);
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
