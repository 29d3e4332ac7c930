package dev.petal.interop;

import dev.petal.interop.PyValues.Instance;
import dev.petal.interop.PyValues.Tuple;
import dev.petal.io.ModelFormatException;
import java.util.Map;

/** Typed, checked reads of one scikit-learn object's pickled {@code __dict__}, each failure one line naming the attribute. */
final class SklearnState {
    private final String source;
    private final String owner;
    private final Map<Object, Object> state;

    SklearnState(String source, Instance i) throws ModelFormatException {
        this.source = source;
        this.owner = i.simpleName();
        if (i.state == null) {
            throw new ModelFormatException(source + ": the " + owner + " carries no state (it was never built).");
        }
        this.state = i.state;
    }

    String owner() {
        return owner;
    }

    ModelFormatException fail(String key, String what) {
        return new ModelFormatException(source + ": the " + owner + "'s " + key + " " + what + ".");
    }

    boolean has(String key) {
        return state.containsKey(key) && state.get(key) != PyValues.NONE;
    }

    Object raw(String key) throws ModelFormatException {
        if (!state.containsKey(key)) {
            throw new ModelFormatException(source + ": the " + owner + " has no " + key
                    + "; it was not fitted, or was written by a scikit-learn other than 1.x.");
        }
        return PyValues.unwrap(state.get(key));
    }

    String string(String key) throws ModelFormatException {
        if (raw(key) instanceof String s) {
            return s;
        }
        throw fail(key, "must be a str, got a " + PyValues.typeName(raw(key)));
    }

    boolean bool(String key) throws ModelFormatException {
        Object v = raw(key);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Long l && (l == 0 || l == 1)) {
            return l == 1;
        }
        throw fail(key, "must be a bool, got a " + PyValues.typeName(v));
    }

    double number(String key) throws ModelFormatException {
        Object v = raw(key);
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Long l && Math.abs(l) <= (1L << 53)) {
            return l;
        }
        throw fail(key, "must be a number, got a " + PyValues.typeName(v));
    }

    long integer(String key) throws ModelFormatException {
        Object v = raw(key);
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw fail(key, "must be an int, got a " + PyValues.typeName(v));
    }

    int intIn(String key, long lo, long hi) throws ModelFormatException {
        long v = integer(key);
        if (v < lo || v > hi) {
            throw fail(key, "is " + v + ", outside [" + lo + ", " + hi + "]");
        }
        return (int) v;
    }

    NdArray array(String key) throws ModelFormatException {
        Object v = raw(key);
        if (v instanceof NdArray a) {
            return a;
        }
        throw fail(key, "must be a numpy array, got a " + PyValues.typeName(v));
    }

    /** A float array of exactly {@code dims} (a -1 entry accepts any length there). */
    double[] doubles(String key, int... dims) throws ModelFormatException {
        NdArray a = array(key);
        checkShape(key, a, dims);
        try {
            return a.doubles();
        } catch (IllegalArgumentException e) {
            throw fail(key, e.getMessage());
        }
    }

    int[] ints(String key, int... dims) throws ModelFormatException {
        NdArray a = array(key);
        checkShape(key, a, dims);
        long[] v;
        try {
            v = a.longs();
        } catch (IllegalArgumentException e) {
            throw fail(key, e.getMessage());
        }
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] < Integer.MIN_VALUE || v[i] > Integer.MAX_VALUE) {
                throw fail(key, "holds " + v[i] + ", beyond a 32-bit int");
            }
            out[i] = (int) v[i];
        }
        return out;
    }

    void checkShape(String key, NdArray a, int... dims) throws ModelFormatException {
        int[] s = a.shape();
        boolean ok = s.length == dims.length;
        for (int i = 0; ok && i < dims.length; i++) {
            ok = dims[i] < 0 || dims[i] == s[i];
        }
        if (!ok) {
            throw fail(key, "has shape " + java.util.Arrays.toString(s) + ", expected " + java.util.Arrays.toString(dims)
                    .replace("-1", "any"));
        }
    }

    Tuple tuple(String key) throws ModelFormatException {
        if (raw(key) instanceof Tuple t) {
            return t;
        }
        throw fail(key, "must be a tuple, got a " + PyValues.typeName(raw(key)));
    }
}
