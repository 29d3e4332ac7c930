package dev.petal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NpyTest {
    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = NpyTest.class.getResourceAsStream("npy/" + name + ".npy")) {
            return in.readAllBytes();
        }
    }

    private static double[] tenths(int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = i * 0.1;
        }
        return d;
    }

    @Test
    void writesTheBytesNumpySaveWrites() throws IOException {
        assertArrayEquals(fixture("f8_3x4"), Npy.write(NpyArray.ofDoubles(new int[] {3, 4}, tenths(12))));
        assertArrayEquals(fixture("f8_5"), Npy.write(NpyArray.ofDoubles(tenths(5))));
        assertArrayEquals(fixture("f8_0"), Npy.write(NpyArray.ofDoubles(new double[0])));
        assertArrayEquals(fixture("f8_1x1"), Npy.write(NpyArray.ofDoubles(new int[] {1, 1}, new double[] {-2.5})));
        assertArrayEquals(fixture("f8_1234x1"), Npy.write(NpyArray.ofDoubles(new int[] {1234, 1}, tenths(1234))));
        assertArrayEquals(fixture("i4_7"), Npy.write(NpyArray.ofInts(new int[] {-3, -2, -1, 0, 1, 2, 3})));
        assertArrayEquals(fixture("i8_2x3"), Npy.write(NpyArray.ofLongs(new int[] {2, 3}, new long[] {-2, -1, 0, 1, 2, 3})));
    }

    @Test
    void readsWhatNumpySaveWrites() throws IOException {
        NpyArray a = Npy.read(fixture("f8_3x4"), "f8_3x4.npy");
        assertEquals(NpyArray.Dtype.FLOAT64, a.dtype());
        assertArrayEquals(new int[] {3, 4}, a.shape());
        assertArrayEquals(tenths(12), a.doubles());
        NpyArray b = Npy.read(fixture("i8_2x3"), "i8_2x3.npy");
        assertArrayEquals(new long[] {-2, -1, 0, 1, 2, 3}, b.longs());
        assertEquals("(2, 3)", b.shapeString());
        assertEquals("(7,)", Npy.read(fixture("i4_7"), "i4_7.npy").shapeString());
        assertEquals(0, Npy.read(fixture("f8_0"), "f8_0.npy").size());
    }

    private static byte[] withHeader(String dict, int dataBytes) {
        byte[] text = (dict + "\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[10 + text.length + dataBytes];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
        System.arraycopy(magic, 0, out, 0, 8);
        out[8] = (byte) text.length;
        out[9] = (byte) (text.length >> 8);
        System.arraycopy(text, 0, out, 10, text.length);
        return out;
    }

    private static String fails(byte[] bytes) {
        return assertThrows(ModelFormatException.class, () -> Npy.read(bytes, "m.petal: entry a.npy")).getMessage();
    }

    @Test
    void refusesHeadersPetalDoesNotWrite() {
        assertEquals("m.petal: entry a.npy has dtype '<f4'; Petal reads only '<f8', '<i4' and '<i8'.",
                fails(withHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", 8)));
        assertEquals("m.petal: entry a.npy has dtype '|O'; Petal reads only '<f8', '<i4' and '<i8'.",
                fails(withHeader("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", 8)));
        assertEquals("m.petal: entry a.npy is in Fortran order; Petal reads only C order.",
                fails(withHeader("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2), }", 32)));
        assertEquals("m.petal: entry a.npy has a .npy header that has a shape with more than 2 dimensions.",
                fails(withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1, 1), }", 8)));
        assertEquals("m.petal: entry a.npy has 0 dimensions; Petal arrays have 1 or 2.",
                fails(withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (), }", 8)));
        assertEquals("m.petal: entry a.npy has a .npy header that has the unknown key '__import__'.",
                fails(withHeader("{'__import__': 'os', 'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", 8)));
        assertEquals("m.petal: entry a.npy has a .npy header that repeats the key 'shape'.",
                fails(withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'shape': (1,)}", 8)));
        assertEquals("m.petal: entry a.npy has a .npy header that has a dimension too large for Petal.",
                fails(withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999,), }", 8)));
        assertEquals("m.petal: entry a.npy announces shape (2147483647, 2147483647), more values than Petal can hold.",
                fails(withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (2147483647, 2147483647), }", 8)));
        assertEquals("m.petal: entry a.npy has shape (2,) of <f8, which needs 16 data bytes, but holds 15.",
                fails(withHeader("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", 15)));
        assertEquals("m.petal: entry a.npy has a .npy header that lacks one of the keys 'descr', 'fortran_order', 'shape'.",
                fails(withHeader("{'descr': '<f8', 'shape': (2,), }", 16)));
    }

    @Test
    void refusesBadMagicVersionAndTruncation() throws IOException {
        byte[] good = fixture("f8_5");
        byte[] magic = good.clone();
        magic[1] = 'X';
        assertEquals("m.petal: entry a.npy is not a .npy array (bad magic).", fails(magic));
        byte[] v2 = good.clone();
        v2[6] = 2;
        assertEquals("m.petal: entry a.npy has .npy version 2.0; Petal reads version 1.0.", fails(v2));
        assertEquals("m.petal: entry a.npy is too short to be a .npy array.", fails(Arrays.copyOf(good, 9)));
        assertEquals("m.petal: entry a.npy is truncated inside its .npy header.", fails(Arrays.copyOf(good, 40)));
    }

    @Test
    void randomHeadersParseOrFailCleanly() {
        String[] tokens = {"{", "}", "(", ")", ",", ":", " ", "'", "\"", "'descr'", "'shape'", "'fortran_order'", "'<f8'",
            "'<i4'", "True", "False", "0", "7", "99999999999", "-1", "\n", "\u00e9", "'"};
        java.util.Random rng = new java.util.Random(7);
        int parsed = 0;
        for (int c = 0; c < 20_000; c++) {
            StringBuilder h = new StringBuilder();
            if (rng.nextBoolean()) {
                h.append("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }");
                h.insert(rng.nextInt(h.length()), tokens[rng.nextInt(tokens.length)]);
            } else {
                for (int i = rng.nextInt(12); i > 0; i--) {
                    h.append(tokens[rng.nextInt(tokens.length)]);
                }
            }
            try {
                NpyHeader.parse(h.toString(), "a.npy");
                parsed++;
            } catch (ModelFormatException e) {
                assertEquals(-1, e.getMessage().indexOf('\n'), e.getMessage());
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(parsed > 100, "only " + parsed + " random headers parsed");
    }

    @Test
    void arraysAreCopiedAndChecked() {
        double[] v = {1, 2};
        NpyArray a = NpyArray.ofDoubles(v);
        v[0] = 9;
        assertEquals(1.0, a.doubles()[0]);
        assertEquals("shape (3,) holds 3 values, but 2 were given.",
                assertThrows(IllegalArgumentException.class, () -> NpyArray.ofDoubles(new int[] {3}, new double[2])).getMessage());
        assertEquals("array has dtype <i4, not <f8.",
                assertThrows(IllegalStateException.class, () -> NpyArray.ofInts(new int[] {1}).doubles()).getMessage());
    }
}
