package dev.petal.interop;

import dev.petal.io.ModelFormatException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The decompressed pickle stream, read with a byte count that may not exceed the limit, so that no
 * announced length is allocated before it is known to fit and a compression bomb stops early.
 */
final class PickleInput {
    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private final String source;
    private final long maxBytes;
    private long position;

    PickleInput(InputStream in, String source, long maxBytes) {
        this.in = in;
        this.source = source;
        this.maxBytes = maxBytes;
    }

    long position() {
        return position;
    }

    String source() {
        return source;
    }

    ModelFormatException fail(String what) {
        return new ModelFormatException(source + ": " + what + " (at byte " + position + " of the pickle stream).");
    }

    /** One byte, 0-255. */
    int read(String inside) throws IOException {
        check(1, inside);
        int b = in.read();
        if (b < 0) {
            throw truncated(inside);
        }
        position++;
        return b;
    }

    /** Exactly {@code n} bytes, read in chunks so a short stream fails before a large buffer is filled. */
    byte[] read(long n, String inside) throws IOException {
        if (n < 0) {
            throw fail(inside + " announces a negative length " + n);
        }
        check(n, inside);
        if (n <= CHUNK) {
            byte[] out = new byte[(int) n];
            fill(out, 0, (int) n, inside);
            return out;
        }
        byte[] out = new byte[CHUNK];
        int have = 0;
        while (have < n) {
            if (have == out.length) {
                out = java.util.Arrays.copyOf(out, (int) Math.min(n, (long) out.length * 2));
            }
            int want = (int) Math.min(out.length - have, n - have);
            fill(out, have, want, inside);
            have += want;
        }
        return out;
    }

    /** Skips {@code n} bytes. */
    void skip(long n, String inside) throws IOException {
        check(n, inside);
        byte[] scratch = new byte[(int) Math.min(CHUNK, n)];
        long left = n;
        while (left > 0) {
            int want = (int) Math.min(scratch.length, left);
            fill(scratch, 0, want, inside);
            left -= want;
        }
    }

    /** A text line of at most {@code max} bytes (GLOBAL's module and name), without its newline. */
    String line(int max, String inside) throws IOException {
        StringBuilder b = new StringBuilder();
        while (true) {
            int c = read(inside);
            if (c == '\n') {
                return b.toString();
            }
            if (c < 0x20 || c > 0x7E || b.length() >= max) {
                throw fail(inside + " is not a short printable line");
            }
            b.append((char) c);
        }
    }

    long readLittle(int bytes, String inside) throws IOException {
        byte[] b = read(bytes, inside);
        long v = 0;
        for (int i = bytes - 1; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v;
    }

    private void check(long n, String inside) throws ModelFormatException {
        if (n > maxBytes - position) {
            throw fail(inside + " needs " + n + " more bytes, beyond the limit of " + maxBytes
                    + " bytes for a pickle stream (a damaged file or a compression bomb)");
        }
    }

    private void fill(byte[] out, int off, int len, String inside) throws IOException {
        int done = 0;
        while (done < len) {
            int r;
            try {
                r = in.read(out, off + done, len - done);
            } catch (EOFException e) {
                throw truncated(inside);
            }
            if (r < 0) {
                throw truncated(inside);
            }
            done += r;
            position += r;
        }
    }

    private ModelFormatException truncated(String inside) {
        return new ModelFormatException(source + " is truncated: the pickle stream ends after " + position
                + " bytes, inside " + inside + ".");
    }
}
