package dev.petal.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.numeric.SharedRows;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Petal model file's contents: the {@code petal.json} header and the arrays it declares.
 *
 * <p>The file is a ZIP archive. Its entries are {@code petal.json} and one {@code NAME.npy} per
 * array. {@code petal.json} is a JSON object whose field {@code format_version} is
 * {@value #FORMAT_VERSION} and whose field {@code arrays} maps each NAME to
 * {@code {"dtype": "<f8", "shape": [rows, cols]}}; every other field belongs to the model type.
 * Reading checks the format version first, then that the entries are exactly the declared ones and
 * that each .npy header agrees with its declaration, before decoding any array.
 */
public final class ModelArchive {
    /**
     * The newest format version this Petal writes and reads. Version 2 added CSR arrays ({@link #putCsr}); a file
     * without them is written as version 1, byte for byte what earlier Petal wrote.
     */
    public static final int FORMAT_VERSION = 2;
    /** The format version of a file that holds no CSR arrays. */
    public static final int BASE_FORMAT_VERSION = 1;
    /** The suffixes of the three arrays that hold a CSR matrix NAME, as scipy names them. */
    private static final String DATA = "_data";
    private static final String INDICES = "_indices";
    private static final String INDPTR = "_indptr";
    /** The name of the header entry. */
    public static final String HEADER_ENTRY = "petal.json";
    private static final Pattern ARRAY_NAME = Pattern.compile("[a-z0-9_]{1,64}");

    /** The reading mapper, built on the first read only: a save never needs an ObjectMapper (see {@link PrettyJson}). */
    private static final class Reader {
        static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).maxNumberLength(64)
                        .maxStringLength(1 << 20).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    private final String label;
    private final int formatVersion;
    private final JsonSection header;
    private final Map<String, NpyArray> arrays;
    private final Set<String> used = new HashSet<>();
    private final ArchiveLimits limits;
    private long reserved;

    private ModelArchive(String label, int formatVersion, JsonSection header, Map<String, NpyArray> arrays,
                         ArchiveLimits limits) {
        this.limits = limits;
        this.label = label;
        this.formatVersion = formatVersion;
        this.header = header;
        this.arrays = arrays;
    }

    /** A new empty JSON object for a header. */
    public static ObjectNode newObject() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * Writes {@code header} and {@code arrays} to {@code path} atomically, as format {@link #BASE_FORMAT_VERSION}. The
     * header must not hold {@code format_version} or {@code arrays}; array names are 1 to 64 of {@code [a-z0-9_]}.
     */
    public static void write(Path path, ObjectNode header, Map<String, NpyArray> arrays) throws IOException {
        write(path, header, arrays, BASE_FORMAT_VERSION);
    }

    /** {@link #write} as format {@code formatVersion}, from {@link #BASE_FORMAT_VERSION} to {@link #FORMAT_VERSION}. */
    public static void write(Path path, ObjectNode header, Map<String, NpyArray> arrays, int formatVersion)
            throws IOException {
        AtomicFile.write(path, zip(header, arrays, formatVersion)::writeTo);   // streamed: never one byte array
    }

    /** The bytes of the model file {@link #write} writes. */
    public static byte[] toBytes(ObjectNode header, Map<String, NpyArray> arrays) throws IOException {
        return toBytes(header, arrays, BASE_FORMAT_VERSION);
    }

    /** The bytes of the model file {@link #write(Path, ObjectNode, Map, int)} writes. */
    public static byte[] toBytes(ObjectNode header, Map<String, NpyArray> arrays, int formatVersion) throws IOException {
        return zip(header, arrays, formatVersion).toBytes();
    }

    private static ZipWriter zip(ObjectNode header, Map<String, NpyArray> arrays, int formatVersion) throws IOException {
        if (header.has("format_version") || header.has("arrays")) {
            throw new IllegalArgumentException("the header must not set format_version or arrays; ModelArchive writes them.");
        }
        if (formatVersion < BASE_FORMAT_VERSION || formatVersion > FORMAT_VERSION) {
            throw new IllegalArgumentException("format version " + formatVersion + " is outside [" + BASE_FORMAT_VERSION
                    + ", " + FORMAT_VERSION + "].");
        }
        ObjectNode root = newObject();
        root.put("format_version", formatVersion);
        root.setAll(header);
        ObjectNode manifest = root.putObject("arrays");
        ZipWriter zip = new ZipWriter();
        Map<String, ZipWriter.Content> npys = new LinkedHashMap<>();
        for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
            if (!ARRAY_NAME.matcher(e.getKey()).matches()) {
                throw new IllegalArgumentException("array name '" + e.getKey() + "' must be 1 to 64 of [a-z0-9_].");
            }
            NpyArray a = e.getValue();
            ObjectNode d = manifest.putObject(e.getKey());
            d.put("dtype", a.dtype().descr());
            ArrayNode shape = d.putArray("shape");
            for (int s : a.shape()) {
                shape.add(s);
            }
            npys.put(e.getKey() + ".npy", out -> Npy.write(a, out));   // encoded while it is deflated
        }
        zip.add(HEADER_ENTRY, PrettyJson.bytes(root));
        npys.forEach(zip::add);
        return zip;
    }

    /** Reads and validates the model file at {@code path} with the default {@link ArchiveLimits}. */
    public static ModelArchive read(Path path) throws IOException {
        return read(path, ArchiveLimits.DEFAULT);
    }

    /** Reads and validates the model file at {@code path} within {@code limits}. */
    public static ModelArchive read(Path path, ArchiveLimits limits) throws IOException {
        String label = path.toString();
        if (Files.isDirectory(path)) {
            throw new IOException(label + " is a folder, not a model file.");
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            // a FIFO or a device would block or never end; only regular files (or links to them) are opened
            throw new IOException(label + " is not a regular file (a pipe, socket or device); Petal reads model files"
                    + " only from regular files.");
        }
        try (ZipReader zip = ZipReader.open(path, label, limits)) {
            return read(zip, label, limits);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(label, null, "no such model file");
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(label, null, "permission denied");
        }
    }

    private static ModelArchive read(ZipReader zip, String label, ArchiveLimits limits) throws IOException {
        Map<String, ZipReader.Entry> byName = new LinkedHashMap<>();
        zip.entries().forEach(e -> byName.put(e.name(), e));
        ZipReader.Entry headerEntry = byName.get(HEADER_ENTRY);
        if (headerEntry == null) {
            throw new ModelFormatException(label + " is not a Petal model file: it has no " + HEADER_ENTRY + ".");
        }
        if (headerEntry.size() > limits.maxHeaderBytes()) {
            throw new ModelFormatException(label + ": " + HEADER_ENTRY + " is " + headerEntry.size()
                    + " bytes, more than the " + limits.maxHeaderBytes() + " Petal accepts.");
        }
        JsonSection root = new JsonSection(label, "", parse(zip.read(headerEntry), label));
        int version = root.integer("format_version", 1, Integer.MAX_VALUE);
        if (version > FORMAT_VERSION) {
            throw new ModelFormatException(label + " was written by a newer Petal (format " + version
                    + "; this version reads up to " + FORMAT_VERSION + "). Upgrade Petal to load it.");
        }
        JsonSection manifest = root.section("arrays");
        Map<String, NpyHeader> declared = new LinkedHashMap<>();
        for (String name : manifest.keys()) {
            if (!ARRAY_NAME.matcher(name).matches()) {
                throw new ModelFormatException(label + ": petal.json declares an array with the invalid name '"
                        + ZipReader.printable(name) + "'.");
            }
            declared.put(name, declaration(manifest.section(name), label, name));
        }
        for (String entry : byName.keySet()) {
            if (!entry.equals(HEADER_ENTRY) && !(entry.endsWith(".npy")
                    && declared.containsKey(entry.substring(0, entry.length() - 4)))) {
                throw new ModelFormatException(label + " has the unexpected entry " + entry
                        + ", which petal.json does not declare.");
            }
        }
        Map<String, NpyArray> arrays = new HashMap<>();
        for (Map.Entry<String, NpyHeader> d : declared.entrySet()) {
            String entryName = d.getKey() + ".npy";
            ZipReader.Entry e = byName.get(entryName);
            if (e == null) {
                throw new ModelFormatException(label + " is missing the entry " + entryName + ".");
            }
            long dataBytes = d.getValue().dtype().itemSize() * count(d.getValue().shape());
            if (e.size() < dataBytes || e.size() > dataBytes + 0x10000 + 10) {
                throw new ModelFormatException(label + ": entry " + entryName + " is " + e.size()
                        + " bytes, which does not fit the declared shape " + NpyArray.shapeString(d.getValue().shape())
                        + ".");
            }
        }
        for (Map.Entry<String, NpyHeader> d : declared.entrySet()) {
            String entryName = d.getKey() + ".npy";
            NpyArray a = Npy.read(zip.read(byName.get(entryName)), label + ": entry " + entryName);
            NpyHeader want = d.getValue();
            if (a.dtype() != want.dtype() || !java.util.Arrays.equals(a.shape(), want.shape())) {
                throw new ModelFormatException(label + ": entry " + entryName + " holds " + a.dtype().descr() + " "
                        + a.shapeString() + ", but petal.json declares " + want.dtype().descr() + " "
                        + NpyArray.shapeString(want.shape()) + ".");
            }
            arrays.put(d.getKey(), a);
        }
        return new ModelArchive(label, version, root, arrays, limits);
    }

    private static NpyHeader declaration(JsonSection d, String label, String name) throws ModelFormatException {
        String descr = d.choice("dtype", List.of("<f8", "<i4", "<i8"));
        int[] shape = d.integers("shape", 2);
        d.finish();
        if (shape.length < 1) {
            throw d.fail("shape", "must have 1 or 2 dimensions");
        }
        for (int s : shape) {
            if (s < 0) {
                throw d.fail("shape", "must not be negative");
            }
        }
        if (count(shape) > Integer.MAX_VALUE - 8) {
            throw new ModelFormatException(label + ": array " + name + " is declared larger than Petal can hold.");
        }
        return new NpyHeader(NpyArray.Dtype.ofDescr(descr), shape);
    }

    private static long count(int[] shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    private static ObjectNode parse(byte[] json, String label) throws ModelFormatException {
        JsonNode node;
        try {
            node = Reader.JSON.readTree(json);
        } catch (StreamConstraintsException e) {
            throw new ModelFormatException(label + ": petal.json exceeds Petal's limits (" + firstLine(e) + ").", e);
        } catch (IOException e) {
            throw new ModelFormatException(label + ": petal.json is not valid JSON (" + firstLine(e) + ").", e);
        }
        if (node == null || !node.isObject()) {
            throw new ModelFormatException(label + ": petal.json is not a JSON object.");
        }
        return (ObjectNode) node;
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return ZipReader.printable(nl < 0 ? m : m.substring(0, nl));
    }

    /** The file as named in messages. */
    public String label() {
        return label;
    }

    /** The format version the file was written with. */
    public int formatVersion() {
        return formatVersion;
    }

    /** The root object of {@code petal.json}; {@code format_version} and {@code arrays} are already read. */
    public JsonSection header() {
        return header;
    }

    /** The names of the arrays the file holds. */
    public Set<String> arrayNames() {
        return Set.copyOf(arrays.keySet());
    }

    /** The array {@code name}, marking it used. */
    public NpyArray array(String name) throws ModelFormatException {
        NpyArray a = arrays.get(name);
        if (a == null) {
            throw new ModelFormatException(label + " lacks the array " + name + ".");
        }
        used.add(name);
        return a;
    }

    /** A 1-D float64 array of finite values and exactly {@code length} elements. */
    public double[] doubles(String name, int length) throws ModelFormatException {
        NpyArray a = expect(name, NpyArray.Dtype.FLOAT64, new int[] {length});
        double[] v = a.doubles();
        requireFinite(name, v);
        return v;
    }

    /** A 2-D float64 array of finite values, {@code rows} x {@code cols}. */
    public Matrix matrix(String name, int rows, int cols) throws ModelFormatException {
        NpyArray a = expect(name, NpyArray.Dtype.FLOAT64, new int[] {rows, cols});
        double[] v = a.doubles();
        requireFinite(name, v);
        return Matrix.of(rows, cols, v);
    }

    /**
     * Puts the CSR matrix {@code m} into {@code arrays} as scipy holds it: {@code NAME_data} (&lt;f8, nnz),
     * {@code NAME_indices} (&lt;i4, nnz) and {@code NAME_indptr} (&lt;i4, rows + 1); the shape is the model's to
     * record. Files holding CSR arrays are format 2.
     */
    public static void putCsr(Map<String, NpyArray> arrays, String name, CsrMatrix m) {
        SharedRows.Csr c = SharedRows.of(m);
        arrays.put(name + DATA, NpyArray.wrapDoubles(new int[] {c.data().length}, c.data()));
        arrays.put(name + INDICES, NpyArray.ofInts(c.indices()));
        arrays.put(name + INDPTR, NpyArray.ofInts(c.indptr()));
    }

    /** The number of stored values of the CSR matrix {@code name} (its data array's length), before decoding it. */
    public int csrStored(String name) throws ModelFormatException {
        NpyArray data = array(name + DATA);
        if (data.shape().length != 1) {
            throw fail("array " + name + DATA + " must be 1-D, got shape " + data.shapeString() + ".");
        }
        return data.shape()[0];
    }

    /**
     * The {@code rows} x {@code cols} CSR matrix {@code name} that {@link #putCsr} wrote, in scikit-learn's canonical
     * form: indptr starts at 0, never decreases and ends at the number of stored values; each row's column indices lie
     * in [0, cols) and strictly increase (sorted, no duplicates); every value is finite. Anything else is refused.
     */
    public CsrMatrix csr(String name, int rows, int cols) throws ModelFormatException {
        int nnz = csrStored(name);
        double[] data = doubles(name + DATA, nnz);
        int[] indices = ints(name + INDICES, nnz);
        int[] indptr = ints(name + INDPTR, rows + 1);
        String ptr = "array " + name + INDPTR;
        if (indptr[0] != 0 || indptr[rows] != nnz) {
            throw fail(ptr + " must start at 0 and end at " + nnz + " (the stored values), got " + indptr[0] + " and "
                    + indptr[rows] + ".");
        }
        for (int i = 0; i < rows; i++) {
            if (indptr[i + 1] < indptr[i]) {
                throw fail(ptr + " must never decrease, but [" + (i + 1) + "] = " + indptr[i + 1] + " follows "
                        + indptr[i] + ".");
            }
            for (int k = indptr[i]; k < indptr[i + 1]; k++) {
                int j = indices[k];
                if (j < 0 || j >= cols) {
                    throw fail("array " + name + INDICES + " holds the column " + j + " in row " + i + ", outside [0, "
                            + cols + ").");
                }
                if (k > indptr[i] && j <= indices[k - 1]) {
                    throw fail("array " + name + INDICES + " must strictly increase within a row, but row " + i
                            + " has " + j + " after " + indices[k - 1] + ".");
                }
            }
        }
        return CsrMatrix.of(rows, cols, indptr, indices, data);
    }

    /** A 1-D int32 array of exactly {@code length} elements. */
    public int[] ints(String name, int length) throws ModelFormatException {
        NpyArray a = expect(name, NpyArray.Dtype.INT32, new int[] {length});
        long[] l = a.longs();
        int[] out = new int[l.length];
        for (int i = 0; i < l.length; i++) {
            out[i] = (int) l[i];
        }
        return out;
    }

    /**
     * Reserves memory for a model about to be built from this file: {@code doubles} 8-byte values that the model
     * will hold, its derived structures included, computed by the caller from the header's counts before anything
     * is allocated. Refuses the file once all reservations together pass {@link ArchiveLimits#maxModelBytes()}.
     *
     * @param what describes the model in the message, e.g. "an svc with 100 classes and 1048576 features"
     */
    public void reserve(String what, double doubles) throws ModelFormatException {
        double bytes = 8.0 * doubles;
        if (!(bytes <= limits.maxModelBytes() - reserved)) {
            throw new ModelFormatException(label + ": " + what + " needs about " + humanBytes(bytes)
                    + " of memory, more than the " + humanBytes(limits.maxModelBytes() - reserved)
                    + " Petal allows a loaded model in this JVM (a quarter of -Xmx); a larger -Xmx raises the limit.");
        }
        reserved += (long) bytes;
    }

    private static String humanBytes(double b) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB"};
        int u = 0;
        while (b >= 1024 && u < units.length - 1) {
            b /= 1024;
            u++;
        }
        return u == 0 ? (long) b + " bytes" : String.format(java.util.Locale.ROOT, "%.1f %s", b, units[u]);
    }

    /** Refuses arrays that no getter used, naming the first one. */
    public void finish() throws ModelFormatException {
        for (String name : arrays.keySet()) {
            if (!used.contains(name)) {
                throw new ModelFormatException(label + " holds the array " + name + ", which this model type does not use.");
            }
        }
    }

    /** A failure of this file: {@code label + ": " + problem}. */
    public ModelFormatException fail(String problem) {
        return new ModelFormatException(label + ": " + problem);
    }

    private NpyArray expect(String name, NpyArray.Dtype dtype, int[] shape) throws ModelFormatException {
        NpyArray a = array(name);
        if (a.dtype() != dtype || !java.util.Arrays.equals(a.shape(), shape)) {
            throw new ModelFormatException(label + ": array " + name + " is " + a.dtype().descr() + " "
                    + a.shapeString() + ", but this model needs " + dtype.descr() + " " + NpyArray.shapeString(shape)
                    + ".");
        }
        return a;
    }

    private void requireFinite(String name, double[] v) throws ModelFormatException {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new ModelFormatException(label + ": array " + name + " holds the non-finite value "
                        + v[i] + " at index " + i + ".");
            }
        }
    }
}
