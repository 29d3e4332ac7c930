package dev.petal.spark;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.util.AccumulatorV2;

/**
 * The accumulator a running trial sends its new metric and log lines through: executors send its value to the
 * driver with every heartbeat, so it keeps only the newest entries up to {@link #LIMIT} bytes and a heartbeat never
 * carries more. Each entry says where it starts in its file ({@link TrialTask}), so the driver appends each byte
 * once and notices the entries it missed when the driver fell more than the window behind.
 */
final class LiveWindow extends AccumulatorV2<String, List<String>> {
    private static final long serialVersionUID = 1L;
    /** The most bytes (UTF-8) of entries the window holds, and so the most one heartbeat carries for a run. */
    static final int LIMIT = 256 * 1024;

    private final int limit;
    private final ArrayDeque<String> entries = new ArrayDeque<>();
    private long bytes;

    LiveWindow() {
        this(LIMIT);
    }

    LiveWindow(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized boolean isZero() {
        return entries.isEmpty();
    }

    @Override
    public synchronized LiveWindow copy() {
        LiveWindow c = new LiveWindow(limit);
        entries.forEach(c::add);
        return c;
    }

    @Override
    public synchronized void reset() {
        entries.clear();
        bytes = 0;
    }

    /** Appends {@code entry}, dropping the oldest entries beyond the limit (the newest entry always stays). */
    @Override
    public synchronized void add(String entry) {
        entries.addLast(entry);
        bytes += size(entry);
        while (bytes > limit && entries.size() > 1) {
            bytes -= size(entries.removeFirst());
        }
    }

    @Override
    public void merge(AccumulatorV2<String, List<String>> other) {
        other.value().forEach(this::add);
    }

    /** The entries held now, oldest first (a copy). */
    @Override
    public synchronized List<String> value() {
        return new ArrayList<>(entries);
    }

    private static long size(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** An executor serializes the window for a heartbeat while the task may add to it. */
    private synchronized void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
    }
}
