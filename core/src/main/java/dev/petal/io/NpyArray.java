package dev.petal.io;

import java.util.Arrays;

/**
 * An n-dimensional array as one {@code .npy} entry holds it: a dtype, a shape and its values in C
 * (row-major) order. Immutable; arrays are copied in and out.
 */
public final class NpyArray {
    /** The element types Petal writes and reads, with NumPy's little-endian type strings. */
    public enum Dtype {
        /** 64-bit IEEE float, {@code '<f8'}. */
        FLOAT64("<f8", 8),
        /** 32-bit signed integer, {@code '<i4'}. */
        INT32("<i4", 4),
        /** 64-bit signed integer, {@code '<i8'}. */
        INT64("<i8", 8);

        private final String descr;
        private final int itemSize;

        Dtype(String descr, int itemSize) {
            this.descr = descr;
            this.itemSize = itemSize;
        }

        /** NumPy's type string, e.g. {@code <f8}. */
        public String descr() {
            return descr;
        }

        /** Bytes per element. */
        public int itemSize() {
            return itemSize;
        }

        /** The dtype with NumPy type string {@code descr}, or null if Petal does not read it. */
        static Dtype ofDescr(String descr) {
            for (Dtype d : values()) {
                if (d.descr.equals(descr)) {
                    return d;
                }
            }
            return null;
        }
    }

    private final Dtype dtype;
    private final int[] shape;
    private final double[] doubles;
    private final long[] longs;

    private NpyArray(Dtype dtype, int[] shape, double[] doubles, long[] longs) {
        this.dtype = dtype;
        this.shape = shape;
        this.doubles = doubles;
        this.longs = longs;
    }

    /** A float64 array of {@code shape} over a copy of {@code values}. */
    public static NpyArray ofDoubles(int[] shape, double[] values) {
        checkCount(shape, values.length);
        return new NpyArray(Dtype.FLOAT64, shape.clone(), values.clone(), null);
    }

    /**
     * A float64 array of {@code shape} over {@code values} itself, not a copy: for writers that hand over a
     * fresh array or an immutable matrix's own, so a large array is not held twice while it is saved.
     * Nobody may change {@code values} afterwards.
     */
    public static NpyArray wrapDoubles(int[] shape, double[] values) {
        checkCount(shape, values.length);
        return new NpyArray(Dtype.FLOAT64, shape.clone(), values, null);
    }

    /** A 1-D float64 array. */
    public static NpyArray ofDoubles(double[] values) {
        return ofDoubles(new int[] {values.length}, values);
    }

    /** An int32 array of {@code shape} over {@code values}. */
    public static NpyArray ofInts(int[] shape, int[] values) {
        checkCount(shape, values.length);
        long[] l = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            l[i] = values[i];
        }
        return new NpyArray(Dtype.INT32, shape.clone(), null, l);
    }

    /** A 1-D int32 array. */
    public static NpyArray ofInts(int[] values) {
        return ofInts(new int[] {values.length}, values);
    }

    /** An int64 array of {@code shape} over a copy of {@code values}. */
    public static NpyArray ofLongs(int[] shape, long[] values) {
        checkCount(shape, values.length);
        return new NpyArray(Dtype.INT64, shape.clone(), null, values.clone());
    }

    /** Wraps decoded values without copying; only the decoder calls this. */
    static NpyArray wrap(Dtype dtype, int[] shape, double[] doubles, long[] longs) {
        return new NpyArray(dtype, shape, doubles, longs);
    }

    /** The element type. */
    public Dtype dtype() {
        return dtype;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** The number of elements. */
    public int size() {
        return dtype == Dtype.FLOAT64 ? doubles.length : longs.length;
    }

    /** A copy of the values of a float64 array. */
    public double[] doubles() {
        if (dtype != Dtype.FLOAT64) {
            throw new IllegalStateException("array has dtype " + dtype.descr + ", not <f8.");
        }
        return doubles.clone();
    }

    /** A copy of the values of an integer array, widened to long. */
    public long[] longs() {
        if (dtype == Dtype.FLOAT64) {
            throw new IllegalStateException("array has dtype <f8, not an integer dtype.");
        }
        return longs.clone();
    }

    /** The value at flat index {@code i} of a float64 array. */
    double doubleAt(int i) {
        return doubles[i];
    }

    /** Puts {@code count} values of a float64 array from flat index {@code from} into {@code out}. */
    void copyDoubles(int from, java.nio.DoubleBuffer out, int count) {
        out.put(doubles, from, count);
    }

    /** Puts {@code count} values of an integer array from flat index {@code from} into {@code out}. */
    void copyLongs(int from, java.nio.LongBuffer out, int count) {
        out.put(longs, from, count);
    }

    /** The value at flat index {@code i} of an integer array. */
    long longAt(int i) {
        return longs[i];
    }

    /** The shape as NumPy prints it, e.g. {@code (3, 4)} or {@code (5,)}. */
    public String shapeString() {
        return shapeString(shape);
    }

    static String shapeString(int[] shape) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return b.append(shape.length == 1 ? ",)" : ")").toString();
    }

    private static void checkCount(int[] shape, int count) {
        if (shape.length < 1 || shape.length > 2) {
            throw new IllegalArgumentException("a Petal array has 1 or 2 dimensions, got " + shape.length + ".");
        }
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a negative dimension.");
            }
            n *= d;
        }
        if (n != count) {
            throw new IllegalArgumentException("shape " + shapeString(shape) + " holds " + n + " values, but "
                    + count + " were given.");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NpyArray a && a.dtype == dtype && Arrays.equals(a.shape, shape)
                && Arrays.equals(a.doubles, doubles) && Arrays.equals(a.longs, longs);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dtype.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(doubles) + Arrays.hashCode(longs);
    }

    @Override
    public String toString() {
        return "NpyArray(" + dtype.descr + ", " + shapeString() + ")";
    }
}
