package dev.petal.interop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plain values a pickle decodes to. Python's {@code None} is {@link #NONE}; ints are {@code Long};
 * floats {@code Double}; str {@code String}; bytes {@code byte[]}; list {@code ArrayList}; dict
 * {@code LinkedHashMap} (keys: str, int, bool or None only); tuple {@link Tuple}; numpy arrays
 * {@link NdArray}; objects of an allowed class {@link Instance}.
 */
final class PyValues {
    /** Python's {@code None}. */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    private PyValues() {
    }

    /** A Python tuple. */
    record Tuple(List<Object> items) {
        Object get(int i) {
            return items.get(i);
        }

        int size() {
            return items.size();
        }
    }

    /** An object of an allowed class: its qualified class name and the state {@code BUILD} gave it. */
    static final class Instance {
        final String className;
        Map<Object, Object> state;
        /** For joblib's array wrapper: the array read after it. */
        NdArray array;

        Instance(String className) {
            this.className = className;
        }

        /** The class name without its module, e.g. {@code SVC}. */
        String simpleName() {
            return className.substring(className.lastIndexOf('.') + 1);
        }
    }

    /** A numpy dtype under construction or complete: kind ('f', 'i', 'u', 'b', 'U', 'O'), item size, byte order. */
    static final class DType {
        char kind;
        int itemSize;
        char byteOrder = '|';

        @Override
        public String toString() {
            return (byteOrder == '|' ? "" : String.valueOf(byteOrder)) + kind + itemSize;
        }
    }

    /** {@code numpy.core.multiarray._reconstruct(ndarray, (0,), b'b')} awaiting its {@code BUILD}. */
    static final class ArrayShell {
        /** The array once built; the pickle's memo may still hand out this shell, so readers unwrap it. */
        NdArray array;
    }

    /** The array a shell or a joblib wrapper became, else {@code v} itself. */
    static Object unwrap(Object v) {
        if (v instanceof ArrayShell s && s.array != null) {
            return s.array;
        }
        if (v instanceof Instance i && i.array != null) {
            return i.array;
        }
        return v;
    }

    /** A callable from the allow-list: its module and name. */
    record Global(String module, String name) {
        String qualified() {
            return module + "." + name;
        }
    }

    static List<Object> newList() {
        return new ArrayList<>();
    }

    static Map<Object, Object> newDict() {
        return new LinkedHashMap<>();
    }

    /** The Python type name of a decoded value, for messages. */
    static String typeName(Object o) {
        Object v = unwrap(o);
        if (v == NONE) {
            return "None";
        }
        if (v instanceof Long) {
            return "int";
        }
        if (v instanceof Double) {
            return "float";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof String) {
            return "str";
        }
        if (v instanceof byte[]) {
            return "bytes";
        }
        if (v instanceof List) {
            return "list";
        }
        if (v instanceof Map) {
            return "dict";
        }
        if (v instanceof Tuple) {
            return "tuple";
        }
        if (v instanceof NdArray a) {
            return "numpy array of " + a.dtype();
        }
        if (v instanceof Instance i) {
            return i.className;
        }
        return v.getClass().getSimpleName();
    }
}
