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

/**
 * A client that stops mid-request is dropped after the idle timeout, one that trickles its headers or body
 * after the client limits' timeouts, and one address holds at most its share of connections; nobody else waits.
 */
class SlowClientTest {
    private static ScoringServer server;

    @BeforeAll
    static void start() {
        server = ScoringServer.start(ServingFixtures.iris(), ServingConfig.defaults().withRequestLog(line -> { })
                .withIdleTimeout(Duration.ofMillis(500))
                .withClientLimits(new ClientLimits(64, Duration.ofMillis(1500), Duration.ofMillis(1500))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Sends {@code start}, then one byte of {@code trickle} every 100 ms; returns the seconds until the server hung up. */
    private static double secondsUntilCutOff(String start, String trickle) throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(100);
            OutputStream out = socket.getOutputStream();
            out.write(start.getBytes(StandardCharsets.US_ASCII));
            long t0 = System.nanoTime();
            for (int i = 0; i < 150; i++) {
                try {
                    out.write(trickle.charAt(i % trickle.length()));
                    out.flush();
                    if (socket.getInputStream().read() < 0) {
                        break;
                    }
                } catch (java.net.SocketTimeoutException stillOpen) {
                    continue;
                } catch (IOException closed) {
                    break;
                }
            }
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    @Test
    void tricklingHeadersAreCutOffAfterTheHeaderTimeout() throws Exception {
        double s = secondsUntilCutOff("POST /score HTTP/1.1\r\nHost: x\r\n", "X-Slow: abcdefgh\r\n");
        assertTrue(s >= 1.0 && s < 6, "cut off after " + s + " s");
    }

    @Test
    void aTricklingBodyIsCutOffAfterTheBodyTimeout() throws Exception {
        double s = secondsUntilCutOff("POST /score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n",
                "{\"data\": [[5.1, 3.5, 1.4, 0.2]]}   ");
        assertTrue(s >= 1.0 && s < 6, "cut off after " + s + " s");
        assertEquals("[0]", new Http(server.uri()).postJson("/score", "{\"data\": [[5.1, 3.5, 1.4, 0.2]]}").body());
    }

    @Test
    void oneAddressHoldsAtMostItsShareOfConnections() throws Exception {
        java.util.List<Socket> held = new java.util.ArrayList<>();
        try (ScoringServer server = ScoringServer.start(ServingFixtures.iris(), ServingConfig.defaults().withRequestLog(line -> { })
                .withClientLimits(new ClientLimits(8, Duration.ofSeconds(10), Duration.ofSeconds(10))))) {
            for (int i = 0; i < 9; i++) {
                Socket s = new Socket();
                s.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName("127.0.0.3"), 0));
                s.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()));
                s.setSoTimeout(50);
                held.add(s);
            }
            // the server accepts them in its own order: whichever it opens ninth is the one it closes
            java.util.Set<Socket> closed = new java.util.HashSet<>();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < deadline && closed.size() < 2) {
                for (Socket s : held) {
                    try {
                        if (!closed.contains(s) && s.getInputStream().read() < 0) {
                            closed.add(s);
                        }
                    } catch (java.net.SocketTimeoutException open) {
                        // still open
                    }
                }
                if (closed.size() == 1 && System.nanoTime() > deadline - 4_000_000_000L) {
                    break;  // one closed, and a second has had a second to follow it: it did not
                }
            }
            assertEquals(1, closed.size(), "exactly one of nine connections from one address is closed");
            assertEquals("[0]", new Http(server.uri()).postJson("/score", "{\"data\": [[5.1, 3.5, 1.4, 0.2]]}").body());
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void anHttp09RequestLineGetsAJsonAnswer() throws IOException {
        String answer = raw("GET /health\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 505 "), answer.replace("\r", "\\r").replace("\n", "\\n"));
        assertTrue(answer.contains("Content-Type: application/json"), answer);
        assertTrue(answer.endsWith("{\"error\":\"The request was refused: 505 HTTP Version Not Supported (HTTP/0.9 not supported);"
                + " send an HTTP/1.1 request line such as 'POST /score HTTP/1.1'.\"}"), answer);
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
