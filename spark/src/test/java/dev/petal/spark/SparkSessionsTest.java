package dev.petal.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.tracking.ComputeTarget;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Starting a session for a master nobody answers at is one line naming the URL, before Spark starts anything. */
class SparkSessionsTest {
    @AfterAll
    static void stopSpark() {
        SparkSessions.stop();
    }

    @Test
    void anUnreachableMasterIsNamedWithinTheBoundedWait() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String master = "spark://127.0.0.1:" + closed;
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SparkSessions.session(ComputeTarget.parse(master)));
        assertEquals("cannot reach the Spark master " + master + " (Connection refused within 5 s); start one with"
                + " 'petal cluster start' or check the URL", e.getMessage());
        assertTrue(org.apache.spark.sql.SparkSession.getDefaultSession().isEmpty(), "no session was left behind");
    }
}
