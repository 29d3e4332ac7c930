package dev.petal.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The live-line window holds the newest entries up to its byte limit, so a heartbeat's payload stays bounded. */
class LiveWindowTest {
    @Test
    void keepsTheNewestEntriesWithinTheLimit() {
        LiveWindow w = new LiveWindow(10);
        assertTrue(w.isZero());
        w.add("aaaa");
        w.add("bbbb");
        assertEquals(List.of("aaaa", "bbbb"), w.value());
        w.add("cccc");   // 12 bytes: the oldest goes
        assertEquals(List.of("bbbb", "cccc"), w.value());
        w.add("0123456789abc");   // longer than the limit alone: it stays, alone
        assertEquals(List.of("0123456789abc"), w.value());
        w.add("é");   // counted in UTF-8 bytes (2)
        assertEquals(List.of("é"), w.value());
        LiveWindow copy = w.copy();
        w.reset();
        assertTrue(w.isZero());
        assertEquals(List.of("é"), copy.value());
        LiveWindow other = new LiveWindow(10);
        other.add("xyz");
        copy.merge(other);
        assertEquals(List.of("é", "xyz"), copy.value());
    }

    @Test
    void aWindowOfManyLinesStaysNearItsLimit() {
        LiveWindow w = new LiveWindow();
        String line = "L\t0\t%d\t" + "x".repeat(1000) + "\n";
        for (int i = 0; i < 10_000; i++) {
            w.add(String.format(line, i * 1001L));
        }
        long bytes = w.value().stream().mapToLong(String::length).sum();
        assertTrue(bytes <= LiveWindow.LIMIT && bytes > LiveWindow.LIMIT - 2000, "window of " + bytes + " bytes");
        assertTrue(w.value().get(w.value().size() - 1).contains("\t" + 9999 * 1001L + "\t"), "the newest entry is kept");
    }
}
