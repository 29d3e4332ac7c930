package dev.petal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.linalg.Matrix;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArchiveTest {
    @TempDir
    Path dir;

    private static final String MANIFEST = "\"arrays\": {\"a\": {\"dtype\": \"<f8\", \"shape\": [2]}}";

    private Path sample() throws IOException {
        ObjectNode h = ModelArchive.newObject();
        h.put("model_type", "demo");
        h.put("c", 0.1);
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("w", NpyArray.ofDoubles(new int[] {2, 2}, new double[] {1.5, -0.0, Double.MIN_VALUE, 1e300}));
        arrays.put("idx", NpyArray.ofInts(new int[] {3, 1, 4}));
        Path p = dir.resolve("m.petal");
        ModelArchive.write(p, h, arrays);
        return p;
    }

    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        ZipWriter w = new ZipWriter();
        entries.forEach(w::add);
        Path p = dir.resolve(name);
        Files.write(p, w.toBytes());
        return p;
    }

    private Path withHeader(String json, Map<String, byte[]> more) throws IOException {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("petal.json", json.getBytes(StandardCharsets.UTF_8));
        e.putAll(more);
        return zip("m.petal", e);
    }

    private static byte[] npy(double... v) {
        return Npy.write(NpyArray.ofDoubles(v));
    }

    private String fails(Path p) {
        return assertThrows(ModelFormatException.class, () -> ModelArchive.read(p, new ArchiveLimits(1 << 20, 1 << 20, 8, 4096)))
                .getMessage().replace(dir + "/", "");
    }

    @Test
    void theStreamedFileHasTheBytesOfToBytes() throws IOException {
        Path p = sample();
        ObjectNode h = ModelArchive.newObject();
        h.put("model_type", "demo");
        h.put("c", 0.1);
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("w", NpyArray.ofDoubles(new int[] {2, 2}, new double[] {1.5, -0.0, Double.MIN_VALUE, 1e300}));
        arrays.put("idx", NpyArray.ofInts(new int[] {3, 1, 4}));
        assertArrayEquals(ModelArchive.toBytes(h, arrays), Files.readAllBytes(p));
    }

    @Test
    void aLargeArrayIsStreamedInPiecesWithOneShotDeflateBytes() throws IOException {
        // 2.4 MB of values: many 64 KiB encoding chunks, deflated into several 1 MiB pieces; the first 64 KiB
        // (zeros) compress, so the entry is deflated although the random rest hardly does
        double[] v = new double[300_001];
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int i = ZipWriter.PROBE / Double.BYTES; i < v.length; i++) {
            v[i] = r.nextDouble() * 1e3;
        }
        NpyArray a = NpyArray.wrapDoubles(new int[] {v.length}, v);
        ObjectNode h = ModelArchive.newObject();
        h.put("model_type", "demo");
        Path p = dir.resolve("big.petal");
        ModelArchive.write(p, h, Map.of("big", a));

        assertArrayEquals(v, ModelArchive.read(p).array("big").doubles());
        byte[] npy = Npy.write(a);
        java.util.zip.Deflater d = new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(npy);
        d.finish();
        java.io.ByteArrayOutputStream oneShot = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        while (!d.finished()) {
            oneShot.write(buf, 0, d.deflate(buf));
        }
        d.end();
        byte[] file = Files.readAllBytes(p);
        byte[] packed = oneShot.toByteArray();
        assertTrue(packed.length > 2 << 20, "the entry spans several pieces");
        int at = -1;
        for (int i = 0; at < 0 && i + packed.length <= file.length; i++) {
            if (Arrays.equals(file, i, i + packed.length, packed, 0, packed.length)) {
                at = i;
            }
        }
        assertTrue(at > 0, "the file holds the one-shot deflate of the entry's .npy bytes");
    }

    @Test
    void streamedNpyBytesEqualTheWholeArraysBytes() throws IOException {
        for (int n : new int[] {0, 1, 8191, 8192, 8193, 20_000}) {
            long[] values = new long[n];
            for (int i = 0; i < n; i++) {
                values[i] = (long) i * 2_654_435_761L;
            }
            for (NpyArray a : List.of(NpyArray.ofLongs(new int[] {n}, values), NpyArray.ofDoubles(new int[] {n},
                    Arrays.stream(values).asDoubleStream().toArray()))) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                Npy.write(a, out);
                ByteBuffer b = ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
                b.position(Npy.header(a.dtype(), a.shape()).length);
                for (int i = 0; i < n; i++) {
                    if (a.dtype() == NpyArray.Dtype.FLOAT64) {
                        assertEquals(a.doubleAt(i), b.getDouble(), "value " + i);
                    } else {
                        assertEquals(values[i], b.getLong(), "value " + i);
                    }
                }
                assertEquals(0, b.remaining());
            }
        }
    }

    @Test
    void roundTripsHeaderAndArraysExactly() throws IOException {
        ModelArchive a = ModelArchive.read(sample());
        assertEquals(1, a.formatVersion());
        assertEquals("demo", a.header().string("model_type", 20));
        assertEquals(0.1, a.header().real("c"));
        a.header().finish();
        Matrix w = a.matrix("w", 2, 2);
        assertArrayEquals(new double[] {1.5, -0.0, Double.MIN_VALUE, 1e300}, w.toFlatArray());
        assertTrue(Double.doubleToRawLongBits(w.get(0, 1)) == Double.doubleToRawLongBits(-0.0));
        assertArrayEquals(new int[] {3, 1, 4}, a.ints("idx", 3));
        a.finish();
    }

    @Test
    void writesTheSameBytesForTheSameContents() throws IOException {
        byte[] first = Files.readAllBytes(sample());
        assertArrayEquals(first, Files.readAllBytes(sample()));
    }

    @Test
    void namesTheFieldThatIsWrong() throws IOException {
        ModelArchive a = ModelArchive.read(sample());
        assertEquals("m.petal: petal.json field c must be an integer in [0, 10], got 0.1.",
                assertThrows(ModelFormatException.class, () -> a.header().integer("c", 0, 10)).getMessage().replace(dir + "/", ""));
        assertEquals("m.petal: petal.json lacks the field kernel.",
                assertThrows(ModelFormatException.class, () -> a.header().string("kernel", 9)).getMessage().replace(dir + "/", ""));
        assertEquals("m.petal: array w is <f8 (2, 2), but this model needs <f8 (3, 2).",
                assertThrows(ModelFormatException.class, () -> a.matrix("w", 3, 2)).getMessage().replace(dir + "/", ""));
        assertEquals("m.petal: petal.json has an unexpected field model_type.",
                assertThrows(ModelFormatException.class, () -> a.header().finish()).getMessage().replace(dir + "/", ""));
        assertEquals("m.petal holds the array idx, which this model type does not use.",
                assertThrows(ModelFormatException.class, a::finish).getMessage().replace(dir + "/", ""));
    }

    @Test
    void refusesFilesThatAreNotModelFiles() throws IOException {
        Path empty = dir.resolve("empty.petal");
        Files.write(empty, new byte[0]);
        assertEquals("empty.petal is empty; it is not a Petal model file.", fails(empty));
        Path text = dir.resolve("notes.petal");
        Files.writeString(text, "just some text, certainly not a zip archive");
        assertEquals("notes.petal is not a Petal model file (not a ZIP archive).", fails(text));
        assertEquals("other.petal is not a Petal model file: it has no petal.json.",
                fails(zip("other.petal", Map.of("a.npy", npy(1.0)))));
        Path missing = dir.resolve("nope.petal");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> ModelArchive.read(missing));
        assertEquals(missing + ": no such model file", e.getMessage());
    }

    @Test
    void refusesTruncationAndCorruption() throws IOException {
        byte[] good = Files.readAllBytes(sample());
        Path cut = dir.resolve("cut.petal");
        Files.write(cut, Arrays.copyOf(good, good.length - 30));
        assertEquals("cut.petal is truncated: its ZIP directory is missing.", fails(cut));
        byte[] crc = good.clone();
        crc[14] ^= 1;
        patchCentral(crc, "petal.json", 16, ByteBuffer.wrap(crc, 14, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        Path bad = dir.resolve("crc.petal");
        Files.write(bad, crc);
        assertEquals("crc.petal is corrupt: entry petal.json fails its CRC check.", fails(bad));
    }

    @Test
    void refusesNewerFormatsAndBadHeaders() throws IOException {
        assertEquals("m.petal was written by a newer Petal (format 3; this version reads up to 2). Upgrade Petal to load it.",
                fails(withHeader("{\"format_version\": 3, \"arrays\": {}}", Map.of())));
        assertEquals("m.petal: petal.json field format_version must be an integer in [1, 2147483647], got \"1\".",
                fails(withHeader("{\"format_version\": \"1\", \"arrays\": {}}", Map.of())));
        assertEquals("m.petal: petal.json is not a JSON object.", fails(withHeader("[1, 2]", Map.of())));
        assertTrue(fails(withHeader("{\"format_version\": 1,", Map.of())).startsWith("m.petal: petal.json is not valid JSON ("));
        assertTrue(fails(withHeader("{\"format_version\": 1, \"format_version\": 1}", Map.of()))
                .startsWith("m.petal: petal.json is not valid JSON (Duplicate field 'format_version'"));
        assertTrue(fails(withHeader("{\"x\": " + "[".repeat(100) + "]".repeat(100) + "}", Map.of()))
                .startsWith("m.petal: petal.json exceeds Petal's limits ("));
        assertEquals("m.petal: petal.json is 5000 bytes, more than the 4096 Petal accepts.",
                fails(withHeader("{" + " ".repeat(4998) + "}", Map.of())));
    }

    @Test
    void refusesMissingExtraAndMismatchedEntries() throws IOException {
        String header = "{\"format_version\": 1, " + MANIFEST + "}";
        assertEquals("m.petal is missing the entry a.npy.", fails(withHeader(header, Map.of())));
        assertEquals("m.petal has the unexpected entry evil.sh, which petal.json does not declare.",
                fails(withHeader(header, Map.of("a.npy", npy(1, 2), "evil.sh", new byte[] {1}))));
        assertEquals("m.petal: entry a.npy holds <f8 (3, 1), but petal.json declares <f8 (3,).",
                fails(withHeader("{\"format_version\": 1, \"arrays\": {\"a\": {\"dtype\": \"<f8\", \"shape\": [3]}}}",
                        Map.of("a.npy", Npy.write(NpyArray.ofDoubles(new int[] {3, 1}, new double[] {1, 2, 3}))))));
        assertEquals("m.petal: entry a.npy is 152 bytes, which does not fit the declared shape (2000,).",
                fails(withHeader("{\"format_version\": 1, \"arrays\": {\"a\": {\"dtype\": \"<f8\", \"shape\": [2000]}}}",
                        Map.of("a.npy", npy(1, 2, 3)))));
        assertEquals("m.petal: petal.json declares an array with the invalid name '../x'.",
                fails(withHeader("{\"format_version\": 1, \"arrays\": {\"../x\": {\"dtype\": \"<f8\", \"shape\": [1]}}}", Map.of())));
        assertEquals("m.petal: petal.json field arrays.a.dtype must be one of [<f8, <i4, <i8], got \"|O\".",
                fails(withHeader("{\"format_version\": 1, \"arrays\": {\"a\": {\"dtype\": \"|O\", \"shape\": [1]}}}", Map.of())));
        assertEquals("m.petal: array a holds the non-finite value NaN at index 1.",
                assertThrows(ModelFormatException.class, () -> ModelArchive.read(withHeader(header,
                        Map.of("a.npy", npy(1, Double.NaN)))).doubles("a", 2)).getMessage().replace(dir + "/", ""));
    }

    @Test
    void refusesUnsafeEntryNames() throws IOException {
        for (String name : List.of("../evil.npy", "a/b.npy", "..", ".hidden", "C:evil", "a\\b.npy", "/abs.npy")) {
            Map<String, byte[]> e = new LinkedHashMap<>();
            e.put("petal.json", "{}".getBytes(StandardCharsets.UTF_8));
            e.put(name, new byte[] {1});
            String msg = fails(zip("m.petal", e));
            assertTrue(msg.startsWith("m.petal has an entry with the unsafe name '"), msg);
        }
    }

    @Test
    void refusesZipFeaturesPetalNeverWrites() throws IOException {
        byte[] good = Files.readAllBytes(sample());
        byte[] encrypted = good.clone();
        patchCentral16(encrypted, "petal.json", 8, 1);
        assertEquals("x.petal has an encrypted entry petal.json; Petal does not read encrypted files.", failsBytes(encrypted));
        byte[] bzip2 = good.clone();
        patchCentral16(bzip2, "petal.json", 10, 12);
        assertEquals("x.petal: entry petal.json uses ZIP compression method 12; Petal reads only stored and deflated entries.",
                failsBytes(bzip2));
        byte[] zip64 = good.clone();
        patchCentral(zip64, "w.npy", 24, -1);
        assertEquals("x.petal is a ZIP64 archive; Petal model files never need ZIP64.", failsBytes(zip64));
        byte[] multiDisk = good.clone();
        multiDisk[multiDisk.length - 22 + 4] = 1;
        assertEquals("x.petal is a multi-part ZIP archive; Petal reads single files only.", failsBytes(multiDisk));
        byte[] moved = good.clone();
        patchCentral(moved, "idx.npy", 42, 0);
        assertEquals("x.petal is corrupt: the local header of entry idx.npy does not match the ZIP directory.", failsBytes(moved));
    }

    private String failsBytes(byte[] bytes) throws IOException {
        Path p = dir.resolve("x.petal");
        Files.write(p, bytes);
        return fails(p);
    }

    /** Sets the 2-byte field at {@code field} of the central record of {@code name}. */
    static void patchCentral16(byte[] zip, String name, int field, int value) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 < zip.length; i++) {
            if (b.getInt(i) == ZipWriter.CENTRAL_SIG && Arrays.equals(Arrays.copyOfRange(zip, i + 46, i + 46 + n.length), n)) {
                b.putShort(i + field, (short) value);
                return;
            }
        }
        throw new AssertionError("no central record for " + name);
    }

    @Test
    void refusesDuplicateEntries() throws IOException {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("petal.json", "{}".getBytes(StandardCharsets.UTF_8));
        e.put("a.npy", npy(1));
        e.put("b.npy", npy(2));
        byte[] z = Files.readAllBytes(zip("dup.petal", e));
        byte[] b = "b.npy".getBytes(StandardCharsets.US_ASCII);
        for (int i = indexOf(z, b, 0); i >= 0; i = indexOf(z, b, i + 1)) {
            z[i] = 'a';
        }
        Path p = dir.resolve("dup.petal");
        Files.write(p, z);
        assertEquals("dup.petal has two entries named a.npy.", fails(p));
    }

    @Test
    void refusesZipBombs() throws IOException {
        byte[] zeros = new byte[8 << 20];
        assertEquals("m.petal announces more than 1048576 uncompressed bytes, more than Petal accepts (a ZIP bomb, or a model too large for this JVM: a larger -Xmx raises the limit).",
                fails(withHeader("{}", Map.of("a.npy", zeros))));
        byte[] lying = Files.readAllBytes(withHeader("{\"format_version\": 1, \"arrays\": {\"a\": {\"dtype\": \"<f8\", \"shape\": [1]}}}",
                Map.of("a.npy", new byte[200_000])));
        int local = indexOf(lying, "a.npy".getBytes(StandardCharsets.US_ASCII), 40) - 30;
        ByteBuffer.wrap(lying, local + 22, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(100);
        patchCentral(lying, "a.npy", 24, 100);
        Path p = dir.resolve("bomb.petal");
        Files.write(p, lying);
        assertEquals("bomb.petal is corrupt: entry a.npy inflates to more than the 100 bytes its header announces.", fails(p));
    }

    /** Sets the 4-byte field at {@code field} of the central record of {@code name}. */
    static void patchCentral(byte[] zip, String name, int field, int value) {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + 46 < zip.length; i++) {
            ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
            if (b.getInt(i) == ZipWriter.CENTRAL_SIG && Arrays.equals(Arrays.copyOfRange(zip, i + 46, i + 46 + n.length), n)) {
                b.putInt(i + field, value);
                return;
            }
        }
        throw new AssertionError("no central record for " + name);
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void refusesAZipBombBeforeInflatingIt() throws IOException {
        Map<String, byte[]> e = new LinkedHashMap<>();
        e.put("petal.json", "{\"format_version\": 1, \"arrays\": {\"a\": {\"dtype\": \"<f8\", \"shape\": [1048576]}}}"
                .getBytes(StandardCharsets.UTF_8));
        e.put("a.npy", Npy.write(NpyArray.ofDoubles(new double[1 << 20])));   // 8 MiB of zeros, deflated about 1,000:1
        Path bomb = zip("bomb.petal", e);
        long compressed = Files.size(bomb);
        ModelFormatException x = assertThrows(ModelFormatException.class, () -> ModelArchive.read(bomb,
                new ArchiveLimits(1 << 30, 1L << 30, 8, 4096)));
        String msg = x.getMessage().replace(dir + "/", "");
        assertTrue(msg.matches("bomb\\.petal: entry a\\.npy would inflate \\d+ bytes to 8388736, a compression ratio"
                + " above the 256 Petal accepts \\(a ZIP bomb\\?\\)\\."), msg);
        assertTrue(compressed < 8388736 / 256, "compressed " + compressed);
        // a lower ratio limit applies at any size past the slack; a higher one lets the same file through
        ModelArchive ok = ModelArchive.read(bomb, new ArchiveLimits(1 << 30, 1L << 30, 8, 4096)
                .withMaxCompressionRatio(100_000));
        assertEquals(1 << 20, ok.doubles("a", 1 << 20).length);
    }

    @Test
    void opensOnlyRegularFiles() throws Exception {
        Path fifo = dir.resolve("fifo.petal");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is not available");
        IOException e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> assertThrows(IOException.class, () -> ModelArchive.read(fifo)));
        assertEquals(fifo + " is not a regular file (a pipe, socket or device); Petal reads model files only from"
                + " regular files.", e.getMessage());
        Path link = dir.resolve("link.petal");
        Files.createSymbolicLink(link, sample());
        assertEquals(1, ModelArchive.read(link).formatVersion());
    }

    @Test
    void reservesTheLoadedModelsMemoryWithinTheBudget() throws IOException {
        ModelArchive a = ModelArchive.read(sample(), new ArchiveLimits(1 << 20, 1 << 20, 8, 4096)
                .withMaxModelBytes(1 << 20));
        a.reserve("a first part", 65536);                                // 512 KiB of the 1 MiB
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> a.reserve("an svc with 100 classes, 1048576 features and 0 support vectors", 4950.0 * 2 * (1 << 20)));
        assertEquals(dir.resolve("m.petal") + ": an svc with 100 classes, 1048576 features and 0 support vectors needs"
                + " about 77.3 GiB of memory, more than the 512.0 KiB Petal allows a loaded model in this JVM (a quarter"
                + " of -Xmx); a larger -Xmx raises the limit.", e.getMessage());
        a.reserve("the rest", 65536);
        assertThrows(ModelFormatException.class, () -> a.reserve("one more", 1));
    }

    /** The method field of each local header, by entry name, read straight from the file. */
    private static Map<String, Integer> methods(byte[] zip) {
        Map<String, Integer> out = new LinkedHashMap<>();
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int p = 0;
        while (b.getInt(p) == ZipWriter.LOCAL_SIG) {
            int method = b.getShort(p + 8);
            long csize = Integer.toUnsignedLong(b.getInt(p + 18));
            int nameLen = b.getShort(p + 26);
            out.put(new String(zip, p + 30, nameLen, StandardCharsets.US_ASCII), method);
            p += 30 + nameLen + (int) csize;
        }
        return out;
    }

    @Test
    void aLargeEntryThatDoesNotCompressIsStoredAndReadsBackTheSame() throws IOException {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        double[] noise = new double[200_000];   // 1.6 MB of doubles: deflate saves a few percent
        for (int i = 0; i < noise.length; i++) {
            noise[i] = rnd.nextGaussian();
        }
        double[] smooth = new double[200_000];  // 1.6 MB that compresses well (small integers)
        for (int i = 0; i < smooth.length; i++) {
            smooth[i] = rnd.nextInt(16);
        }
        double[] small = Arrays.copyOf(noise, 1000);
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        arrays.put("noise", NpyArray.ofDoubles(new int[] {1000, 200}, noise));
        arrays.put("smooth", NpyArray.ofDoubles(smooth));
        arrays.put("small", NpyArray.ofDoubles(small));
        ObjectNode h = ModelArchive.newObject();
        h.put("model_type", "demo");
        byte[] bytes = ModelArchive.toBytes(h, arrays);
        assertEquals(Map.of("petal.json", ZipWriter.METHOD_DEFLATED, "noise.npy", ZipWriter.METHOD_STORED,
                "smooth.npy", ZipWriter.METHOD_DEFLATED, "small.npy", ZipWriter.METHOD_DEFLATED), methods(bytes));
        assertArrayEquals(bytes, ModelArchive.toBytes(h, arrays), "equal contents, equal bytes");
        Path p = dir.resolve("big.petal");
        ModelArchive.write(p, h, arrays);
        assertArrayEquals(bytes, Files.readAllBytes(p));
        ModelArchive back = ModelArchive.read(p);
        assertArrayEquals(noise, back.array("noise").doubles());
        assertArrayEquals(smooth, back.array("smooth").doubles());
        assertArrayEquals(small, back.array("small").doubles());
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(p.toFile())) {   // any ZIP reader reads it
            assertArrayEquals(Npy.write(arrays.get("noise")), z.getInputStream(z.getEntry("noise.npy")).readAllBytes());
        }
    }

    @Test
    void aStoredEntryThatComesOutDifferentTheSecondTimeFailsTheWrite() {
        int[] calls = new int[1];
        ZipWriter w = new ZipWriter().add("x.bin", out -> {
            java.util.SplittableRandom r = new java.util.SplittableRandom(calls[0]++);   // other bytes each time
            byte[] b = new byte[(int) ZipWriter.STORE_FROM + 10];
            r.nextBytes(b);
            out.write(b);
        });
        IOException e = assertThrows(IOException.class, () -> w.writeTo(new java.io.ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("x.bin came out different the second time"), e.getMessage());
    }
}
