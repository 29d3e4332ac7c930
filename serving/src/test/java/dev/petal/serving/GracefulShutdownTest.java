package dev.petal.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.api.DecisionClassifier;
import dev.petal.linalg.Matrix;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** close() stops taking connections but lets a request already being scored finish with its answer. */
class GracefulShutdownTest {
    /** The iris classifier whose predict waits for the test's signal, so a request is surely in flight. */
    private static final class GatedClassifier implements DecisionClassifier {
        private final DecisionClassifier inner = LinearClassifier.iris(false);
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);

        @Override
        public int[] classes() {
            return inner.classes();
        }

        @Override
        public int nFeatures() {
            return inner.nFeatures();
        }

        @Override
        public int[] predict(Matrix x) {
            entered.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return inner.predict(x);
        }

        @Override
        public Matrix decisionFunction(Matrix x) {
            return inner.decisionFunction(x);
        }
    }

    @Test
    void inFlightRequestsFinishDuringClose() throws Exception {
        GatedClassifier gated = new GatedClassifier();
        ScoringServer server = ScoringServer.start(ServedModel.of("gated", gated),
                ServingConfig.defaults().withRequestLog(line -> { }).withStopTimeout(Duration.ofSeconds(10)));
        int port = server.port();
        Http http = new Http(server.uri());
        CompletableFuture<Http.Answer> inFlight = CompletableFuture.supplyAsync(
                () -> http.postJson("/score", "{\"data\": [[5.1, 3.5, 1.4, 0.2]]}"));
        assertTrue(gated.entered.await(10, TimeUnit.SECONDS));
        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (portOpen(port) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
        assertTrue(!closing.isDone(), "close() returned while a request was still being scored");
        gated.release.countDown();
        Http.Answer answer = inFlight.get(10, TimeUnit.SECONDS);
        assertEquals(200, answer.status());
        assertEquals("[0]", answer.body());
        closing.get(10, TimeUnit.SECONDS);
        server.awaitStop();
    }

    private static boolean portOpen(int port) {
        try {
            new Socket("127.0.0.1", port).close();
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
