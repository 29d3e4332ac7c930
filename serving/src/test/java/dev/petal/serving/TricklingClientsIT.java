package dev.petal.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A few hundred clients trickling their requests one byte at a time (from 127.0.0.2, another
 * "client" than the well-behaved one on 127.0.0.1) must not stop the service from answering others.
 */
class TricklingClientsIT {
    private static final int SLOW_CLIENTS = 400;
    private static final byte[] HEADERS = ("POST /score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "X-Padding: " + "p".repeat(200) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BODY_START = ("POST /score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "Content-Length: 400\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private ScoringServer server;
    private final List<Socket> slow = new ArrayList<>();

    @BeforeEach
    void start() {
        server = ScoringServer.start(ServingFixtures.iris(), ServingConfig.defaults().withRequestLog(line -> { }));
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : slow) {
            s.close();
        }
        server.close();
    }

    private Socket openSlow() throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
        s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
        slow.add(s);
        return s;
    }

    /** Writes one byte to each open slow connection; a connection the server closed is skipped. */
    private static int trickle(List<Socket> sockets, byte[] bytes, int index) {
        int alive = 0;
        for (Socket s : sockets) {
            if (s.isClosed()) {
                continue;
            }
            try {
                OutputStream out = s.getOutputStream();
                out.write(bytes[Math.min(index, bytes.length - 1)]);
                out.flush();
                alive++;
            } catch (IOException e) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing a dead socket
                }
            }
        }
        return alive;
    }

    @Test
    void wellBehavedClientsAreAnsweredWhileHundredsTrickle() throws Exception {
        List<Socket> headerTricklers = new ArrayList<>();
        List<Socket> bodyTricklers = new ArrayList<>();
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            try {
                Socket s = openSlow();
                if (i % 4 == 0) {
                    headerTricklers.add(s);
                } else {
                    s.getOutputStream().write(BODY_START);
                    s.getOutputStream().flush();
                    bodyTricklers.add(s);
                }
            } catch (IOException refused) {
                // the server may refuse connections beyond its per-client limit: that is the point
            }
        }
        Http http = new Http(server.uri());
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            for (int round = 0; round < 12; round++) {
                trickle(headerTricklers, HEADERS, round);
                trickle(bodyTricklers, "{\"data\": [[5.1, 3.5, 1.4, 0.2]]}".getBytes(StandardCharsets.US_ASCII), round);
                Future<Http.Answer> answer = pool.submit(() -> http.postJson("/score", "{\"data\": [[6.3, 3.3, 6.0, 2.5]]}"));
                Http.Answer a = answer.get(10, TimeUnit.SECONDS);
                assertEquals(200, a.status(), a.body());
                assertEquals("[2]", a.body());
                Thread.sleep(500);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(server.port() > 0);
    }
}
