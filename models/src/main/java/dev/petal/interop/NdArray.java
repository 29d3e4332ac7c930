package dev.petal.interop;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A numpy array decoded from a pickle, in C order: numbers as {@code double[]} (kinds 'f') or
 * {@code long[]} (kinds 'i', 'u', 'b'), text and objects as {@code Object[]} (kinds 'U', 'O').
 */
final class NdArray {
    private final String dtype;
    private final char kind;
    private final int[] shape;
    private final double[] doubles;
    private final long[] longs;
    private final Object[] objects;

    private NdArray(String dtype, char kind, int[] shape, double[] doubles, long[] longs, Object[] objects) {
        this.dtype = dtype;
        this.kind = kind;
        this.shape = shape;
        this.doubles = doubles;
        this.longs = longs;
        this.objects = objects;
    }

    /** The element count of {@code shape}, or -1 when it exceeds {@code Integer.MAX_VALUE - 8} or a dimension is negative. */
    static long count(long[] shape) {
        long n = 1;
        for (long s : shape) {
            if (s < 0) {
                return -1;
            }
            if (s != 0 && n > (Integer.MAX_VALUE - 8) / s) {
                return n == 0 ? 0 : -1;
            }
            n *= s;
        }
        return n;
    }

    static String shapeText(long[] shape) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            b.append(shape[i]).append(i == 0 && shape.length == 1 ? "," : i + 1 < shape.length ? ", " : "");
        }
        return b.append(')').toString();
    }

    /** An array of numbers or fixed-width text from its raw bytes (C or Fortran order); the caller has checked the length. */
    static NdArray fromBytes(PyValues.DType dt, int[] shape, boolean fortran, byte[] data) {
        int n = (int) count(toLong(shape));
        ByteBuffer b = ByteBuffer.wrap(data).order(dt.byteOrder == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        String name = dt.toString();
        switch (dt.kind) {
            case 'f' -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = dt.itemSize == 8 ? b.getDouble(i * 8) : b.getFloat(i * 4);
                }
                return new NdArray(name, 'f', shape, fortran ? toC(v, shape) : v, null, null);
            }
            case 'i', 'u', 'b' -> {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) {
                    int at = i * dt.itemSize;
                    v[i] = switch (dt.itemSize) {
                        case 1 -> dt.kind == 'i' ? b.get(at) : b.get(at) & 0xFF;
                        case 2 -> dt.kind == 'i' ? b.getShort(at) : b.getShort(at) & 0xFFFF;
                        case 4 -> dt.kind == 'i' ? b.getInt(at) : b.getInt(at) & 0xFFFFFFFFL;
                        default -> b.getLong(at);
                    };
                }
                return new NdArray(name, dt.kind == 'b' ? 'b' : 'i', shape, null, fortran ? toC(v, shape) : v, null);
            }
            case 'U' -> {
                Object[] v = new Object[n];
                int chars = dt.itemSize / 4;
                for (int i = 0; i < n; i++) {
                    StringBuilder s = new StringBuilder();
                    for (int c = 0; c < chars; c++) {
                        int cp = b.getInt(i * dt.itemSize + c * 4);
                        if (cp == 0) {
                            break;
                        }
                        if (!Character.isValidCodePoint(cp)) {
                            throw new IllegalArgumentException("a numpy str array holds the invalid code point " + cp);
                        }
                        s.appendCodePoint(cp);
                    }
                    v[i] = s.toString();
                }
                return new NdArray(name, 'U', shape, null, null, fortran ? toC(v, shape) : v);
            }
            default -> throw new IllegalArgumentException("numpy arrays of dtype " + name + " are not supported");
        }
    }

    /** An object array from the list of its elements (already decoded, in C or Fortran order). */
    static NdArray ofObjects(int[] shape, boolean fortran, List<Object> items) {
        Object[] v = items.toArray();
        return new NdArray("object", 'O', shape, null, null, fortran ? toC(v, shape) : v);
    }

    private static long[] toLong(int[] shape) {
        long[] s = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            s[i] = shape[i];
        }
        return s;
    }

    private static double[] toC(double[] f, int[] shape) {
        if (shape.length < 2) {
            return f;
        }
        requireMatrix(shape);
        int r = shape[0];
        int c = shape[1];
        double[] out = new double[f.length];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                out[i * c + j] = f[j * r + i];
            }
        }
        return out;
    }

    private static long[] toC(long[] f, int[] shape) {
        if (shape.length < 2) {
            return f;
        }
        requireMatrix(shape);
        int r = shape[0];
        int c = shape[1];
        long[] out = new long[f.length];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                out[i * c + j] = f[j * r + i];
            }
        }
        return out;
    }

    private static Object[] toC(Object[] f, int[] shape) {
        if (shape.length < 2) {
            return f;
        }
        requireMatrix(shape);
        int r = shape[0];
        int c = shape[1];
        Object[] out = new Object[f.length];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                out[i * c + j] = f[j * r + i];
            }
        }
        return out;
    }

    private static void requireMatrix(int[] shape) {
        if (shape.length > 2) {
            throw new IllegalArgumentException("Fortran-ordered arrays of more than 2 dimensions are not supported");
        }
    }

    String dtype() {
        return dtype;
    }

    char kind() {
        return kind;
    }

    int[] shape() {
        return shape.clone();
    }

    int size() {
        return kind == 'f' ? doubles.length : kind == 'i' || kind == 'b' ? longs.length : objects.length;
    }

    /** The values as doubles: float arrays as they are, integer arrays converted exactly (|v| &le; 2^53). */
    double[] doubles() {
        if (kind == 'f') {
            return doubles.clone();
        }
        if (kind == 'i' || kind == 'b') {
            double[] out = new double[longs.length];
            for (int i = 0; i < out.length; i++) {
                if (Math.abs(longs[i]) > (1L << 53)) {
                    throw new IllegalArgumentException("holds the integer " + longs[i] + ", which a float64 cannot hold exactly");
                }
                out[i] = longs[i];
            }
            return out;
        }
        throw new IllegalArgumentException("holds " + dtype + " values where numbers were expected");
    }

    /** The values as longs; float arrays only when every value is integral. */
    long[] longs() {
        if (kind == 'i' || kind == 'b') {
            return longs.clone();
        }
        if (kind == 'f') {
            long[] out = new long[doubles.length];
            for (int i = 0; i < out.length; i++) {
                if (doubles[i] != Math.rint(doubles[i]) || Math.abs(doubles[i]) > (1L << 53)) {
                    throw new IllegalArgumentException("holds the non-integer " + doubles[i] + " where integers were expected");
                }
                out[i] = (long) doubles[i];
            }
            return out;
        }
        throw new IllegalArgumentException("holds " + dtype + " values where integers were expected");
    }

    /** The elements of a text or object array (each a decoded value). */
    Object[] objects() {
        if (objects == null) {
            throw new IllegalArgumentException("holds " + dtype + " values where strings were expected");
        }
        return objects.clone();
    }

    @Override
    public String toString() {
        return "array" + Arrays.toString(shape) + " of " + dtype;
    }

    static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
