package dev.petal.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.petal.tasks.TaskBackend;
import dev.petal.tasks.TaskBackends;
import dev.petal.tasks.TaskFailedException;
import dev.petal.tasks.TaskFunction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Independent tasks on {@code spark:local[2]}: the same outputs as locally, in input order. */
class SparkTaskBackendTest {
    /** Repeats the shared text as often as the input says. */
    public static final class Repeat implements TaskFunction {
        @Override
        public String apply(byte[] shared, String input) {
            int n = Integer.parseInt(input);
            if (n < 0) {
                throw new IllegalArgumentException("negative count " + n);
            }
            return new String(shared, StandardCharsets.UTF_8).repeat(n);
        }
    }

    @AfterAll
    static void stopSpark() {
        SparkSessions.stop();
    }

    @Test
    void sameOutputsAsLocalInInputOrder() throws Exception {
        List<String> inputs = List.of("3", "0", "1", "5", "2", "4");
        byte[] shared = "ab".getBytes(StandardCharsets.UTF_8);
        List<String> local;
        try (TaskBackend b = TaskBackends.local(2)) {
            local = b.evaluate(Repeat.class, shared, inputs);
        }
        try (TaskBackend b = TaskBackends.open("spark:local[2]")) {
            assertEquals("spark:local[2]", b.target());
            assertEquals(local, b.evaluate(Repeat.class, shared, inputs));
            TaskFailedException e = assertThrows(TaskFailedException.class,
                    () -> b.evaluate(Repeat.class, shared, List.of("1", "-2", "-3")));
            assertEquals("task 1 failed: java.lang.IllegalArgumentException: negative count -2", e.getMessage());
        }
    }
}
