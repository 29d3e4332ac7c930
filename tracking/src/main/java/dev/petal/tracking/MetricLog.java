package dev.petal.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.tracking.store.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The append-only {@code metrics.jsonl} of a run: one JSON object per value. An {@link Appender} keeps the file
 * open and appends each batch with one write under an exclusive lock (so several processes may log into one run);
 * a {@link Reader} remembers how far it has read and parses only what was appended since.
 */
final class MetricLog {
    static final String FILE = "metrics.jsonl";
    /** One lock per metrics file in this JVM, so two channels of one JVM never ask the OS for the same file lock. */
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private MetricLog() {
    }

    /** One value to append. */
    record Entry(String name, MetricType type, Object value, Long step) {
    }

    /** The JSON line of one value, newline included (what {@link #slowLine} writes, faster for scalars). */
    static byte[] line(Entry e, String time) {
        Object v = e.value();
        if (e.type() != MetricType.SCALAR || !(v instanceof Double || v instanceof Long || v instanceof Integer
                || v instanceof String)) {
            return slowLine(e, time);
        }
        StringBuilder b = new StringBuilder(96);
        b.append("{\"name\":");
        quote(b, e.name());
        b.append(",\"type\":\"scalar\",\"value\":");
        if (v instanceof String str) {
            quote(b, str);
        } else {
            b.append(v);
        }
        b.append(",\"step\":").append(e.step() == null ? "null" : e.step().toString());
        b.append(",\"time\":\"").append(time).append("\"}\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    /** The JSON line of any value through Jackson. */
    static byte[] slowLine(Entry e, String time) {
        ObjectNode o = Json.object();
        o.put("name", e.name());
        o.put("type", e.type().id());
        o.set("value", Json.toNode(e.value()));
        if (e.step() == null) {
            o.putNull("step");
        } else {
            o.put("step", e.step());
        }
        o.put("time", time);
        return (Json.compact(o) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Appends to one run's metrics file through a channel kept open between calls. Each {@link #append} is one
     * {@code write} under an exclusive file lock, so a value is on disk (in the page cache) and visible to every
     * reader when the call returns, and a process killed mid-call tears at most its own last line.
     */
    static final class Appender {
        /** At most this many metrics files stay open in one JVM; the least recently used is closed first. */
        static final int MAX_OPEN = 64;
        private static final LinkedHashMap<Appender, Boolean> OPEN = new LinkedHashMap<>(16, 0.75f, true);

        private final Path file;
        private final ReentrantLock lock = new ReentrantLock();
        private FileChannel channel;
        private long knownEnd = -1;

        Appender(Path runFolder) {
            this.file = runFolder.resolve(FILE).toAbsolutePath().normalize();
        }

        /** Appends the entries with one write, all stamped with the current time. */
        void append(List<Entry> entries) {
            if (entries.isEmpty()) {
                return;
            }
            lock.lock();
            try {
                appendLocked(entries);
            } finally {
                lock.unlock();
            }
            touch();
        }

        private void appendLocked(List<Entry> entries) {
            String now = now();
            byte[][] lines = new byte[entries.size()][];
            int total = 1;
            for (int i = 0; i < lines.length; i++) {
                lines[i] = line(entries.get(i), now);
                total += lines[i].length;
            }
            ByteBuffer buf = ByteBuffer.allocate(total);
            buf.put((byte) '\n');
            for (byte[] l : lines) {
                buf.put(l);
            }
            ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(file, p -> new ReentrantLock());
            jvmLock.lock();
            try {
                FileChannel ch = open();
                FileLock lock = ch.lock();
                try {
                    long size = ch.size();
                    // the leading newline closes off a line torn by a killed writer; skip it when the file ends cleanly
                    buf.flip();
                    if (size == 0 || size == knownEnd || lastByte(ch, size) == '\n') {
                        buf.position(1);
                    }
                    long pos = size;
                    while (buf.hasRemaining()) {
                        pos += ch.write(buf, pos);
                    }
                    knownEnd = pos;
                } finally {
                    lock.release();
                }
            } catch (IOException e) {
                closeQuietly();
                throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
            } finally {
                jvmLock.unlock();
            }
        }

        private long lastMillis = -1;
        private String lastTime;

        /** The current time as ISO text, formatted once per millisecond. */
        private String now() {
            long ms = System.currentTimeMillis();
            if (ms != lastMillis) {
                lastMillis = ms;
                lastTime = Json.time(Instant.ofEpochMilli(ms));
            }
            return lastTime;
        }

        private FileChannel open() throws IOException {
            if (channel == null || !channel.isOpen()) {
                Files.createDirectories(file.getParent());
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                knownEnd = -1;
            }
            return channel;
        }

        private static byte lastByte(FileChannel ch, long size) throws IOException {
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, size - 1);
            return last.get(0);
        }

        /** Marks this appender most recently used and closes the least recently used ones beyond {@link #MAX_OPEN}. */
        private void touch() {
            synchronized (OPEN) {
                if (channel == null) {
                    OPEN.remove(this);
                    return;
                }
                OPEN.put(this, Boolean.TRUE);
                if (OPEN.size() <= MAX_OPEN) {
                    return;
                }
                java.util.Iterator<Appender> it = OPEN.keySet().iterator();
                while (OPEN.size() > MAX_OPEN && it.hasNext()) {
                    Appender victim = it.next();
                    if (victim != this && victim.lock.tryLock()) {   // never wait: no lock-order deadlock
                        try {
                            victim.closeQuietly();
                        } finally {
                            victim.lock.unlock();
                        }
                        it.remove();
                    }
                }
            }
        }

        /** How many metrics files this JVM's appenders hold open. */
        static int openCount() {
            synchronized (OPEN) {
                return OPEN.size();
            }
        }

        /** Closes the channel; a later append opens it again. */
        void close() {
            lock.lock();
            try {
                closeQuietly();
            } finally {
                lock.unlock();
            }
            synchronized (OPEN) {
                OPEN.remove(this);
            }
        }

        private void closeQuietly() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing buffered: every append was written before it returned
                }
                channel = null;
            }
        }
    }

    /**
     * Reads a run's metrics file incrementally: each call parses only the complete lines appended since the last
     * one. Lines that are not UTF-8 or not a metric record (a torn line of a killed writer, a damaged byte) are
     * skipped and counted.
     */
    static final class Reader {
        /** Bytes read from the file at a time. */
        static final int CHUNK = 1 << 20;
        /** A longer line is skipped (and counted) without being held in memory. */
        static final int MAX_LINE = 64 << 20;
        private final Path file;
        private long offset;
        private final List<Metric> all = new ArrayList<>();
        private final Map<String, List<Metric>> byName = new LinkedHashMap<>();
        private int skipped;
        private int lineNo;

        Reader(Path runFolder) {
            this.file = runFolder.resolve(FILE);
        }

        /** Every value in logging order. */
        synchronized List<Metric> all() {
            refresh();
            return List.copyOf(all);
        }

        /** The values logged under {@code name}, in logging order. */
        synchronized List<Metric> named(String name) {
            refresh();
            List<Metric> l = byName.get(name);
            return l == null ? List.of() : List.copyOf(l);
        }

        /** The latest value of each name, in first-logged order. */
        synchronized Map<String, Metric> latest() {
            refresh();
            Map<String, Metric> m = new LinkedHashMap<>();
            byName.forEach((k, v) -> m.put(k, v.get(v.size() - 1)));
            return Collections.unmodifiableMap(m);
        }

        /** How many lines could not be read (torn or damaged). */
        synchronized int skippedLines() {
            refresh();
            return skipped;
        }

        private void refresh() {
            long size;
            try {
                size = Files.size(file);
            } catch (NoSuchFileException e) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            if (size < offset) {
                offset = 0;
                lineNo = 0;
                skipped = 0;
                all.clear();
                byName.clear();
            }
            if (size == offset) {
                return;
            }
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            // read what was appended in chunks: memory stays bounded by the chunk (or the longest line), not the file
            byte[] buf = new byte[(int) Math.min(CHUNK, size - offset)];
            int held = 0;
            boolean skipping = false;
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                long pos = offset;
                while (pos < size) {
                    if (held == buf.length) {
                        if (buf.length >= MAX_LINE) {
                            // one line longer than any metric Petal writes: skip it whole, keep reading after it
                            skipping = true;
                            offset += held;
                            held = 0;
                        } else {
                            buf = java.util.Arrays.copyOf(buf, (int) Math.min(MAX_LINE, 2L * buf.length));
                        }
                    }
                    int n = ch.read(ByteBuffer.wrap(buf, held, (int) Math.min(buf.length - held, size - pos)), pos);
                    if (n < 0) {
                        break;
                    }
                    pos += n;
                    held += n;
                    int start = 0;
                    for (int i = 0; i < held; i++) {
                        if (buf[i] != '\n') {
                            continue;
                        }
                        lineNo++;
                        if (skipping) {
                            skipping = false;
                            skipped++;
                        } else if (i > start) {
                            Metric m = parse(utf8, buf, start, i - start);
                            if (m == null) {
                                skipped++;
                            } else {
                                all.add(m);
                                byName.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m);
                            }
                        }
                        start = i + 1;
                    }
                    offset += start;
                    System.arraycopy(buf, start, buf, 0, held - start);
                    held -= start;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
            if (skipping) {
                offset += held;
            }
        }

        private Metric parse(CharsetDecoder utf8, byte[] bytes, int from, int length) {
            String line;
            try {
                CharBuffer cb = utf8.reset().decode(ByteBuffer.wrap(bytes, from, length));
                line = cb.toString();
            } catch (CharacterCodingException e) {
                return null;
            }
            if (line.isBlank()) {
                return null;
            }
            try {
                JsonNode n = Json.parse(line, file + " line " + lineNo);
                if (!n.isObject() || !n.hasNonNull("name") || !n.has("value") || !n.hasNonNull("time")) {
                    return null;
                }
                JsonNode step = n.get("step");
                return new Metric(n.path("name").asText(), MetricType.parse(n.path("type").asText("scalar")),
                        Json.toJava(n.get("value")), step == null || step.isNull() ? null : step.asLong(),
                        Json.time(n.get("time")));
            } catch (RuntimeException torn) {
                return null;
            }
        }
    }

    /** Every value of the metrics file in {@code runFolder}, read from the start. */
    static List<Metric> read(Path runFolder) {
        return new Reader(runFolder).all();
    }
}
