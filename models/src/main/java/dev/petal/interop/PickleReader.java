package dev.petal.interop;

import dev.petal.interop.PyValues.ArrayShell;
import dev.petal.interop.PyValues.DType;
import dev.petal.interop.PyValues.Global;
import dev.petal.interop.PyValues.Instance;
import dev.petal.interop.PyValues.Tuple;
import dev.petal.io.ModelFormatException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict interpreter of pickle protocols 2 to 5 (and joblib's arrays between its opcodes) that
 * builds plain values only. It knows the opcodes scikit-learn's and joblib's files use; every
 * global is checked against {@link Globals} when named, and "calling" one ({@code REDUCE},
 * {@code NEWOBJ}) builds the data that call describes instead of running anything. Sizes are
 * checked against {@link ImportLimits} before allocation.
 *
 * <p>Why not Pyrolite ({@code net.razorvine:pickle}): its constructor registry is a JVM-wide static
 * map, names it does not know become dictionaries instead of failing, and its length-prefixed
 * opcodes allocate the announced length before reading, so each of the three properties above
 * would need overriding its internals opcode by opcode.
 */
final class PickleReader {
    private final PickleInput in;
    private final ImportLimits limits;
    private final int nesting;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();
    private long pushed;
    private int protocol = -1;

    PickleReader(PickleInput in, ImportLimits limits, int nesting) {
        this.in = in;
        this.limits = limits;
        this.nesting = nesting;
    }

    /** The protocol the stream announced, or -1 before its PROTO opcode. */
    int protocol() {
        return protocol;
    }

    /** Interprets opcodes up to {@code STOP} and returns the value left on the stack. */
    Object load() throws IOException {
        if (nesting > limits.maxDepth()) {
            throw in.fail("nests pickles deeper than " + limits.maxDepth() + " levels");
        }
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("reading " + in.source() + " was interrupted");
            }
            int op = in.read("an opcode");
            switch (op) {
                case 0x80 -> { // PROTO
                    int p = in.read("PROTO");
                    if (p < 2 || p > 5) {
                        throw in.fail("uses pickle protocol " + p + "; Petal reads protocols 2 to 5");
                    }
                    protocol = p;
                }
                case 0x95 -> in.readLittle(8, "FRAME"); // FRAME: frames only group opcodes
                case '.' -> { // STOP
                    if (stack.isEmpty()) {
                        throw in.fail("STOP with an empty stack");
                    }
                    return stack.get(stack.size() - 1);
                }
                case '(' -> { // MARK
                    if (marks.size() >= limits.maxDepth()) {
                        throw in.fail("nests deeper than " + limits.maxDepth() + " levels");
                    }
                    marks.add(stack.size());
                }
                case '0' -> pop(); // POP
                case '1' -> popMark(); // POP_MARK
                case '2' -> push(peek()); // DUP
                case 'N' -> push(PyValues.NONE);
                case 0x88 -> push(Boolean.TRUE);
                case 0x89 -> push(Boolean.FALSE);
                case 'J' -> push((long) (int) in.readLittle(4, "BININT"));
                case 'K' -> push((long) in.read("BININT1"));
                case 'M' -> push(in.readLittle(2, "BININT2"));
                case 0x8a -> push(longN(in.read("LONG1")));
                case 0x8b -> push(longN(in.readLittle(4, "LONG4")));
                case 'G' -> push(ByteBuffer.wrap(in.read(8, "BINFLOAT")).getDouble());
                case 0x8c -> push(utf8(in.read(in.read("SHORT_BINUNICODE"), "SHORT_BINUNICODE")));
                case 'X' -> push(utf8(in.read(in.readLittle(4, "BINUNICODE"), "BINUNICODE")));
                case 0x8d -> push(utf8(in.read(in.readLittle(8, "BINUNICODE8"), "BINUNICODE8")));
                case 'U' -> push(latin1(in.read(in.read("SHORT_BINSTRING"), "SHORT_BINSTRING")));
                case 'T' -> push(latin1(in.read(in.readLittle(4, "BINSTRING"), "BINSTRING")));
                case 'C' -> push(in.read(in.read("SHORT_BINBYTES"), "SHORT_BINBYTES"));
                case 'B' -> push(in.read(in.readLittle(4, "BINBYTES"), "BINBYTES"));
                case 0x8e -> push(in.read(in.readLittle(8, "BINBYTES8"), "BINBYTES8"));
                case 0x96 -> push(in.read(in.readLittle(8, "BYTEARRAY8"), "BYTEARRAY8"));
                case ')' -> push(new Tuple(List.of()));
                case 't' -> push(new Tuple(popMark()));
                case 0x85 -> push(new Tuple(popN(1)));
                case 0x86 -> push(new Tuple(popN(2)));
                case 0x87 -> push(new Tuple(popN(3)));
                case ']' -> push(PyValues.newList());
                case 'l' -> push(new ArrayList<>(popMark()));
                case 'a' -> {
                    Object v = pop();
                    list(peek(), "APPEND").add(v);
                }
                case 'e' -> {
                    List<Object> items = popMark();
                    list(peek(), "APPENDS").addAll(items);
                }
                case '}' -> push(PyValues.newDict());
                case 'd' -> push(dict(PyValues.newDict(), popMark()));
                case 's' -> {
                    List<Object> kv = popN(2);
                    dict(dictOf(peek(), "SETITEM"), kv);
                }
                case 'u' -> {
                    List<Object> kv = popMark();
                    dict(dictOf(peek(), "SETITEMS"), kv);
                }
                case 'c' -> push(Globals.resolve(in.line(256, "GLOBAL"), in.line(256, "GLOBAL"), in.source()));
                case 0x93 -> { // STACK_GLOBAL
                    Object name = pop();
                    Object module = pop();
                    if (!(module instanceof String m) || !(name instanceof String n)) {
                        throw in.fail("STACK_GLOBAL on a non-string module or name");
                    }
                    push(Globals.resolve(m, n, in.source()));
                }
                case 'R' -> { // REDUCE
                    Object args = pop();
                    Object callable = pop();
                    push(Calls.reduce(callable, tuple(args, "REDUCE"), in));
                }
                case 0x81 -> { // NEWOBJ
                    Object args = pop();
                    Object cls = pop();
                    push(Calls.newObject(cls, tuple(args, "NEWOBJ"), in));
                }
                case 0x92 -> { // NEWOBJ_EX
                    Object kwargs = pop();
                    Object args = pop();
                    Object cls = pop();
                    if (!(kwargs instanceof Map<?, ?> k) || !k.isEmpty()) {
                        throw in.fail("NEWOBJ_EX with keyword arguments, which scikit-learn's pickles do not use");
                    }
                    push(Calls.newObject(cls, tuple(args, "NEWOBJ_EX"), in));
                }
                case 'b' -> build();
                case 'q' -> memoize(in.read("BINPUT"));
                case 'r' -> memoize(in.readLittle(4, "LONG_BINPUT"));
                case 0x94 -> memoize(memo.size());
                case 'h' -> push(recall(in.read("BINGET")));
                case 'j' -> push(recall(in.readLittle(4, "LONG_BINGET")));
                case 0x97, 0x98 -> throw in.fail("uses protocol 5's out-of-band buffers, which a file cannot carry");
                default -> throw in.fail("holds the pickle opcode 0x" + Integer.toHexString(op)
                        + ", which scikit-learn's protocol 2-5 files do not use; refusing it");
            }
        }
    }

    private void build() throws IOException {
        Object state = pop();
        Object target = peek();
        if (target instanceof Instance i && i.className.equals("joblib.numpy_pickle." + Globals.WRAPPER)) {
            if (i.array != null) {
                throw in.fail("builds a joblib array wrapper twice");
            }
            i.state = dictOf(state, "BUILD");
            i.array = JoblibArrays.read(i.state, in, limits, nesting);
            pop();
            push(i.array);
        } else if (target instanceof Instance i) {
            if (i.state != null) {
                throw in.fail("builds " + i.className + " twice");
            }
            i.state = dictOf(state, "the state of " + i.className);
        } else if (target instanceof ArrayShell shell && shell.array == null) {
            shell.array = Calls.buildArray(tuple(state, "the state of a numpy array"), in, limits, nesting);
            pop();
            push(shell.array);
        } else if (target instanceof DType d) {
            Calls.buildDType(d, tuple(state, "the state of a numpy dtype"), in);
        } else {
            throw in.fail("BUILD on a " + PyValues.typeName(target));
        }
    }

    private void push(Object v) throws ModelFormatException {
        if (++pushed > limits.maxObjects()) {
            throw in.fail("holds more than " + limits.maxObjects() + " values");
        }
        stack.add(v);
    }

    private Object pop() throws ModelFormatException {
        int floor = marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
        if (stack.size() <= floor) {
            throw in.fail("pops from an empty stack");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() throws ModelFormatException {
        int floor = marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
        if (stack.size() <= floor) {
            throw in.fail("reads an empty stack");
        }
        return stack.get(stack.size() - 1);
    }

    private List<Object> popN(int n) throws ModelFormatException {
        int floor = marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
        if (stack.size() - n < floor) {
            throw in.fail("pops " + n + " values from a shorter stack");
        }
        List<Object> sub = stack.subList(stack.size() - n, stack.size());
        List<Object> out = new ArrayList<>(sub);
        sub.clear();
        return out;
    }

    private List<Object> popMark() throws ModelFormatException {
        if (marks.isEmpty()) {
            throw in.fail("closes a mark that was never opened");
        }
        int at = marks.remove(marks.size() - 1);
        List<Object> sub = stack.subList(at, stack.size());
        List<Object> out = new ArrayList<>(sub);
        sub.clear();
        return out;
    }

    private void memoize(long key) throws ModelFormatException {
        if (memo.size() >= limits.maxObjects()) {
            throw in.fail("memoizes more than " + limits.maxObjects() + " values");
        }
        memo.put(key, peek());
    }

    private Object recall(long key) throws ModelFormatException {
        Object v = memo.get(key);
        if (v == null) {
            throw in.fail("refers to memo entry " + key + ", which was never stored");
        }
        return v;
    }

    private Object longN(long n) throws IOException {
        if (n > 8) {
            throw in.fail("holds an integer of " + n + " bytes; Petal reads integers of up to 64 bits");
        }
        byte[] b = in.read(n, "LONG");
        long v = 0;
        for (int i = (int) n - 1; i >= 0; i--) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        if (n > 0 && n < 8 && (b[(int) n - 1] & 0x80) != 0) {
            v -= 1L << (8 * n);
        }
        return v;
    }

    private String utf8(byte[] b) throws ModelFormatException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw in.fail("holds a string that is not valid UTF-8");
        }
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private Tuple tuple(Object v, String what) throws ModelFormatException {
        if (v instanceof Tuple t) {
            return t;
        }
        throw in.fail(what + " expects a tuple, got a " + PyValues.typeName(v));
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object v, String what) throws ModelFormatException {
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw in.fail(what + " on a " + PyValues.typeName(v) + " instead of a list");
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dictOf(Object v, String what) throws ModelFormatException {
        if (v instanceof Map<?, ?> m) {
            return (Map<Object, Object>) m;
        }
        throw in.fail(what + " expects a dict, got a " + PyValues.typeName(v));
    }

    private Map<Object, Object> dict(Map<Object, Object> d, List<Object> kv) throws ModelFormatException {
        if (kv.size() % 2 != 0) {
            throw in.fail("a dict with an odd number of keys and values");
        }
        for (int i = 0; i < kv.size(); i += 2) {
            Object k = kv.get(i);
            if (!(k instanceof String || k instanceof Long || k instanceof Boolean || k == PyValues.NONE)) {
                throw in.fail("a dict keyed by a " + PyValues.typeName(k) + "; Petal reads dicts keyed by str, int, bool or None");
            }
            d.put(k, kv.get(i + 1));
        }
        return d;
    }

    /** Whether {@code v} is an allowed global with this simple name. */
    static boolean isGlobal(Object v, String name) {
        return v instanceof Global g && g.name().equals(name);
    }
}
