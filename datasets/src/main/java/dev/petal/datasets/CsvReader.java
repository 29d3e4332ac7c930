package dev.petal.datasets;

import dev.petal.linalg.Matrix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads labelled CSV files (UTF-8, a header row; comma, semicolon or tab detected from the header, or
 * given; gzip read as such; {@code -} for standard input): the label column is named or else the last;
 * every other column must hold numbers unless set aside in {@link CsvOptions}. Every error is one line
 * naming the file, the line and the column, e.g. {@code train.csv line 7, column 'sepal width': 'abc' is not a number}.
 *
 * <p>A file is read twice: once to count its rows, once to parse them straight into one array of
 * exactly n x d doubles; standard input is first copied to a temporary file. No cell becomes a string
 * except labels.
 */
public final class CsvReader {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,10}");
    /** Python's string order (by code point), as {@code numpy.unique} sorts string labels. */
    static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    private CsvReader() {
    }

    /** The header row of {@code file}. */
    public static List<String> header(Path file) {
        return header(file, CsvOptions.defaults());
    }

    /** The header row of {@code file} read with {@code options}. */
    public static List<String> header(Path file, CsvOptions options) {
        try (CsvRows rows = CsvRows.open(file, options)) {
            return rows.header();
        }
    }

    /** Reads {@code file}; {@code labelColumn} names the label column, or null for the last column. */
    public static LabeledData read(Path file, String labelColumn) {
        return read(file, labelColumn, CsvOptions.defaults());
    }

    /** Reads {@code file} with {@code options}; {@code labelColumn} names the label column, or null for the last column. */
    public static LabeledData read(Path file, String labelColumn, CsvOptions options) {
        if (CsvInput.isStdio(file)) {
            Path tmp = spillStdin();
            try {
                return read(new Source(file.toString(), () -> CsvRows.open(tmp, options)), labelColumn);
            } finally {
                deleteQuietly(tmp);
            }
        }
        return read(new Source(file.toString(), () -> CsvRows.open(file, options)), labelColumn);
    }

    /** Reads CSV {@code text} that came from {@code source} (a name used in messages). */
    public static LabeledData read(String source, String text, String labelColumn) {
        return read(new Source(source, () -> CsvRows.of(source, text, CsvOptions.defaults())), labelColumn);
    }

    /** Reads CSV {@code text} that came from {@code source} with {@code options}. */
    public static LabeledData read(String source, String text, String labelColumn, CsvOptions options) {
        return read(new Source(source, () -> CsvRows.of(source, text, options)), labelColumn);
    }

    /** A source that can be read more than once. */
    private record Source(String name, java.util.function.Supplier<CsvRows> opener) {
    }

    private static LabeledData read(Source src, String labelColumn) {
        int n = 0;
        List<String> header;
        int label;
        int[] featureCols;
        try (CsvRows rows = src.opener().get()) {
            header = rows.header();
            label = labelColumn == null ? lastUsable(rows) : rows.column(labelColumn);
            if (label < 0) {
                throw new IllegalArgumentException(String.format("%s line 1: no label column '%s'; the columns are %s",
                        src.name(), Messages.clip(labelColumn), CsvRows.quoted(header)));
            }
            featureCols = featureColumns(rows, label);
            if (featureCols.length == 0) {
                throw new IllegalArgumentException(String.format("%s line 1: only the label column '%s'; at least one feature column is needed",
                        src.name(), Messages.clip(header.get(label))));
            }
            while (rows.next()) {
                n++;
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException(src.name() + ": no data rows after the header; add one row per sample");
        }
        int d = featureCols.length;
        double[] flat;
        try {
            flat = new double[Math.multiplyExact(n, d)];
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(String.format("%s: %d rows x %d features is more than one array can hold (2^31 values)", src.name(), n, d));
        }
        String[] texts = new String[n];
        Map<String, String> distinct = new HashMap<>();
        boolean allIntegers = true;
        try (CsvRows rows = src.opener().get()) {
            for (int i = 0; i < n; i++) {
                if (!rows.next()) {
                    throw new IllegalArgumentException(src.name() + ": the file changed while it was read");
                }
                int base = i * d;
                for (int k = 0; k < d; k++) {
                    flat[base + k] = rows.number(featureCols[k]);
                }
                if (rows.isBlank(label)) {
                    throw new IllegalArgumentException(String.format("%s line %d, column '%s': the label is empty; remove the row or give it a label",
                            src.name(), rows.line(), header.get(label)));
                }
                String lab = rows.text(label);
                String known = distinct.putIfAbsent(lab, lab);
                if (known == null) {
                    String s = lab.strip();
                    allIntegers &= INTEGER.matcher(s).matches() && fitsInt(s);
                } else {
                    lab = known;
                }
                texts[i] = lab;
            }
        }
        int[] y = new int[n];
        List<String> classNames = new ArrayList<>();
        if (allIntegers) {
            Map<String, Integer> values = new HashMap<>();
            TreeSet<Integer> classes = new TreeSet<>();
            for (String t : distinct.keySet()) {
                int v = Integer.parseInt(t.strip());
                values.put(t, v);
                classes.add(v);
            }
            for (int i = 0; i < n; i++) {
                y[i] = values.get(texts[i]);
            }
            classes.forEach(c -> classNames.add(Integer.toString(c)));
        } else {
            TreeSet<String> classes = new TreeSet<>(CODE_POINT_ORDER);
            classes.addAll(distinct.keySet());
            classNames.addAll(classes);
            Map<String, Integer> index = new HashMap<>();
            for (int c = 0; c < classNames.size(); c++) {
                index.put(classNames.get(c), c);
            }
            for (int i = 0; i < n; i++) {
                y[i] = index.get(texts[i]);
            }
        }
        List<String> used = new ArrayList<>(d + 1);
        int labelAt = -1;
        int k = 0;
        for (int j = 0; j < header.size(); j++) {
            if (j == label) {
                labelAt = used.size();
                used.add(header.get(j));
            } else if (k < d && featureCols[k] == j) {
                used.add(header.get(j));
                k++;
            }
        }
        return new LabeledData(src.name(), used, labelAt, Matrix.adopt(n, d, flat), y, classNames, !allIntegers, List.of(texts));
    }

    /** The last column that is not set aside. */
    static int lastUsable(CsvRows rows) {
        List<String> h = rows.header();
        for (int j = h.size() - 1; j >= 0; j--) {
            if (!rows.options().setsAside(h.get(j))) {
                return j;
            }
        }
        return h.size() - 1;
    }

    private static int[] featureColumns(CsvRows rows, int label) {
        List<String> h = rows.header();
        int[] cols = new int[h.size()];
        int d = 0;
        for (int j = 0; j < h.size(); j++) {
            if (j != label && !rows.options().setsAside(h.get(j))) {
                cols[d++] = j;
            }
        }
        return java.util.Arrays.copyOf(cols, d);
    }

    /**
     * Reads the columns {@code featureNames} of {@code file} by name, in that order (other columns, such
     * as a label, are ignored): what a fitted model needs to predict.
     */
    public static Matrix readFeatures(Path file, List<String> featureNames) {
        try (CsvFeatures f = CsvFeatures.open(file, CsvOptions.defaults(), featureNames)) {
            return f.readAll();
        }
    }

    /** Reads the columns {@code featureNames} of CSV {@code text} that came from {@code source}. */
    public static Matrix readFeatures(String source, String text, List<String> featureNames) {
        try (CsvFeatures f = CsvFeatures.of(CsvRows.of(source, text, CsvOptions.defaults()), featureNames)) {
            return f.readAll();
        }
    }

    /** Copies standard input to a temporary file, so that it can be read twice. */
    static Path spillStdin() {
        try {
            Path tmp = Files.createTempFile("petal-stdin", ".csv");
            try (InputStream in = CsvInput.open(Path.of("-"))) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException | RuntimeException e) {
                deleteQuietly(tmp);
                throw e;
            }
            return tmp;
        } catch (IOException e) {
            throw new IllegalArgumentException("-: cannot copy standard input to a temporary file: " + e.getMessage(), e);
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover temporary file is not worth failing for
        }
    }

    private static boolean fitsInt(String s) {
        long v = Long.parseLong(s);
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
    }
}
