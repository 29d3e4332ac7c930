package dev.petal.datasets;

import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * scikit-learn 1.2.1's {@code load_svmlight_file} and {@code dump_svmlight_file}: {@code <target> [qid:<id>]
 * <index>:<value> ...} per line, {@code #} starting a comment; with {@code multilabel} the target is a
 * comma-separated label list ({@link #loadMultilabel}, {@link #dumpMultilabel}).
 *
 * <p>Loading: {@code zero_based="auto"} takes indices as one-based when no index in the file is 0 (and
 * shifts them down), else as zero-based; the feature count is the largest index + 1 unless given.
 * Indices must ascend within a line. A malformed line is refused with one message naming the file, the
 * line and what is wrong, e.g. {@code train.svm line 7: feature '3' is not INDEX:VALUE}.
 *
 * <p>Dumping writes what scikit-learn writes, byte for byte: numbers as C's {@code %.16g} (integer
 * targets as {@code %d}), the non-zero values of a dense row or every stored value of a CSR row, and the
 * optional comment header.
 */
public final class Svmlight {
    private static final Pattern PY_FLOAT = Pattern.compile(
            "[+-]?((\\d(_?\\d)*)(\\.(\\d(_?\\d)*)?)?|\\.\\d(_?\\d)*)([eE][+-]?\\d(_?\\d)*)?");
    private static final Pattern PY_SPECIAL = Pattern.compile("[+-]?(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PY_INT = Pattern.compile("[+-]?\\d(_?\\d)*");
    private static final String VERSION = "1.2.1";

    private Svmlight() {
    }

    /** {@code load_svmlight_file(f)}: zero_based="auto", the feature count from the file. */
    public static SvmlightData load(Path file) {
        return load(file, null, 0);
    }

    /**
     * {@code load_svmlight_file(f, n_features=nFeatures, zero_based=zeroBased)}; {@code zeroBased} null is
     * "auto", {@code nFeatures} 0 means from the file.
     */
    public static SvmlightData load(Path file, Boolean zeroBased, int nFeatures) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return parse(file.toString(), in, zeroBased, nFeatures);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses svmlight text from {@code source} (a name used in messages). */
    public static SvmlightData parse(String source, String text, Boolean zeroBased, int nFeatures) {
        try {
            return parse(source, new BufferedReader(new java.io.StringReader(text)), zeroBased, nFeatures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code load_svmlight_file(f, multilabel=True, n_features=nFeatures, zero_based=zeroBased)}: each line's target
     * is a comma-separated list of labels (sorted, as scikit-learn sorts them), or absent when the line starts with
     * a feature.
     */
    public static SvmlightMultilabelData loadMultilabel(Path file, Boolean zeroBased, int nFeatures) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            List<double[]> labels = new ArrayList<>();
            SvmlightData d = parse(file.toString(), in, zeroBased, nFeatures, labels);
            return new SvmlightMultilabelData(d.x(), labels, d.queryId());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses multilabel svmlight text from {@code source} (a name used in messages), as {@link #loadMultilabel}. */
    public static SvmlightMultilabelData parseMultilabel(String source, String text, Boolean zeroBased, int nFeatures) {
        try {
            List<double[]> labels = new ArrayList<>();
            SvmlightData d = parse(source, new BufferedReader(new java.io.StringReader(text)), zeroBased, nFeatures, labels);
            return new SvmlightMultilabelData(d.x(), labels, d.queryId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SvmlightData parse(String source, BufferedReader in, Boolean zeroBased, int nFeatures) throws IOException {
        return parse(source, in, zeroBased, nFeatures, null);
    }

    /** The parse; with {@code multilabel} non-null, each line's label tuple goes there (and y holds zeros). */
    private static SvmlightData parse(String source, BufferedReader in, Boolean zeroBased, int nFeatures,
                                      List<double[]> multilabel) throws IOException {
        if (nFeatures < 0) {
            throw new IllegalArgumentException("n_features must be positive or None, got " + nFeatures);
        }
        boolean allowZero = zeroBased == null || zeroBased;
        double[] y = new double[64];
        int[] indptr = new int[65];
        int[] indices = new int[256];
        double[] data = new double[256];
        long[] qid = new long[0];
        int rows = 0;
        int nnz = 0;
        int nq = 0;
        long minIndex = Long.MAX_VALUE;
        long maxIndex = -1;
        String line;
        int lineNo = 0;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while reading " + source);
            }
            int hash = line.indexOf('#');
            String[] parts = split(hash >= 0 ? line.substring(0, hash) : line);
            if (parts.length == 0) {
                continue;
            }
            if (rows == y.length) {
                y = Arrays.copyOf(y, rows * 2);
                indptr = Arrays.copyOf(indptr, rows * 2 + 1);
            }
            int first = 1;
            try {
                if (multilabel == null && parts[0].indexOf(',') >= 0 && parts[0].indexOf(':') < 0) {
                    throw new NumberFormatException("target '" + parts[0] + "' is a list of labels (multilabel); read "
                            + "it with Svmlight.loadMultilabel (multilabel=True), which no petal command takes");
                } else if (multilabel == null) {
                    y[rows] = pyFloat(parts[0], () -> "target");
                } else if (parts[0].indexOf(':') >= 0) {
                    multilabel.add(new double[0]);   // no labels: the line starts with a feature
                    first = 0;
                } else {
                    String[] ls = parts[0].split(",", -1);
                    double[] labels = new double[ls.length];
                    for (int k = 0; k < ls.length; k++) {
                        labels[k] = pyFloat(ls[k], () -> "label");
                    }
                    Arrays.sort(labels);
                    multilabel.add(labels);
                }
            } catch (NumberFormatException e) {
                throw bad(source, lineNo, e.getMessage());
            }
            if (parts.length > first && parts[first].startsWith("qid:")) {
                String v = parts[first].substring(4);
                if (!PY_INT.matcher(v).matches()) {
                    throw bad(source, lineNo, "query id '" + parts[first] + "' is not qid:INTEGER");
                }
                if (nq == qid.length) {
                    qid = Arrays.copyOf(qid, Math.max(16, nq * 2));
                }
                try {
                    qid[nq++] = Long.parseLong(v.replace("_", ""));
                } catch (NumberFormatException e) {
                    throw bad(source, lineNo, "query id '" + parts[first] + "' is out of range");
                }
                first++;
            }
            long prev = -1;
            for (int f = first; f < parts.length; f++) {
                String feat = parts[f];
                int colon = feat.indexOf(':');
                if (colon < 0) {
                    throw bad(source, lineNo, "feature '" + feat + "' is not INDEX:VALUE");
                }
                String idxText = feat.substring(0, colon);
                Long fast = plainInt(idxText);
                if (fast == null && !PY_INT.matcher(idxText).matches()) {
                    throw bad(source, lineNo, "feature index '" + idxText + "' is not an integer");
                }
                long idx;
                try {
                    idx = fast != null ? fast : Long.parseLong(idxText.replace("_", ""));
                } catch (NumberFormatException e) {
                    idx = Long.MAX_VALUE;
                }
                if (idx < 0 || (!allowZero && idx == 0)) {
                    throw bad(source, lineNo, "invalid feature index " + idx + (idx == 0 ? " (the file is one-based)" : ""));
                }
                if (idx > Integer.MAX_VALUE - 1) {
                    throw bad(source, lineNo, "feature index " + idxText + " is too large");
                }
                if (idx <= prev) {
                    throw bad(source, lineNo, "feature indices must be sorted and unique, but " + idx + " follows " + prev);
                }
                double value;
                try {
                    value = pyFloat(feat.substring(colon + 1), () -> "value of feature " + idxText);
                } catch (NumberFormatException e) {
                    throw bad(source, lineNo, e.getMessage());
                }
                if (nnz == indices.length) {
                    indices = Arrays.copyOf(indices, nnz * 2);
                    data = Arrays.copyOf(data, nnz * 2);
                }
                indices[nnz] = (int) idx;
                data[nnz++] = value;
                prev = idx;
                minIndex = Math.min(minIndex, idx);
                maxIndex = Math.max(maxIndex, idx);
            }
            rows++;
            indptr[rows] = nnz;
        }
        boolean shift = Boolean.FALSE.equals(zeroBased) || (zeroBased == null && nnz > 0 && minIndex > 0);
        if (shift) {
            for (int k = 0; k < nnz; k++) {
                indices[k]--;
            }
            maxIndex--;
        }
        int found = (int) (maxIndex + 1);
        int cols = Math.max(found, 0);
        if (nFeatures > 0) {
            if (nFeatures < found) {
                throw new IllegalArgumentException(String.format(
                        "n_features was set to %d, but input file contains %d features", nFeatures, found));
            }
            cols = nFeatures;
        }
        CsrMatrix x = CsrMatrix.of(rows, cols, Arrays.copyOf(indptr, rows + 1), Arrays.copyOf(indices, nnz), Arrays.copyOf(data, nnz));
        return new SvmlightData(x, Arrays.copyOf(y, rows), Arrays.copyOf(qid, nq));
    }

    /** Python's {@code bytes.split()}: the fields between runs of ASCII whitespace. */
    private static String[] split(String s) {
        int n = s.length();
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out.toArray(new String[0]);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\f';
    }

    /** Whether {@code t} is a plain decimal that Java parses as Python does: digits, one point, an exponent. */
    private static boolean plainDecimal(String t) {
        int n = t.length();
        int i = 0;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(t.charAt(i)) && t.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** A plain non-negative or negative integer of at most 18 digits, or null for anything else (then the full syntax is tried). */
    private static Long plainInt(String t) {
        int n = t.length();
        int i = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
        if (n - i < 1 || n - i > 18) {
            return null;
        }
        long v = 0;
        for (int k = i; k < n; k++) {
            char c = t.charAt(k);
            if (c < '0' || c > '9') {
                return null;
            }
            v = v * 10 + (c - '0');
        }
        return t.charAt(0) == '-' ? -v : v;
    }

    private static double pyFloat(String text, java.util.function.Supplier<String> what) {
        if (plainDecimal(text)) {
            return Double.parseDouble(text);
        }
        if (PY_FLOAT.matcher(text).matches()) {
            return Double.parseDouble(text.replace("_", ""));
        }
        if (PY_SPECIAL.matcher(text).matches()) {
            String t = text.toLowerCase();
            boolean neg = t.startsWith("-");
            if (t.endsWith("nan")) {
                return Double.NaN;
            }
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        throw new NumberFormatException(what.get() + " '" + text + "' is not a number");
    }

    private static IllegalArgumentException bad(String source, int line, String what) {
        return new IllegalArgumentException(source + " line " + line + ": " + what);
    }

    /** {@code dump_svmlight_file(X, y, f)} with float targets: zero-based indices, no comment, no query ids. */
    public static void dump(Path file, RowSource x, double[] y) {
        dump(file, x, y, true, null, null);
    }

    /**
     * {@code dump_svmlight_file(X, y, f, zero_based=zeroBased, comment=comment, query_id=queryId)} with float
     * targets ({@code %.16g}); {@code comment} and {@code queryId} may be null.
     */
    public static void dump(Path file, RowSource x, double[] y, boolean zeroBased, String comment, long[] queryId) {
        String[] labels = new String[y.length];
        for (int i = 0; i < y.length; i++) {
            labels[i] = CFormat.g16(y[i]);
        }
        write(file, x, labels, zeroBased, comment, queryId);
    }

    /** As {@link #dump(Path, RowSource, double[], boolean, String, long[])} with integer targets ({@code %d}). */
    public static void dump(Path file, RowSource x, int[] y, boolean zeroBased, String comment, long[] queryId) {
        String[] labels = new String[y.length];
        for (int i = 0; i < y.length; i++) {
            labels[i] = Integer.toString(y[i]);
        }
        write(file, x, labels, zeroBased, comment, queryId);
    }

    /**
     * {@code dump_svmlight_file(X, y, f, zero_based=zeroBased, comment=comment, query_id=queryId, multilabel=True)}:
     * {@code y} is the label indicator matrix (n_samples x n_labels, dense or CSR); a line's target is the
     * comma-separated column indices of its non-zero entries (empty for none).
     */
    public static void dumpMultilabel(Path file, RowSource x, RowSource y, boolean zeroBased, String comment,
                                      long[] queryId) {
        if (x.rows() != y.rows()) {
            throw new IllegalArgumentException(String.format(
                    "X.shape[0] and y.shape[0] should be the same, got %d and %d instead.", x.rows(), y.rows()));
        }
        String[] labels = new String[y.rows()];
        int[] idx = new int[y.cols()];
        double[] val = new double[y.cols()];
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < labels.length; i++) {
            sb.setLength(0);
            int n = y.copyRowEntries(i, idx, val);
            for (int k = 0; k < n; k++) {
                if (val[k] != 0.0) {
                    sb.append(sb.length() > 0 ? "," : "").append(idx[k]);
                }
            }
            labels[i] = sb.toString();
        }
        write(file, x, labels, zeroBased, comment, queryId);
    }

    /** The text {@link #dump} writes, for callers that stream it elsewhere (stdout). */
    public static String format(RowSource x, double[] y, boolean zeroBased, String comment, long[] queryId) {
        String[] labels = new String[y.length];
        for (int i = 0; i < y.length; i++) {
            labels[i] = CFormat.g16(y[i]);
        }
        StringBuilder sb = new StringBuilder();
        try {
            write(sb, x, labels, zeroBased, comment, queryId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }

    private static void write(Path file, RowSource x, String[] labels, boolean zeroBased, String comment, long[] queryId) {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(w, x, labels, zeroBased, comment, queryId);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Appendable w, RowSource x, String[] labels, boolean zeroBased, String comment,
                              long[] queryId) throws IOException {
        if (x.rows() != labels.length) {
            throw new IllegalArgumentException(String.format(
                    "X.shape[0] and y.shape[0] should be the same, got %d and %d instead.", x.rows(), labels.length));
        }
        if (queryId != null && queryId.length != labels.length) {
            throw new IllegalArgumentException("expected query_id of shape (n_samples,), got (" + queryId.length + ",)");
        }
        if (comment != null && comment.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("comment string contains NUL byte");
        }
        if (comment != null && !comment.isEmpty()) {
            w.append("# Generated by dump_svmlight_file from scikit-learn ").append(VERSION).append('\n');
            w.append("# Column indices are ").append(zeroBased ? "zero" : "one").append("-based\n");
            w.append("#\n");
            String[] lines = comment.split("\r\n|\n|\r", -1);
            int count = lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
            for (int c = 0; c < count; c++) {
                w.append("# ").append(lines[c]).append('\n');
            }
        }
        int base = zeroBased ? 0 : 1;
        CsrMatrix csr = x instanceof CsrMatrix c ? c : null;
        Matrix dense = x instanceof Matrix m ? m : null;
        int cols = x.cols();
        int[] idx = new int[cols];
        double[] val = new double[cols];
        double[] row = new double[cols];
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < labels.length; i++) {
            line.setLength(0);
            line.append(labels[i]);
            if (queryId != null) {
                line.append(" qid:").append(queryId[i]);
            }
            line.append(' ');
            int n;
            if (csr != null) {
                n = csr.copyRowEntries(i, idx, val);
            } else {
                dense.copyRow(i, row, 0);
                n = 0;
                for (int j = 0; j < cols; j++) {
                    if (row[j] != 0.0) {
                        idx[n] = j;
                        val[n++] = row[j];
                    }
                }
            }
            for (int k = 0; k < n; k++) {
                if (k > 0) {
                    line.append(' ');
                }
                line.append(idx[k] + base).append(':').append(CFormat.g16(val[k]));
            }
            w.append(line).append('\n');
        }
    }
}
