package dev.petal.interop;

import dev.petal.interop.PyValues.ArrayShell;
import dev.petal.interop.PyValues.DType;
import dev.petal.interop.PyValues.Global;
import dev.petal.interop.PyValues.Instance;
import dev.petal.interop.PyValues.Tuple;
import dev.petal.io.ModelFormatException;
import java.util.List;

/**
 * What the allowed globals mean when a pickle "calls" them: each builds the data the call would
 * have returned, after checking its arguments have exactly the shape scikit-learn's and numpy's
 * own pickles give them. Nothing is looked up or invoked by name.
 */
final class Calls {
    private Calls() {
    }

    /** {@code REDUCE}: {@code callable(*args)} for the callables on the allow-list. */
    static Object reduce(Object callable, Tuple args, PickleInput in) throws ModelFormatException {
        if (!(callable instanceof Global g)) {
            throw in.fail("calls a " + PyValues.typeName(callable) + ", which is not a function");
        }
        String name = g.name();
        if (name.equals(Globals.RECONSTRUCT) && args.size() == 3 && PickleReader.isGlobal(args.get(0), Globals.NDARRAY)) {
            return new ArrayShell();
        }
        if (name.equals(Globals.DTYPE) && g.module().equals("numpy") && args.size() == 3 && args.get(0) instanceof String s) {
            return dtype(s, in);
        }
        if (name.equals(Globals.SCALAR) && (args.size() == 1 || args.size() == 2) && args.get(0) instanceof DType d) {
            return scalar(d, args.size() == 2 ? args.get(1) : null, in);
        }
        if (name.equals(Globals.ENCODE) && args.size() == 2 && args.get(0) instanceof String s
                && args.get(1) instanceof String enc && enc.equals("latin1")) {
            return latin1(s, in);
        }
        if ((name.equals(Globals.BYTES) || name.equals(Globals.BYTEARRAY)) && args.size() == 0) {
            return new byte[0];
        }
        if (name.equals(Globals.BYTEARRAY) && args.size() == 1 && args.get(0) instanceof byte[] b) {
            return b;
        }
        if (name.equals(Globals.FROMBUFFER) && args.size() == 4 && args.get(0) instanceof byte[] buf
                && args.get(1) instanceof DType d && args.get(2) instanceof Tuple shape && args.get(3) instanceof String order) {
            return arrayFromBytes(d, shape(shape, in), order.equals("F"), buf, in);
        }
        if (name.equals(Globals.RECONSTRUCTOR) && args.size() == 3 && args.get(0) instanceof Global cls
                && Globals.ESTIMATORS.containsKey(cls.qualified()) && PickleReader.isGlobal(args.get(1), Globals.OBJECT)
                && args.get(2) == PyValues.NONE) {
            return new Instance(cls.qualified());
        }
        throw in.fail("calls " + g.qualified() + " with arguments its pickles never carry; refusing it");
    }

    /** {@code NEWOBJ}: {@code cls.__new__(cls)} for the allowed classes, which take no arguments. */
    static Object newObject(Object cls, Tuple args, PickleInput in) throws ModelFormatException {
        if (cls instanceof Global g && args.size() == 0
                && (Globals.ESTIMATORS.containsKey(g.qualified()) || g.name().equals(Globals.WRAPPER))) {
            return new Instance(g.qualified());
        }
        throw in.fail("creates a " + PyValues.typeName(cls) + " with " + args.size()
                + " arguments, which scikit-learn's pickles never do; refusing it");
    }

    private static DType dtype(String s, PickleInput in) throws ModelFormatException {
        DType d = new DType();
        if (s.length() < 2 || "fiubUO".indexOf(s.charAt(0)) < 0) {
            throw in.fail("holds a numpy dtype '" + s + "'; Petal reads float, int, uint, bool, str and object arrays");
        }
        d.kind = s.charAt(0);
        int n;
        try {
            n = Integer.parseInt(s.substring(1));
        } catch (NumberFormatException e) {
            throw in.fail("holds a numpy dtype '" + s + "' it cannot read");
        }
        boolean ok = switch (d.kind) {
            case 'f' -> n == 4 || n == 8;
            case 'i', 'u' -> n == 1 || n == 2 || n == 4 || n == 8;
            case 'b' -> n == 1;
            case 'O' -> n == 8 || n == 4;
            default -> n >= 0 && n <= (1 << 18);
        };
        if (!ok) {
            throw in.fail("holds a numpy dtype '" + s + "' it cannot read");
        }
        d.itemSize = d.kind == 'U' ? n * 4 : n;
        return d;
    }

    /** {@code BUILD} of a dtype: its byte order (and, for str dtypes, its item size); structured dtypes are refused. */
    static void buildDType(DType d, Tuple state, PickleInput in) throws ModelFormatException {
        if (state.size() < 8 || !(state.get(1) instanceof String order) || state.get(3) != PyValues.NONE
                || state.get(4) != PyValues.NONE || !(state.get(5) instanceof Long elsize)) {
            throw in.fail("holds a numpy dtype state Petal cannot read (structured or subarray dtypes are not supported)");
        }
        if (order.length() != 1 || "<>|=".indexOf(order.charAt(0)) < 0) {
            throw in.fail("holds a numpy dtype with byte order '" + order + "'");
        }
        d.byteOrder = order.charAt(0) == '=' ? '<' : order.charAt(0);
        if (elsize >= 0 && d.kind == 'U') {
            if (elsize % 4 != 0 || elsize > (1 << 20)) {
                throw in.fail("holds a numpy str dtype of " + elsize + " bytes");
            }
            d.itemSize = (int) (long) elsize;
        }
    }

    private static Object scalar(DType d, Object data, PickleInput in) throws ModelFormatException {
        if (d.kind == 'O') {
            return data == null ? PyValues.NONE : data;
        }
        byte[] b = data instanceof byte[] bytes ? bytes : data instanceof String s ? latin1(s, in) : null;
        if (b == null || b.length != d.itemSize || d.kind == 'U') {
            throw in.fail("holds a numpy " + d + " scalar whose data does not match its dtype");
        }
        NdArray a = NdArray.fromBytes(d, new int[0], false, b);
        if (d.kind == 'f') {
            return a.doubles()[0];
        }
        return d.kind == 'b' ? Boolean.valueOf(a.longs()[0] != 0) : (Object) a.longs()[0];
    }

    /** {@code BUILD} of {@code _reconstruct(ndarray, (0,), b'b')}: (version, shape, dtype, is_fortran, data). */
    static NdArray buildArray(Tuple state, PickleInput in, ImportLimits limits, int nesting) throws ModelFormatException {
        List<Object> s = state.items();
        if (s.size() == 5) {
            s = s.subList(1, 5);
        }
        if (s.size() != 4 || !(s.get(0) instanceof Tuple shape) || !(s.get(1) instanceof DType d)
                || !(s.get(2) instanceof Boolean fortran)) {
            throw in.fail("holds a numpy array state Petal cannot read");
        }
        int[] dims = shape(shape, in);
        Object data = s.get(3);
        if (d.kind == 'O') {
            if (!(data instanceof List<?> items) || items.size() != NdArray.count(toLong(dims))) {
                throw in.fail("holds an object array of shape " + NdArray.shapeText(toLong(dims))
                        + " whose element list does not match it");
            }
            @SuppressWarnings("unchecked")
            List<Object> objs = (List<Object>) items;
            return NdArray.ofObjects(dims, fortran, objs);
        }
        byte[] bytes = data instanceof byte[] b ? b : data instanceof String str ? latin1(str, in) : null;
        if (bytes == null) {
            throw in.fail("holds a numpy array whose data is a " + PyValues.typeName(data));
        }
        return arrayFromBytes(d, dims, fortran, bytes, in);
    }

    static NdArray arrayFromBytes(DType d, int[] dims, boolean fortran, byte[] bytes, PickleInput in)
            throws ModelFormatException {
        long need = NdArray.count(toLong(dims)) * d.itemSize;
        if (d.kind == 'O' || bytes.length != need) {
            throw in.fail("holds a numpy array of shape " + NdArray.shapeText(toLong(dims)) + " and dtype " + d
                    + " with " + bytes.length + " bytes of data instead of " + need);
        }
        try {
            return NdArray.fromBytes(d, dims, fortran, bytes);
        } catch (IllegalArgumentException e) {
            throw in.fail(e.getMessage());
        }
    }

    /** A shape tuple of non-negative ints whose element count fits a Java array. */
    static int[] shape(Tuple t, PickleInput in) throws ModelFormatException {
        if (t.size() > 32) {
            throw in.fail("holds an array of " + t.size() + " dimensions");
        }
        long[] dims = new long[t.size()];
        for (int i = 0; i < dims.length; i++) {
            if (!(t.get(i) instanceof Long v)) {
                throw in.fail("holds an array shape with a " + PyValues.typeName(t.get(i)));
            }
            dims[i] = v;
        }
        if (NdArray.count(dims) < 0) {
            throw in.fail("announces an array of shape " + NdArray.shapeText(dims) + ", more elements than Petal reads");
        }
        int[] out = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = (int) Math.min(dims[i], Integer.MAX_VALUE);
        }
        return out;
    }

    static long[] toLong(int[] shape) {
        long[] s = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            s[i] = shape[i];
        }
        return s;
    }

    private static byte[] latin1(String s, PickleInput in) throws ModelFormatException {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                throw in.fail("encodes a non-latin-1 string as bytes");
            }
        }
        return NdArray.latin1(s);
    }


}
