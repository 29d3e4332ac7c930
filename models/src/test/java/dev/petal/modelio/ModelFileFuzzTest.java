package dev.petal.modelio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.api.DecisionClassifier;
import dev.petal.api.Regressor;
import dev.petal.api.Transformer;
import dev.petal.io.ModelFormatException;
import dev.petal.linalg.Matrix;
import dev.petal.linear.LinearSVC;
import dev.petal.linear.LinearSVR;
import dev.petal.pipeline.Pipeline;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.svm.ClassWeight;
import dev.petal.svm.Kernel;
import dev.petal.svm.SVC;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of model files: mutated variants of valid files must each fail with a one-line
 * {@link ModelFormatException} within a second (or, where the mutation left the content intact,
 * load the same model), never with another exception, an error, a hang or a file written anywhere.
 */
class ModelFileFuzzTest {
    private static final long SEED = 20261127L;
    private static final int CASES = 1300;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Matrix PROBE = SvcModelIOTest.blobs(11, 4);
    private static final List<String> UNSAFE_NAMES = List.of("../../evil.npy", "../petal.json", "/tmp/evil.npy",
            "a/b.npy", "..", ".evil", "C:evil.npy", "a\\..\\evil.npy", "evil .npy/", "x".repeat(300) + ".npy",
            "%2e%2e/evil", "evil\u00e9.npy");

    enum Kind { TRUNCATE, FLIP_ANY, FLIP_STRUCTURE, REMOVE_ENTRY, ADD_ENTRY, RENAME_ENTRY, JSON_VALUE, JSON_FIELD,
        NPY_HEADER, NPY_DATA, ZIP_BOMB, LYING_SIZE, OVERSIZED_HEADER }

    private static final List<byte[]> SEEDS = new ArrayList<>();
    /** Per seed, variants too slow to build per case: entries swapped for megabytes of zeros, or a 5 MB petal.json. */
    private static final List<List<byte[]>> BOMBS = new ArrayList<>();
    private static final List<List<byte[]>> OVERSIZED = new ArrayList<>();
    private static final List<Object> MODELS = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void seeds() throws IOException {
        Matrix x = SvcModelIOTest.blobs(10, 8);
        int[] y = SvcModelIOTest.labels(8);
        MODELS.add(Pipeline.of(StandardScaler.defaults(), SVC.defaults().withProbability(true).withRandomState(3L)).fit(x, y));
        MODELS.add(SVC.defaults().withKernel(Kernel.POLY).withDegree(2).fit(x, y));
        MODELS.add(StandardScaler.defaults().withMean(false).fit(x));
        SEEDS.add(ModelIO.toBytes(MODELS.get(0), new ModelMetadata(List.of("a", "b", "c", "d"), List.of("x", "y", "z"))));
        SEEDS.add(ModelIO.toBytes(MODELS.get(1), ModelMetadata.NONE));
        SEEDS.add(ModelIO.toBytes(MODELS.get(2), ModelMetadata.ofFeatureNames(List.of("a", "b", "c", "d"))));
        MODELS.add(LinearSVC.defaults().withRandomState(1L).withClassWeight(ClassWeight.of(Map.of(5, 2.0))).fit(x, y));
        SEEDS.add(ModelIO.toBytes(MODELS.get(3), ModelMetadata.NONE));
        double[] target = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            target[i] = y[i] * 1.5 - x.get(i, 0);
        }
        MODELS.add(LinearSVR.defaults().withRandomState(2L).withEpsilon(0.1).fit(x, target));
        SEEDS.add(ModelIO.toBytes(MODELS.get(4), ModelMetadata.ofFeatureNames(List.of("a", "b", "c", "d"))));
        MODELS.add(dev.petal.svm.NuSVC.defaults().withNu(0.3).withProbability(true).withRandomState(4L).fit(x, y));
        SEEDS.add(ModelIO.toBytes(MODELS.get(5), ModelMetadata.NONE));
        MODELS.add(dev.petal.svm.SVR.defaults().withKernel(Kernel.LINEAR).fit(x, target));
        SEEDS.add(ModelIO.toBytes(MODELS.get(6), ModelMetadata.NONE));
        MODELS.add(dev.petal.svm.OneClassSVM.defaults().withNu(0.3).fit(x));
        SEEDS.add(ModelIO.toBytes(MODELS.get(7), ModelMetadata.NONE));
        // fitted on CSR rows (some zeros stored): format 2, support vectors as data / indices / indptr arrays
        dev.petal.linalg.CsrMatrix xs = SparseGoldenFileWriter.sparseBlobsWithStoredZeros(12, 8);
        MODELS.add(SVC.defaults().withProbability(true).withRandomState(5L).fit(xs, y));
        SEEDS.add(ModelIO.toBytes(MODELS.get(8), ModelMetadata.NONE));
        MODELS.add(dev.petal.svm.NuSVR.defaults().withKernel(Kernel.LINEAR).fit(xs, target));
        SEEDS.add(ModelIO.toBytes(MODELS.get(9), ModelMetadata.NONE));
        Random rng = new Random(SEED + 1);
        for (byte[] seed : SEEDS) {
            List<byte[]> bombs = new ArrayList<>();
            List<byte[]> oversized = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Map<String, byte[]> e = Zips.entries(seed);
                List<String> names = new ArrayList<>(e.keySet());
                e.put(names.get(rng.nextInt(names.size())), new byte[(1 + rng.nextInt(3)) << 20]);
                bombs.add(Zips.zip(e));
            }
            Map<String, byte[]> e = Zips.entries(seed);
            byte[] json = e.get("petal.json");
            byte[] big = new byte[(4 << 20) + 1 + json.length];
            Arrays.fill(big, (byte) ' ');
            System.arraycopy(json, 0, big, big.length - json.length, json.length);
            e.put("petal.json", big);
            oversized.add(Zips.zip(e));
            BOMBS.add(bombs);
            OVERSIZED.add(oversized);
        }
    }

    @Test
    void mutatedFilesFailCleanlyOrLoadTheSameModel() throws IOException, InterruptedException {
        Random rng = new Random(SEED);
        Path file = dir.resolve("case.petal");
        Map<Kind, int[]> tally = new EnumMap<>(Kind.class);
        long started = System.currentTimeMillis();
        ExecutorService loader = Executors.newSingleThreadExecutor();
        try {
            run(rng, file, tally, loader);
        } finally {
            loader.shutdownNow();
        }
        for (Kind k : Kind.values()) {
            assertTrue(tally.get(k)[0] + tally.get(k)[1] >= CASES / Kind.values().length / 2, k + " ran too rarely");
            assertTrue(tally.get(k)[0] > 0, k + " never failed");
        }
        try (Stream<Path> all = Files.walk(dir)) {
            assertEquals(List.of(dir, file), all.sorted().toList(), "loading must never write a file");
        }
        for (String name : UNSAFE_NAMES) {
            if (name.endsWith(".npy") || name.endsWith(".json")) {
                assertFalse(Files.exists(dir.resolve(name).normalize()) && !dir.resolve(name).normalize().startsWith(dir)
                        && Files.getLastModifiedTime(dir.resolve(name).normalize()).toMillis() >= started,
                        "an entry was written outside: " + name);
            }
        }
    }

    private static void run(Random rng, Path file, Map<Kind, int[]> tally, ExecutorService loader)
            throws IOException, InterruptedException {
        for (int c = 0; c < CASES; c++) {
            int s = rng.nextInt(SEEDS.size());
            Kind kind = Kind.values()[rng.nextInt(Kind.values().length)];
            byte[] mutated = mutate(SEEDS.get(s), kind, rng);
            Files.write(file, mutated);
            String what = "case " + c + " (" + kind + " of seed " + s + ")";
            Object[] result = new Object[1];
            Future<?> run = loader.submit(() -> {
                try {
                    result[0] = ModelIO.load(file);
                } catch (ModelFormatException e) {
                    result[0] = e;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try {
                run.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                run.cancel(true);
                fail(what + " took more than a second to load");
            } catch (ExecutionException e) {
                throw new AssertionError(what + " failed with " + e.getCause(), e.getCause());
            }
            int[] t = tally.computeIfAbsent(kind, k -> new int[2]);
            if (result[0] instanceof ModelFormatException e) {
                t[0]++;
                assertTrue(e.getMessage().startsWith(file.toString()), what + ": " + e.getMessage());
                assertFalse(e.getMessage().contains("\n"), what + ": " + e.getMessage());
            } else {
                t[1]++;
                checkLoaded((LoadedModel) result[0], s, kind, what);
            }
        }
    }

    /** A file that still loads must hold the seed's model, or (after a JSON edit) a model that still runs. */
    private static void checkLoaded(LoadedModel m, int seed, Kind kind, String what) {
        boolean byteLevel = kind == Kind.TRUNCATE || kind == Kind.FLIP_ANY || kind == Kind.FLIP_STRUCTURE
                || kind == Kind.LYING_SIZE;
        Object original = MODELS.get(seed);
        try {
            if (m.model() instanceof DecisionClassifier c) {
                int[] p = c.predict(PROBE);
                Matrix d = c.decisionFunction(PROBE);
                if (byteLevel) {
                    DecisionClassifier o = (DecisionClassifier) original;
                    assertArrayEquals(o.predict(PROBE), p, what);
                    assertEquals(o.decisionFunction(PROBE), d, what);
                }
            } else if (m.model() instanceof Regressor r) {
                double[] p = r.predict(PROBE);
                if (byteLevel) {
                    assertArrayEquals(((Regressor) original).predict(PROBE), p, what);
                }
            } else if (m.model() instanceof dev.petal.svm.OneClassSVMModel oc) {
                double[] scores = oc.scoreSamples(PROBE);
                if (byteLevel) {
                    assertArrayEquals(((dev.petal.svm.OneClassSVMModel) original).scoreSamples(PROBE), scores, what);
                }
            } else {
                Matrix t = ((Transformer) m.model()).transform(PROBE);
                if (byteLevel) {
                    assertEquals(((Transformer) original).transform(PROBE), t, what);
                }
            }
        } catch (IllegalArgumentException e) {
            assertFalse(byteLevel, what + ": " + e.getMessage());
        }
    }

    private static byte[] mutate(byte[] seed, Kind kind, Random rng) {
        byte[] b = seed.clone();
        switch (kind) {
            case TRUNCATE -> {
                return Arrays.copyOf(b, rng.nextInt(b.length));
            }
            case FLIP_ANY -> flip(b, rng, 0, b.length);
            case FLIP_STRUCTURE -> {
                int tail = Math.min(b.length, 400);
                if (rng.nextBoolean()) {
                    flip(b, rng, b.length - tail, b.length);
                } else {
                    flip(b, rng, 0, 64);
                }
            }
            case REMOVE_ENTRY -> {
                Map<String, byte[]> e = Zips.entries(b);
                List<String> names = new ArrayList<>(e.keySet());
                e.remove(names.get(rng.nextInt(names.size())));
                return Zips.zip(e);
            }
            case ADD_ENTRY -> {
                Map<String, byte[]> e = Zips.entries(b);
                String name = rng.nextBoolean() ? UNSAFE_NAMES.get(rng.nextInt(UNSAFE_NAMES.size())) : "extra" + rng.nextInt(9) + ".npy";
                byte[] content = rng.nextBoolean() ? new byte[rng.nextInt(100)] : firstNpy(e);
                e.put(name, content);
                return Zips.zip(e);
            }
            case RENAME_ENTRY -> {
                Map<String, byte[]> e = Zips.entries(b);
                List<String> names = new ArrayList<>(e.keySet());
                String victim = names.get(rng.nextInt(names.size()));
                Map<String, byte[]> out = new LinkedHashMap<>();
                String newName = rng.nextBoolean() ? "../" + victim : UNSAFE_NAMES.get(rng.nextInt(UNSAFE_NAMES.size()));
                e.forEach((k, v) -> out.put(k.equals(victim) && !e.containsKey(newName) ? newName : k, v));
                return Zips.zip(out);
            }
            case JSON_VALUE, JSON_FIELD -> {
                Map<String, byte[]> e = Zips.entries(b);
                e.put("petal.json", mutateJson(e.get("petal.json"), kind == Kind.JSON_FIELD, rng));
                return Zips.zip(e);
            }
            case NPY_HEADER, NPY_DATA -> {
                Map<String, byte[]> e = Zips.entries(b);
                List<String> npys = e.keySet().stream().filter(n -> n.endsWith(".npy")).toList();
                String name = npys.get(rng.nextInt(npys.size()));
                e.put(name, kind == Kind.NPY_HEADER ? mutateNpyHeader(e.get(name), rng) : mutateNpyData(e.get(name), rng));
                return Zips.zip(e);
            }
            case ZIP_BOMB -> {
                List<byte[]> bombs = BOMBS.get(SEEDS.indexOf(seed));
                return bombs.get(rng.nextInt(bombs.size()));
            }
            case LYING_SIZE -> lie(b, rng);
            case OVERSIZED_HEADER -> {
                if (rng.nextBoolean()) {
                    return OVERSIZED.get(SEEDS.indexOf(seed)).get(0);
                }
                Map<String, byte[]> e = Zips.entries(b);
                List<String> npys = e.keySet().stream().filter(n -> n.endsWith(".npy")).toList();
                byte[] npy = new byte[10 + 65535];
                System.arraycopy(e.get(npys.get(0)), 0, npy, 0, 8);
                npy[8] = (byte) 0xff;
                npy[9] = (byte) 0xff;
                Arrays.fill(npy, 10, npy.length, (byte) ' ');
                e.put(npys.get(rng.nextInt(npys.size())), npy);
                return Zips.zip(e);
            }
            default -> throw new AssertionError(kind);
        }
        return b;
    }

    private static void flip(byte[] b, Random rng, int from, int to) {
        int n = 1 + rng.nextInt(8);
        for (int i = 0; i < n; i++) {
            b[from + rng.nextInt(to - from)] ^= (byte) (1 + rng.nextInt(255));
        }
    }

    private static byte[] firstNpy(Map<String, byte[]> e) {
        return e.entrySet().stream().filter(x -> x.getKey().endsWith(".npy")).findFirst().orElseThrow().getValue();
    }

    /** Rewrites a size field of the central directory or a local header to a small or huge value. */
    private static byte[] lie(byte[] b, Random rng) {
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> records = new ArrayList<>();
        for (int i = 0; i + 4 <= b.length; i++) {
            int sig = buf.getInt(i);
            if (sig == 0x02014b50 || sig == 0x04034b50) {
                records.add(i);
            }
        }
        int at = records.get(rng.nextInt(records.size()));
        boolean central = buf.getInt(at) == 0x02014b50;
        int field = central ? (rng.nextBoolean() ? 20 : 24) : (rng.nextBoolean() ? 18 : 22);
        int[] values = {0, 1, 100, 0x7fffffff, 0xfffffff0, -1, buf.getInt(at + field) * 2};
        buf.putInt(at + field, values[rng.nextInt(values.length)]);
        return b;
    }

    private static byte[] mutateJson(byte[] json, boolean fieldLevel, Random rng) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(json);
            List<ObjectNode> objects = new ArrayList<>();
            collect(root, objects);
            ObjectNode target = objects.get(rng.nextInt(objects.size()));
            List<String> keys = new ArrayList<>();
            target.fieldNames().forEachRemaining(keys::add);
            String key = keys.isEmpty() ? "x" : keys.get(rng.nextInt(keys.size()));
            if (fieldLevel) {
                switch (rng.nextInt(3)) {
                    case 0 -> target.remove(key);
                    case 1 -> target.set("unexpected_" + rng.nextInt(5), randomValue(rng));
                    default -> target.set(key.toUpperCase(), target.remove(key));
                }
            } else {
                target.set(key, randomValue(rng));
            }
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode n, List<ObjectNode> out) {
        if (n instanceof ObjectNode o) {
            out.add(o);
        }
        n.elements().forEachRemaining(c -> collect(c, out));
    }

    private static JsonNode randomValue(Random rng) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (rng.nextInt(16)) {
            case 0 -> f.nullNode();
            case 1 -> f.textNode("");
            case 2 -> f.textNode("java.lang.Runtime");
            case 3 -> f.numberNode(-1);
            case 4 -> f.numberNode(0);
            case 5 -> f.numberNode(Integer.MAX_VALUE);
            case 6 -> f.numberNode(1e308);
            case 7 -> f.numberNode(-1.5);
            case 8 -> f.booleanNode(true);
            case 9 -> f.arrayNode();
            case 10 -> f.objectNode();
            case 11 -> f.numberNode(Long.MAX_VALUE);
            case 12 -> {
                ArrayNode a = f.arrayNode();
                for (int i = 0; i < 3; i++) {
                    a.add(rng.nextInt(7) - 1);
                }
                yield a;
            }
            case 13 -> f.textNode("x".repeat(200_000));
            case 14 -> {
                ArrayNode a = f.arrayNode();
                ArrayNode cur = a;
                for (int i = 0; i < 40; i++) {
                    cur = cur.addArray();
                }
                yield a;
            }
            default -> f.numberNode(rng.nextInt(2) == 0 ? 2 : 3);
        };
    }

    private static byte[] mutateNpyHeader(byte[] npy, Random rng) {
        int hlen = (npy[8] & 0xff) | (npy[9] & 0xff) << 8;
        String header = new String(npy, 10, hlen, StandardCharsets.ISO_8859_1);
        String[] swaps = {"'<f8'", "'<f4'", "'<i4'", "'|O'", "'>f8'", "False", "True", "(2147483647, 2147483647)",
            "(-1,)", "(3, 4, 5)", "()", "(0,)", "(1,)", "'shape'", "'descr'", "{", "}", "\n", ""};
        String[] targets = {"'<f8'", "'<i4'", "False", "(", "'shape'", "'descr'", "{", "}", "\n", ", "};
        String from = targets[rng.nextInt(targets.length)];
        String to = swaps[rng.nextInt(swaps.length)];
        String changed = from.equals("(") ? header.replaceFirst("\\([^)]*\\)", to.startsWith("(") ? to : "(7,)")
                : header.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        byte[] text = changed.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[10 + text.length + npy.length - 10 - hlen];
        System.arraycopy(npy, 0, out, 0, 8);
        int newLen = rng.nextInt(8) == 0 ? rng.nextInt(65536) : text.length;
        out[8] = (byte) newLen;
        out[9] = (byte) (newLen >> 8);
        System.arraycopy(text, 0, out, 10, text.length);
        System.arraycopy(npy, 10 + hlen, out, 10 + text.length, npy.length - 10 - hlen);
        return out;
    }

    private static byte[] mutateNpyData(byte[] npy, Random rng) {
        int hlen = (npy[8] & 0xff) | (npy[9] & 0xff) << 8;
        int data = 10 + hlen;
        switch (rng.nextInt(4)) {
            case 0 -> {
                return Arrays.copyOf(npy, data + rng.nextInt(Math.max(1, npy.length - data)));
            }
            case 1 -> {
                return Arrays.copyOf(npy, npy.length + 1 + rng.nextInt(16));
            }
            case 2 -> {
                byte[] out = npy.clone();
                if (out.length >= data + 8) {
                    ByteBuffer.wrap(out, data, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(0x7ff8000000000001L);
                } else {
                    return Arrays.copyOf(npy, npy.length + 8);
                }
                return out;
            }
            default -> {
                byte[] out = npy.clone();
                for (int i = data; i < out.length; i += 4) {
                    out[i] = (byte) (rng.nextBoolean() ? 0x80 : 0x7f);
                }
                return out.length > data ? out : Arrays.copyOf(npy, npy.length + 3);
            }
        }
    }
}
