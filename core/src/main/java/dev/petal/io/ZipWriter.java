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

    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    /** Adds an entry; names are plain ASCII file names. */
    ZipWriter add(String name, byte[] content) {
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
     * Writes the archive to {@code out}, one entry at a time (each entry deflated just before it is
     * written), so a large model is not held a second and third time as the whole archive's bytes.
     */
    void writeTo(OutputStream out) throws IOException {
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        long offset = 0;
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.US_ASCII);
            byte[] data = e.getValue();
            CRC32 crc = new CRC32();
            crc.update(data);
            byte[] packed = deflate(data);
            ByteBuffer local = le(30 + name.length);
            local.putInt(LOCAL_SIG).putShort((short) VERSION).putShort((short) 0).putShort((short) METHOD_DEFLATED)
                    .putShort((short) 0).putShort((short) DOS_DATE_1980_01_01).putInt((int) crc.getValue())
                    .putInt(packed.length).putInt(data.length).putShort((short) name.length).putShort((short) 0)
                    .put(name);
            out.write(local.array());
            out.write(packed);
            ByteBuffer c = le(46 + name.length);
            c.putInt(CENTRAL_SIG).putShort((short) VERSION).putShort((short) VERSION).putShort((short) 0)
                    .putShort((short) METHOD_DEFLATED).putShort((short) 0).putShort((short) DOS_DATE_1980_01_01)
                    .putInt((int) crc.getValue()).putInt(packed.length).putInt(data.length)
                    .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(0).putInt((int) offset).put(name);
            central.writeBytes(c.array());
            offset += local.capacity() + packed.length;
        }
        long cdOffset = offset;
        out.write(central.toByteArray());
        ByteBuffer end = le(22);
        end.putInt(END_SIG).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
                .putShort((short) entries.size()).putInt(central.size()).putInt((int) cdOffset).putShort((short) 0);
        out.write(end.array());
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
            byte[] buf = new byte[64 * 1024];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
