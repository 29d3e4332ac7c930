package dev.petal.io;

import java.util.ArrayList;
import java.util.List;

/**
 * The dict literal of a .npy header, parsed strictly without evaluating anything: exactly the keys
 * {@code descr}, {@code fortran_order} and {@code shape}, a dtype Petal reads, C order, and a shape
 * of one or two non-negative dimensions.
 */
record NpyHeader(NpyArray.Dtype dtype, int[] shape) {
    private static final int MAX_DIGITS = 10;

    /** Parses {@code text} (the header after the length field), naming the entry as {@code what} in errors. */
    static NpyHeader parse(String text, String what) throws ModelFormatException {
        return new Parser(text, what).header();
    }

    private static final class Parser {
        private final String s;
        private final String what;
        private int pos;

        Parser(String s, String what) {
            this.s = s;
            this.what = what;
        }

        NpyHeader header() throws ModelFormatException {
            String descr = null;
            Boolean fortran = null;
            int[] shape = null;
            skipSpaces();
            expect('{');
            skipSpaces();
            while (peek() != '}') {
                String key = quoted();
                skipSpaces();
                expect(':');
                skipSpaces();
                switch (key) {
                    case "descr" -> {
                        if (descr != null) {
                            throw bad("repeats the key 'descr'");
                        }
                        descr = quoted();
                    }
                    case "fortran_order" -> {
                        if (fortran != null) {
                            throw bad("repeats the key 'fortran_order'");
                        }
                        fortran = bool();
                    }
                    case "shape" -> {
                        if (shape != null) {
                            throw bad("repeats the key 'shape'");
                        }
                        shape = tuple();
                    }
                    default -> throw bad("has the unknown key '" + printable(key) + "'");
                }
                skipSpaces();
                if (peek() == ',') {
                    pos++;
                    skipSpaces();
                } else if (peek() != '}') {
                    throw bad("is malformed at character " + pos);
                }
            }
            pos++;
            while (pos < s.length() && (s.charAt(pos) == ' ' || s.charAt(pos) == '\n')) {
                pos++;
            }
            if (pos != s.length()) {
                throw bad("has trailing characters after the dict");
            }
            if (descr == null || fortran == null || shape == null) {
                throw bad("lacks one of the keys 'descr', 'fortran_order', 'shape'");
            }
            NpyArray.Dtype dtype = NpyArray.Dtype.ofDescr(descr);
            if (dtype == null) {
                throw new ModelFormatException(what + " has dtype '" + printable(descr)
                        + "'; Petal reads only '<f8', '<i4' and '<i8'.");
            }
            if (fortran) {
                throw new ModelFormatException(what + " is in Fortran order; Petal reads only C order.");
            }
            if (shape.length < 1 || shape.length > 2) {
                throw new ModelFormatException(what + " has " + shape.length
                        + " dimensions; Petal arrays have 1 or 2.");
            }
            return new NpyHeader(dtype, shape);
        }

        private int[] tuple() throws ModelFormatException {
            expect('(');
            List<Integer> dims = new ArrayList<>();
            skipSpaces();
            while (peek() != ')') {
                if (dims.size() == 2) {
                    throw bad("has a shape with more than 2 dimensions");
                }
                dims.add(dimension());
                skipSpaces();
                if (peek() == ',') {
                    pos++;
                    skipSpaces();
                } else if (peek() != ')') {
                    throw bad("has a malformed shape");
                }
            }
            pos++;
            int[] out = new int[dims.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = dims.get(i);
            }
            return out;
        }

        private int dimension() throws ModelFormatException {
            int start = pos;
            while (pos < s.length() && Character.isDigit(s.charAt(pos)) && s.charAt(pos) < 128) {
                pos++;
            }
            if (pos == start) {
                throw bad("has a shape entry that is not a non-negative integer");
            }
            if (pos - start > MAX_DIGITS) {
                throw bad("has a dimension too large for Petal");
            }
            long v = Long.parseLong(s.substring(start, pos));
            if (v > Integer.MAX_VALUE) {
                throw bad("has a dimension too large for Petal");
            }
            return (int) v;
        }

        private boolean bool() throws ModelFormatException {
            if (s.startsWith("False", pos)) {
                pos += 5;
                return false;
            }
            if (s.startsWith("True", pos)) {
                pos += 4;
                return true;
            }
            throw bad("has a 'fortran_order' that is neither True nor False");
        }

        private String quoted() throws ModelFormatException {
            char q = peek();
            if (q != '\'' && q != '"') {
                throw bad("is malformed at character " + pos);
            }
            int end = s.indexOf(q, pos + 1);
            if (end < 0) {
                throw bad("has an unterminated string");
            }
            String v = s.substring(pos + 1, end);
            pos = end + 1;
            return v;
        }

        private void expect(char c) throws ModelFormatException {
            if (peek() != c) {
                throw bad("is malformed at character " + pos + " (expected '" + c + "')");
            }
            pos++;
        }

        private char peek() throws ModelFormatException {
            if (pos >= s.length()) {
                throw bad("ends early");
            }
            return s.charAt(pos);
        }

        private void skipSpaces() {
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
        }

        private ModelFormatException bad(String problem) {
            return new ModelFormatException(what + " has a .npy header that " + problem + ".");
        }
    }

    private static String printable(String v) {
        String t = v.length() > 20 ? v.substring(0, 20) + "..." : v;
        return t.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
