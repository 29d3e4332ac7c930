package dev.petal.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskBackendsTest {
    /** Appends the shared text to the input. */
    public static final class Concat implements TaskFunction {
        @Override
        public String apply(byte[] shared, String input) {
            if (input.equals("boom")) {
                throw new IllegalStateException("bad input");
            }
            return input + new String(shared, StandardCharsets.UTF_8);
        }
    }

    /** Echoes its input; "last" first waits (up to 30 s) until the caller has been given the two other outputs. */
    public static final class WaitForOthers implements TaskFunction {
        static final java.util.concurrent.CountDownLatch OTHERS = new java.util.concurrent.CountDownLatch(2);

        @Override
        public String apply(byte[] shared, String input) throws Exception {
            if (input.equals("last")) {
                return OTHERS.await(30, java.util.concurrent.TimeUnit.SECONDS) ? "on time" : "late";
            }
            return input;
        }
    }

    @Test
    void localGivesEachOutputAsItsTaskFinishes() throws Exception {
        List<String> given = new java.util.ArrayList<>();
        try (TaskBackend b = TaskBackends.local(2)) {
            List<String> out = b.evaluate(WaitForOthers.class, new byte[0], List.of("last", "x", "y"), (o, i) -> {
                given.add(i + "=" + o);
                if (i != 0) {
                    WaitForOthers.OTHERS.countDown();
                }
            });
            assertEquals(List.of("on time", "x", "y"), out);
        }
        assertEquals("0=on time", given.get(2));
    }

    @Test
    void localKeepsInputOrder() throws Exception {
        for (int threads : new int[] {1, 3}) {
            try (TaskBackend b = TaskBackends.local(threads)) {
                List<String> out = b.evaluate(Concat.class, "!".getBytes(StandardCharsets.UTF_8), List.of("a", "b", "c", "d"));
                assertEquals(List.of("a!", "b!", "c!", "d!"), out);
                assertEquals(threads, b.parallelism());
            }
        }
    }

    @Test
    void aFailingTaskIsNamed() {
        try (TaskBackend b = TaskBackends.local(2)) {
            TaskFailedException e = assertThrows(TaskFailedException.class,
                    () -> b.evaluate(Concat.class, new byte[0], List.of("a", "boom", "c")));
            assertEquals(1, e.task());
            assertEquals("task 1 failed: java.lang.IllegalStateException: bad input", e.getMessage());
        }
    }

    @Test
    void unknownTargetsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskBackends.open("spark:local[2]"));
        assertTrue(e.getMessage().startsWith("no task backend runs compute target 'spark:local[2]'"), e.getMessage());
        try (TaskBackend b = TaskBackends.open("local")) {
            assertEquals("local", b.target());
        }
    }
}
