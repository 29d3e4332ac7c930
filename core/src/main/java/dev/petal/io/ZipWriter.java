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
     * it is written, in pieces), so a large model is held once more only as one entry's deflated bytes.
     */
    void writeTo(OutputStream out) throws IOException {
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        long offset = 0;
        for (Map.Entry<String, Content> e : entries.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.US_ASCII);
            Deflated packed = deflate(e.getValue());
            CRC32 crc = packed.crc;
            long size = packed.size;
            if (size > 0xFFFF_FFFFL || packed.length() > 0xFFFF_FFFFL) {
                throw new IOException("entry " + e.getKey() + " is larger than 4 GiB, beyond the ZIP format Petal writes.");
            }
            ByteBuffer local = le(30 + name.length);
            local.putInt(LOCAL_SIG).putShort((short) VERSION).putShort((short) 0).putShort((short) METHOD_DEFLATED)
                    .putShort((short) 0).putShort((short) DOS_DATE_1980_01_01).putInt((int) crc.getValue())
                    .putInt((int) packed.length()).putInt((int) size).putShort((short) name.length).putShort((short) 0)
                    .put(name);
            out.write(local.array());
            packed.writeTo(out);
            ByteBuffer c = le(46 + name.length);
            c.putInt(CENTRAL_SIG).putShort((short) VERSION).putShort((short) VERSION).putShort((short) 0)
                    .putShort((short) METHOD_DEFLATED).putShort((short) 0).putShort((short) DOS_DATE_1980_01_01)
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

    /** Produces an entry into a deflater and its CRC, keeping only the deflated bytes (in 1 MiB pieces). */
    private static Deflated deflate(Content content) throws IOException {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        Deflated packed = new Deflated();
        try {
            OutputStream sink = new OutputStream() {
                private final byte[] buf = new byte[64 * 1024];

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    packed.crc.update(b, off, len);
                    packed.size += len;
                    d.setInput(b, off, len);
                    while (!d.needsInput()) {
                        packed.add(buf, d.deflate(buf));
                    }
                }

                @Override
                public void close() {
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

    /** One entry's deflated bytes in pieces, its uncompressed size and CRC. */
    private static final class Deflated {
        private static final int PIECE = 1 << 20;
        final CRC32 crc = new CRC32();
        long size;
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
            return length;
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
