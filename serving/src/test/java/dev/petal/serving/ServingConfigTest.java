package dev.petal.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Serving settings: safe defaults and validated values. */
class ServingConfigTest {
    private static void invalid(String message, Runnable build) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, build::run).getMessage());
    }

    @Test
    void defaultsAreLoopbackEphemeralTenMegabytesAndNoKey() {
        ServingConfig c = ServingConfig.defaults();
        assertEquals("127.0.0.1", c.host());
        assertEquals(0, c.port());
        assertEquals(10L * 1024 * 1024, c.maxBodyBytes());
        assertEquals(Optional.empty(), c.apiKey());
        assertEquals(Duration.ofSeconds(5), c.stopTimeout());
        assertEquals(Duration.ofSeconds(30), c.idleTimeout());
    }

    @Test
    void valuesAreChecked() {
        ServingConfig c = ServingConfig.defaults();
        invalid("port must be in [0, 65535] (0 picks a free port); got 70000.", () -> c.withPort(70000));
        invalid("host must not be blank; use 127.0.0.1 to serve this machine only.", () -> c.withHost(" "));
        invalid("maxBodyBytes must be at least 1; got 0.", () -> c.withMaxBodyBytes(0));
        invalid("apiKey must be non-empty printable ASCII without spaces.", () -> c.withApiKey("a b"));
        invalid("apiKey must be non-empty printable ASCII without spaces.", () -> c.withApiKey(""));
        invalid("stopTimeout must not be negative; got PT-1S.", () -> c.withStopTimeout(Duration.ofSeconds(-1)));
        invalid("idleTimeout must be positive; got PT0S.", () -> c.withIdleTimeout(Duration.ZERO));
    }

    @Test
    void toStringHidesTheKey() {
        assertEquals("ServingConfig[host=127.0.0.1, port=0, maxBodyBytes=10485760, apiKey=****, stopTimeout=PT5S, idleTimeout=PT30S, clientLimits=ClientLimits[maxConnectionsPerClient=64, headerTimeout=PT10S, bodyTimeout=PT30S]]",
                ServingConfig.defaults().withApiKey("secret").toString());
    }
}
