package dev.petal.api;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 of int32 and float64 values laid end to end in little-endian order, as {@code numpy}'s
 * {@code '<i4'} and {@code '<f8'} {@code tobytes()} give them. Values are copied in bulk into one buffer of at
 * most {@value #CHUNK_BYTES} bytes, hashed one full buffer at a time: a large X is never held twice, and the few
 * large {@code update} calls keep the per-call work out of a cold JVM's interpreter.
 */
final class LittleEndianSha256 {
    /** The buffer's size: a multiple of 8, small next to any X worth hashing in chunks. */
    static final int CHUNK_BYTES = 1 << 16;

    private final MessageDigest md;
    private final ByteBuffer buf = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);

    LittleEndianSha256() {
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Appends one int32. */
    void putInt(int v) {
        room(Integer.BYTES);
        buf.putInt(v);
    }

    /** Appends all of {@code v} as int32 values. */
    void put(int[] v) {
        for (int off = 0; off < v.length; ) {
            room(Integer.BYTES);
            int n = Math.min(v.length - off, buf.remaining() / Integer.BYTES);
            buf.asIntBuffer().put(v, off, n);   // the view starts at the position and keeps the byte order
            buf.position(buf.position() + n * Integer.BYTES);
            off += n;
        }
    }

    /** Appends all of {@code v} as float64 values. */
    void put(double[] v) {
        for (int off = 0; off < v.length; ) {
            room(Double.BYTES);
            int n = Math.min(v.length - off, buf.remaining() / Double.BYTES);
            buf.asDoubleBuffer().put(v, off, n);
            buf.position(buf.position() + n * Double.BYTES);
            off += n;
        }
    }

    /** The digest of everything appended, as 64 lower-case hex digits. */
    String hex() {
        flush();
        return HexFormat.of().formatHex(md.digest());
    }

    private void room(int bytes) {
        if (buf.remaining() < bytes) {
            flush();
        }
    }

    private void flush() {
        md.update(buf.array(), 0, buf.position());
        buf.clear();
    }
}
