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

    /** Echoes its input; the input "last" first waits (up to 30 s) until the caller has been given every other output. */
    public static final class WaitForOthers implements TaskFunction {
        static final java.util.concurrent.CountDownLatch OTHERS = new java.util.concurrent.CountDownLatch(3);

        @Override
        public String apply(byte[] shared, String input) throws Exception {
            if (input.equals("last")) {
                return OTHERS.await(30, java.util.concurrent.TimeUnit.SECONDS) ? "others were given first" : "others came late";
            }
            return input;
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

    @Test
    void outputsAreGivenAsTheirTasksFinish() throws Exception {
        // spark:local[2] runs its tasks in this JVM, so the task and the caller share the latch
        List<String> given = new java.util.ArrayList<>();
        List<String> out;
        try (TaskBackend b = TaskBackends.open("spark:local[2]")) {
            out = b.evaluate(WaitForOthers.class, new byte[0], List.of("a", "last", "b", "c"), (o, i) -> {
                given.add(i + "=" + o);
                if (i != 1) {
                    WaitForOthers.OTHERS.countDown();
                }
            });
        }
        assertEquals(List.of("a", "others were given first", "b", "c"), out);
        assertEquals(4, given.size());
        assertEquals("1=others were given first", given.get(3));
    }
}
