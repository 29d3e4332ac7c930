package dev.petal.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes the plain ZIP subset Petal reads back: deflated entries with sizes and CRC in the local
 * headers (no data descriptors, no ZIP64, no extra fields, no comments) and a fixed 1980-01-01
 * timestamp, so equal contents give equal bytes.
 *
 * <p>An entry of {@link #STORE_FROM} bytes or more whose first {@link #PROBE} bytes deflate to more than
 * 9/10 of their size (the doubles of a large support-vector matrix: about 4% smaller, at about 40 MB a
 * second) is stored instead: produced once for its CRC and size, then again into the file. The choice
 * depends on the content alone, so equal contents still give equal bytes.
 */
final class ZipWriter {
    static final int LOCAL_SIG = 0x04034b50;
    static final int CENTRAL_SIG = 0x02014b50;
    static final int END_SIG = 0x06054b50;
    static final int METHOD_STORED = 0;
    static final int METHOD_DEFLATED = 8;
    private static final int VERSION = 20;
    private static final int DOS_DATE_1980_01_01 = (1 << 5) | 1;

    /** An entry's content, written when the archive is: its bytes exist only while the entry is deflated. */
    interface Content {
        /** Writes the entry's bytes to {@code out}; called once per write of the archive. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** The size from which an entry that does not compress is stored. */
    static final long STORE_FROM = 1 << 20;
    /** How much of an entry's start is deflated on the side to see whether it compresses. */
    static final int PROBE = 64 * 1024;

    private final Map<String, Content> entries = new LinkedHashMap<>();

    /** Adds an entry; names are plain ASCII file names. */
    ZipWriter add(String name, byte[] content) {
        return add(name, out -> out.write(content));
    }

    /** Adds an entry whose bytes {@code content} produces when the archive is written. */
    ZipWriter add(String name, Content content) {
        if (entries.put(name, content) != null) {
            throw new IllegalArgumentException("duplicate entry " + name);
        }
        return this;
    }

    /** The archive's bytes. */
    byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    /**
     * Writes the archive to {@code out}, one entry at a time (each entry produced and deflated just before
     * it is written, in pieces), so a large model is held once more only as one entry's deflated bytes, or
     * not at all when the entry is stored.
     */
    void writeTo(OutputStream out) throws IOException {
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        long offset = 0;
        for (Map.Entry<String, Content> e : entries.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.US_ASCII);
            Deflated packed = deflate(e.getValue());
            CRC32 crc = packed.crc;
            long size = packed.size;
            int method = packed.stored ? METHOD_STORED : METHOD_DEFLATED;
            if (size > 0xFFFF_FFFFL || packed.length() > 0xFFFF_FFFFL) {
                throw new IOException("entry " + e.getKey() + " is larger than 4 GiB, beyond the ZIP format Petal writes.");
            }
            ByteBuffer local = le(30 + name.length);
            local.putInt(LOCAL_SIG).putShort((short) VERSION).putShort((short) 0).putShort((short) method)
                    .putShort((short) 0).putShort((short) DOS_DATE_1980_01_01).putInt((int) crc.getValue())
                    .putInt((int) packed.length()).putInt((int) size).putShort((short) name.length).putShort((short) 0)
                    .put(name);
            out.write(local.array());
            if (packed.stored) {
                writeStored(e.getKey(), e.getValue(), size, crc.getValue(), out);
            } else {
                packed.writeTo(out);
            }
            ByteBuffer c = le(46 + name.length);
            c.putInt(CENTRAL_SIG).putShort((short) VERSION).putShort((short) VERSION).putShort((short) 0)
                    .putShort((short) method).putShort((short) 0).putShort((short) DOS_DATE_1980_01_01)
                    .putInt((int) crc.getValue()).putInt((int) packed.length()).putInt((int) size)
                    .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(0).putInt((int) offset).put(name);
            central.writeBytes(c.array());
            offset += local.capacity() + packed.length();
        }
        long cdOffset = offset;
        out.write(central.toByteArray());
        ByteBuffer end = le(22);
        end.putInt(END_SIG).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
                .putShort((short) entries.size()).putInt(central.size()).putInt((int) cdOffset).putShort((short) 0);
        out.write(end.array());
    }

    /**
     * Produces an entry into a deflater and its CRC, keeping only the deflated bytes (in 1 MiB pieces); once
     * the entry reaches {@link #STORE_FROM} bytes and its start did not compress, only its CRC and size.
     */
    private static Deflated deflate(Content content) throws IOException {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        Deflated packed = new Deflated();
        try {
            OutputStream sink = new OutputStream() {
                private final byte[] buf = new byte[64 * 1024];
                /** The entry's first {@link #PROBE} bytes, deflated on the side only if the entry reaches STORE_FROM. */
                private final ByteArrayOutputStream head = new ByteArrayOutputStream();
                private boolean probed;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    packed.crc.update(b, off, len);
                    packed.size += len;
                    if (head.size() < PROBE) {
                        head.write(b, off, Math.min(len, PROBE - head.size()));
                    }
                    if (packed.stored) {
                        return;
                    }
                    if (!probed && packed.size >= STORE_FROM) {
                        probed = true;
                        if (!compresses(head.toByteArray(), buf)) {
                            packed.store();
                            return;
                        }
                    }
                    d.setInput(b, off, len);
                    while (!d.needsInput()) {
                        packed.add(buf, d.deflate(buf));
                    }
                }

                @Override
                public void close() {
                    if (packed.stored) {
                        return;
                    }
                    d.finish();
                    while (!d.finished()) {
                        packed.add(buf, d.deflate(buf));
                    }
                }
            };
            content.writeTo(sink);
            sink.close();
            return packed;
        } finally {
            d.end();
        }
    }

    /** Whether {@code head} deflates to 9/10 of its size or less ({@code buf} takes the discarded output). */
    private static boolean compresses(byte[] head, byte[] buf) {
        Deflater probe = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            probe.setInput(head);
            probe.finish();
            while (!probe.finished()) {
                probe.deflate(buf);
            }
            return probe.getBytesWritten() * 10 <= head.length * 9L;
        } finally {
            probe.end();
        }
    }

    /** Produces a stored entry again, into {@code out}, checking that it is the same size and CRC as the first time. */
    private static void writeStored(String name, Content content, long size, long crc, OutputStream out)
            throws IOException {
        CRC32 again = new CRC32();
        long[] written = new long[1];
        content.writeTo(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                again.update(b, off, len);
                written[0] += len;
                out.write(b, off, len);
            }
        });
        if (written[0] != size || again.getValue() != crc) {
            throw new IOException("entry " + name + " came out different the second time it was produced ("
                    + written[0] + " bytes against " + size + "); the archive is not valid.");
        }
    }

    /** One entry's deflated bytes in pieces, its uncompressed size and CRC. */
    private static final class Deflated {
        private static final int PIECE = 1 << 20;
        final CRC32 crc = new CRC32();
        long size;
        /** Whether the entry is stored: the deflated bytes are dropped and {@link #length} is the size. */
        boolean stored;
        private final java.util.List<byte[]> pieces = new java.util.ArrayList<>();
        private int lastUsed = PIECE;
        private long length;

        void add(byte[] b, int len) {
            int off = 0;
            while (off < len) {
                if (lastUsed == PIECE) {
                    pieces.add(new byte[PIECE]);
                    lastUsed = 0;
                }
                int n = Math.min(len - off, PIECE - lastUsed);
                System.arraycopy(b, off, pieces.get(pieces.size() - 1), lastUsed, n);
                lastUsed += n;
                off += n;
            }
            length += len;
        }

        long length() {
            return stored ? size : length;
        }

        /** Drops the deflated bytes: the entry is stored. */
        void store() {
            stored = true;
            pieces.clear();
            length = 0;
        }

        void writeTo(OutputStream out) throws IOException {
            for (int i = 0; i < pieces.size(); i++) {
                out.write(pieces.get(i), 0, i == pieces.size() - 1 ? lastUsed : PIECE);
            }
        }
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
