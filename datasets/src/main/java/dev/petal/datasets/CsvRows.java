package dev.petal.datasets;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rows of a CSV file with a header row, read one at a time (bounded memory whatever the file size):
 * every row checked to have one cell per column, numbers parsed from the bytes, and every problem one
 * message naming the file, the line and the column.
 */
public final class CsvRows implements Closeable {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NAN = Pattern.compile("[+-]?nan", Pattern.CASE_INSENSITIVE);
    private static final Pattern INF = Pattern.compile("[+-]?(inf|infinity)", Pattern.CASE_INSENSITIVE);

    private final String source;
    private final CsvScanner scanner;
    /** The rows of a Parquet file instead of CSV text (then {@code scanner} is null). */
    private final ParquetCursor parquet;
    private final List<String> header;
    private final CsvOptions options;
    private final byte[][] naBytes;
    private boolean naEmpty;

    private CsvRows(String source, InputStream in, CsvOptions options) throws IOException {
        this(source, in, options, null);
    }

    private CsvRows(String source, InputStream in, CsvOptions options, List<String> knownHeader) throws IOException {
        this.source = source;
        this.options = options;
        this.parquet = null;
        Character d = options.delimiter();
        this.scanner = new CsvScanner(in, source, d == null ? 0 : (byte) d.charValue());
        this.naBytes = new byte[options.naValues().size()][];
        for (int i = 0; i < naBytes.length; i++) {
            naBytes[i] = options.naValues().get(i).getBytes(StandardCharsets.UTF_8);
            naEmpty |= options.naValues().get(i).isBlank();
        }
        naEmpty |= !options.naValues().isEmpty();
        if (knownHeader != null) {
            this.header = knownHeader;
            return;
        }
        if (!scanner.next()) {
            throw new IllegalArgumentException(source + ": the file is empty; expected a header row and then one row per sample");
        }
        this.header = checkHeader();
        for (String name : options.ignoreColumns()) {
            requireColumn(name, "--ignore-columns");
        }
        if (options.idColumn() != null) {
            requireColumn(options.idColumn(), "--id-column");
        }
    }

    private CsvRows(String source, ParquetCursor parquet, CsvOptions options) {
        this.source = source;
        this.options = options;
        this.scanner = null;
        this.parquet = parquet;
        this.naBytes = new byte[0][];
        this.naEmpty = !options.naValues().isEmpty();
        this.header = parquet.header();
        for (String name : options.ignoreColumns()) {
            requireColumn(name, "--ignore-columns");
        }
        if (options.idColumn() != null) {
            requireColumn(options.idColumn(), "--id-column");
        }
    }

    /**
     * Opens {@code file} ({@code -} for standard input; gzip is read as such) and reads its header row. A file
     * named {@code *.parquet} is read as Parquet: its flat columns are the header, its rows the rows (a null is
     * an empty cell, read as NaN with {@link CsvOptions#naValues()} given, else refused).
     */
    public static CsvRows open(Path file, CsvOptions options) {
        if (!CsvInput.isStdio(file) && ParquetCursor.isParquet(file)) {
            ParquetCursor p = ParquetCursor.open(file);
            try {
                return new CsvRows(file.toString(), p, options);
            } catch (RuntimeException e) {
                p.close();
                throw e;
            }
        }
        InputStream in = CsvInput.open(file);
        try {
            return new CsvRows(file.toString(), in, options);
        } catch (IOException e) {
            closeQuietly(in);
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    /** Reads CSV {@code text} that came from {@code source} (a name used in messages). */
    public static CsvRows of(String source, String text, CsvOptions options) {
        try {
            return new CsvRows(source, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Data rows without a header row, whose columns are {@code header}. */
    static CsvRows of(String source, List<String> header, InputStream in, CsvOptions options) {
        try {
            return new CsvRows(source, in, options, header);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The delimiter in use (given or detected). */
    char delimiter() {
        return parquet != null ? ',' : (char) scanner.delimiter();
    }

    /** The file's name as given (used in messages). */
    public String source() {
        return source;
    }

    /** The column names, in file order. */
    public List<String> header() {
        return header;
    }

    /** The options this file is read with. */
    public CsvOptions options() {
        return options;
    }

    /** The index of column {@code name}, or -1. */
    public int column(String name) {
        return header.indexOf(name);
    }

    /** Moves to the next data row; false at the end. */
    public boolean next() {
        if (parquet != null) {
            return parquet.next();
        }
        try {
            if (!scanner.next()) {
                return false;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": cannot read: " + e.getMessage(), e);
        }
        int n = scanner.cells();
        if (n != header.size()) {
            throw new IllegalArgumentException(String.format("%s line %d: %d value%s but the header has %d columns; "
                            + "every row needs one value per column", source, scanner.line(), n, n == 1 ? "" : "s", header.size()));
        }
        return true;
    }

    /** The physical line the current row starts on. */
    public int line() {
        return parquet != null ? (int) Math.min(Integer.MAX_VALUE, parquet.row() + 1) : scanner.line();
    }

    /** The byte offset of the current row in the (decompressed) stream. */
    public long offset() {
        if (parquet != null) {
            throw new IllegalArgumentException(source + ": a Parquet file has no byte offsets of rows; this command reads"
                    + " CSV files (convert it, e.g. pandas.read_parquet(f).to_csv(out, index=False))");
        }
        return scanner.offset();
    }

    /** The byte offset just after the current row. */
    public long endOffset() {
        if (parquet != null) {
            return offset();
        }
        return scanner.position();
    }

    /** The cell of column {@code j} as a finite number (NaN for a declared missing value), or an error naming where and how to fix it. */
    public double number(int j) {
        if (parquet != null) {
            return parquetNumber(j);
        }
        if (naBytes.length > 0 && isMissing(j)) {
            return Double.NaN;
        }
        double v = scanner.number(j);
        if (!FastDouble.isInvalid(v) && !Double.isInfinite(v)) {
            return v;
        }
        return slowNumber(j);
    }

    /** The cell of column {@code j} as text, exactly as written (quotes removed). */
    public String text(int j) {
        return parquet != null ? parquet.text(j) : scanner.text(j);
    }

    /** Whether the cell of column {@code j} is empty or blank. */
    public boolean isBlank(int j) {
        return parquet != null ? parquet.isNull(j) || parquet.text(j).isBlank() : scanner.isBlank(j);
    }

    private double parquetNumber(int j) {
        String where = String.format("%s row %d, column '%s'", source, parquet.row(), Messages.clip(header.get(j)));
        if (!parquet.isNumeric(j)) {
            throw new IllegalArgumentException(where + ": the column holds text ('" + Messages.clip(parquet.text(j))
                    + "'), not numbers; store it as a number type, or set it aside with --ignore-columns");
        }
        if (parquet.isNull(j)) {
            if (naEmpty) {
                return Double.NaN;
            }
            throw new IllegalArgumentException(where + ": the value is missing (null); remove the row or impute the value"
                    + " (or read nulls as NaN with --na-values '')");
        }
        double v = parquet.number(j);
        if (Double.isNaN(v)) {
            throw new IllegalArgumentException(where + ": the value is a missing value (NaN); remove the row or impute the value");
        }
        if (Double.isInfinite(v)) {
            throw new IllegalArgumentException(where + ": the value is not a finite number; remove the row or replace the value");
        }
        return v;
    }

    private boolean isMissing(int j) {
        if (naEmpty && scanner.isBlank(j)) {
            return true;
        }
        for (byte[] na : naBytes) {
            if (scanner.cellEquals(j, na)) {
                return true;
            }
        }
        return false;
    }

    private double slowNumber(int j) {
        String raw = scanner.text(j);
        String cell = raw.strip();
        String where = String.format("%s line %d, column '%s'", source, scanner.line(), header.get(j));
        if (cell.isEmpty()) {
            throw new IllegalArgumentException(where + ": the value is missing (empty cell); remove the row or impute the value");
        }
        if (NAN.matcher(cell).matches()) {
            throw new IllegalArgumentException(where + ": '" + Messages.clip(raw) + "' is a missing value (NaN); remove the row or impute the value");
        }
        if (CsvOptions.MISSING_MARKERS.contains(cell)) {
            throw new IllegalArgumentException(where + ": '" + cell + "' is a missing value; remove the row or impute the value "
                    + "(or read such cells as NaN with --na-values '" + cell + "')");
        }
        if (INF.matcher(cell).matches()) {
            throw new IllegalArgumentException(where + ": '" + Messages.clip(raw) + "' is not a finite number; remove the row or replace the value");
        }
        if (!NUMBER.matcher(cell).matches()) {
            throw new IllegalArgumentException(where + ": '" + Messages.clip(raw) + "' is not a number");
        }
        double v = Double.parseDouble(cell);
        if (Double.isInfinite(v)) {
            throw new IllegalArgumentException(where + ": '" + Messages.clip(raw) + "' is too large for a float64");
        }
        return v;
    }

    private List<String> checkHeader() {
        int n = scanner.cells();
        List<String> names = new ArrayList<>(n);
        Map<String, Integer> seen = new HashMap<>();
        int numeric = 0;
        for (int j = 0; j < n; j++) {
            String name = scanner.text(j);
            if (!FastDouble.isInvalid(scanner.number(j))) {
                numeric++;
            }
            names.add(name);
        }
        if (numeric == n && n > 0) {
            throw new IllegalArgumentException(String.format("%s line %d: the first row holds numbers ('%s'), not column names; "
                    + "add a header row naming every column", source, scanner.line(), Messages.clip(String.join("', '", names))));
        }
        for (int j = 0; j < n; j++) {
            String name = names.get(j);
            if (name.isBlank()) {
                throw new IllegalArgumentException(String.format("%s line %d: column %d has an empty name; every column needs a name in the header row",
                        source, scanner.line(), j + 1));
            }
            Integer before = seen.putIfAbsent(name, j);
            if (before != null) {
                throw new IllegalArgumentException(String.format("%s line %d: duplicate column name '%s' (columns %d and %d); column names must be distinct",
                        source, scanner.line(), Messages.clip(name), before + 1, j + 1));
            }
        }
        return List.copyOf(names);
    }

    private void requireColumn(String name, String option) {
        if (!header.contains(name)) {
            throw new IllegalArgumentException(String.format("%s line 1: no column '%s' (named by %s); the columns are %s",
                    source, Messages.clip(name), option, quoted(header)));
        }
    }

    /** The names quoted and comma-separated, clipped for a one-line message. */
    static String quoted(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            if (sb.length() > 400) {
                sb.append(", ... (").append(names.size()).append(" columns)");
                break;
            }
            sb.append(sb.length() == 0 ? "" : ", ").append('\'').append(Messages.clip(n)).append('\'');
        }
        return sb.toString();
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the error being reported matters more
        }
    }

    @Override
    public void close() {
        if (parquet != null) {
            parquet.close();
            return;
        }
        try {
            scanner.close();
        } catch (IOException ignored) {
            // nothing was written
        }
    }
}
