package dev.petal.interop;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes pickle protocol 4 (without frames or memo, both optional) with only the objects scikit-learn's
 * own pickles contain: str, int, float, bool, None, tuple, list, dict, numpy arrays by
 * {@code numpy.core.multiarray._reconstruct} with their dtypes, and estimator objects as their class
 * (a global), {@code NEWOBJ} and the {@code __dict__} that {@code BUILD} hands to {@code __setstate__}.
 */
final class PickleWriter {
    /** An estimator to pickle: its module, class name and state in key order. */
    record Obj(String module, String name, Map<String, Object> state) {
    }

    /** A float64 array of any shape. */
    record F8(int[] shape, double[] values) {
    }

    /** An int32 ('i4') or int64 ('i8') array. */
    record Ints(String dtype, int[] shape, long[] values) {
    }

    /** A 1-d object array of strings. */
    record Strs(List<String> values) {
    }

    /** A Python tuple. */
    record Tup(List<Object> items) {
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static byte[] dump(Object top) {
        PickleWriter w = new PickleWriter();
        w.out.write(0x80);
        w.out.write(4);
        w.value(top);
        w.out.write('.');
        return w.out.toByteArray();
    }

    private void value(Object v) {
        if (v == null) {
            out.write('N');
        } else if (v instanceof Boolean b) {
            out.write(b ? 0x88 : 0x89);
        } else if (v instanceof Integer i) {
            integer(i);
        } else if (v instanceof Long l) {
            integer(l);
        } else if (v instanceof Double d) {
            out.write('G');
            out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putDouble(d).array());
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Tup t) {
            out.write('(');
            t.items().forEach(this::value);
            out.write('t');
        } else if (v instanceof List<?> l) {
            out.write(']');
            if (!l.isEmpty()) {
                out.write('(');
                l.forEach(this::value);
                out.write('e');
            }
        } else if (v instanceof Map<?, ?> m) {
            out.write('}');
            if (!m.isEmpty()) {
                out.write('(');
                m.forEach((k, val) -> {
                    value(k);
                    value(val);
                });
                out.write('u');
            }
        } else if (v instanceof Obj o) {
            global(o.module(), o.name());
            out.write(')');
            out.write(0x81);   // NEWOBJ
            value(o.state());
            out.write('b');    // BUILD: __setstate__(state)
        } else if (v instanceof F8 a) {
            ByteBuffer b = ByteBuffer.allocate(a.values().length * 8).order(ByteOrder.LITTLE_ENDIAN);
            b.asDoubleBuffer().put(a.values());
            array(a.shape(), "f8", "<", 0, b.array(), null);
        } else if (v instanceof Ints a) {
            int size = a.dtype().equals("i4") ? 4 : 8;
            ByteBuffer b = ByteBuffer.allocate(a.values().length * size).order(ByteOrder.LITTLE_ENDIAN);
            for (long x : a.values()) {
                if (size == 4) {
                    b.putInt(Math.toIntExact(x));
                } else {
                    b.putLong(x);
                }
            }
            array(a.shape(), a.dtype(), "<", 0, b.array(), null);
        } else if (v instanceof Strs s) {
            array(new int[] {s.values().size()}, "O8", "|", 63, null, s.values());
        } else {
            throw new IllegalArgumentException("cannot pickle a " + v.getClass().getSimpleName());
        }
    }

    /** {@code _reconstruct(ndarray, (0,), b'b')} then BUILD with (1, shape, dtype, False, data). */
    private void array(int[] shape, String dtype, String order, int flags, byte[] data, List<String> objects) {
        global("numpy.core.multiarray", "_reconstruct");
        global("numpy", "ndarray");
        out.write('(');
        integer(0);
        out.write('t');
        bytes(new byte[] {'b'});
        out.write(0x87);   // TUPLE3
        out.write('R');
        out.write('(');
        integer(1);
        out.write('(');
        for (int s : shape) {
            integer(s);
        }
        out.write('t');
        global("numpy", "dtype");
        out.write('(');
        string(dtype);
        out.write(0x89);
        out.write(0x88);
        out.write('t');
        out.write('R');
        out.write('(');
        integer(3);
        string(order);
        out.write('N');
        out.write('N');
        out.write('N');
        integer(-1);
        integer(-1);
        integer(flags);
        out.write('t');
        out.write('b');
        out.write(0x89);   // not Fortran-ordered
        if (data != null) {
            bytes(data);
        } else {
            value(objects);
        }
        out.write('t');
        out.write('b');
    }

    private void global(String module, String name) {
        string(module);
        string(name);
        out.write(0x93);   // STACK_GLOBAL
    }

    private void integer(long v) {
        if (v >= 0 && v < 256) {
            out.write('K');
            out.write((int) v);
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            out.write('J');
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) v).array());
        } else {
            out.write(0x8a);   // LONG1, 8 bytes two's complement
            out.write(8);
            out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
        }
    }

    private void string(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length < 256) {
            out.write(0x8c);
            out.write(b.length);
        } else {
            out.write('X');
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
        }
        out.writeBytes(b);
    }

    private void bytes(byte[] b) {
        if (b.length < 256) {
            out.write('C');
            out.write(b.length);
        } else {
            out.write('B');
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
        }
        out.writeBytes(b);
    }
}
