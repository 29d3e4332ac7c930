package dev.petal.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The NumPy {@code .npy} format, version 1.0, for little-endian float64, int32 and int64 arrays
 * in C order: the bytes {@code numpy.save} writes and {@code numpy.load} reads.
 *
 * <p>Layout: the magic {@code \x93NUMPY}, version bytes 1 and 0, a little-endian uint16 header
 * length, an ASCII Python dict literal such as {@code {'descr': '<f8', 'fortran_order': False,
 * 'shape': (3, 4), }} padded with spaces and a newline to a multiple of 64 bytes, then the data.
 */
final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int PREFIX = 10;
    private static final int ALIGN = 64;
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    /** Bytes of values encoded at a time by {@link #write(NpyArray, OutputStream)}. */
    private static final int CHUNK = 64 * 1024;

    private Npy() {
    }

    /** The .npy bytes of {@code a}, identical to what numpy 1.24's {@code numpy.save} writes. */
    static byte[] write(NpyArray a) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            write(a, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);   // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    /** Writes the bytes of {@link #write(NpyArray)} to {@code out} through a small buffer, never the whole array's bytes at once. */
    static void write(NpyArray a, OutputStream out) throws IOException {
        out.write(header(a.dtype(), a.shape()));
        int n = a.size();
        int item = a.dtype().itemSize();
        ByteBuffer b = ByteBuffer.allocate(Math.max(item, Math.min(CHUNK, n * item))).order(ByteOrder.LITTLE_ENDIAN);
        int perChunk = b.capacity() / item;
        for (int from = 0; from < n; from += perChunk) {
            int count = Math.min(perChunk, n - from);
            b.clear();
            // float64 and int64 in bulk (a cold JVM would interpret a loop over every value); int32 narrows each value
            switch (a.dtype()) {
                case FLOAT64 -> a.copyDoubles(from, b.asDoubleBuffer(), count);
                case INT64 -> a.copyLongs(from, b.asLongBuffer(), count);
                case INT32 -> {
                    for (int i = from; i < from + count; i++) {
                        b.putInt((int) a.longAt(i));
                    }
                }
            }
            out.write(b.array(), 0, count * item);
        }
    }

    /** The magic, version, length and padded dict of an array of {@code dtype} and {@code shape}. */
    static byte[] header(NpyArray.Dtype dtype, int[] shape) {
        StringBuilder dict = new StringBuilder("{'descr': '").append(dtype.descr())
                .append("', 'fortran_order': False, 'shape': ").append(NpyArray.shapeString(shape)).append(", }");
        dict.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - String.valueOf(shape[0]).length()));
        int hlen = dict.length() + 1;
        int pad = ALIGN - ((PREFIX + hlen) % ALIGN);
        dict.append(" ".repeat(pad)).append('\n');
        byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(PREFIX + text.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length).put(text);
        return b.array();
    }

    /**
     * Decodes .npy bytes, validating the magic, version, header and that the data is exactly as long
     * as the shape requires, before allocating the values.
     *
     * @param what how to name the entry in an error, e.g. {@code model.petal: entry mean.npy}
     */
    static NpyArray read(byte[] bytes, String what) throws ModelFormatException {
        if (bytes.length < PREFIX) {
            throw new ModelFormatException(what + " is too short to be a .npy array.");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes[i] != MAGIC[i]) {
                throw new ModelFormatException(what + " is not a .npy array (bad magic).");
            }
        }
        if (bytes[6] != 1 || bytes[7] != 0) {
            throw new ModelFormatException(what + " has .npy version " + (bytes[6] & 0xff) + "." + (bytes[7] & 0xff)
                    + "; Petal reads version 1.0.");
        }
        int hlen = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
        if (PREFIX + hlen > bytes.length) {
            throw new ModelFormatException(what + " is truncated inside its .npy header.");
        }
        String text = new String(bytes, PREFIX, hlen, StandardCharsets.ISO_8859_1);
        NpyHeader h = NpyHeader.parse(text, what);
        long count = 1;
        for (int d : h.shape()) {
            count *= d;
            if (count > Integer.MAX_VALUE) {
                throw new ModelFormatException(what + " announces shape " + NpyArray.shapeString(h.shape())
                        + ", more values than Petal can hold.");
            }
        }
        long need = count * h.dtype().itemSize();
        long have = bytes.length - (long) PREFIX - hlen;
        if (need != have) {
            throw new ModelFormatException(what + " has shape " + NpyArray.shapeString(h.shape()) + " of "
                    + h.dtype().descr() + ", which needs " + need + " data bytes, but holds " + have + ".");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, PREFIX + hlen, (int) need).order(ByteOrder.LITTLE_ENDIAN);
        int n = (int) count;
        return switch (h.dtype()) {
            case FLOAT64 -> {
                double[] d = new double[n];
                b.asDoubleBuffer().get(d);
                yield NpyArray.wrap(h.dtype(), h.shape(), d, null);
            }
            case INT32 -> {
                long[] l = new long[n];
                for (int i = 0; i < n; i++) {
                    l[i] = b.getInt();
                }
                yield NpyArray.wrap(h.dtype(), h.shape(), null, l);
            }
            case INT64 -> {
                long[] l = new long[n];
                b.asLongBuffer().get(l);
                yield NpyArray.wrap(h.dtype(), h.shape(), null, l);
            }
        };
    }
}
