package dev.petal.datasets;

import dev.petal.linalg.Matrix;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads labelled CSV files (UTF-8, comma-separated, a header row): the label column is named or else
 * the last; every other column must hold numbers. Every error is one line naming the file, the line
 * and the column, e.g. {@code train.csv line 7, column 'sepal width': 'abc' is not a number}.
 */
public final class CsvReader {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,10}");
    private static final Pattern NAN = Pattern.compile("[+-]?nan", Pattern.CASE_INSENSITIVE);
    private static final Pattern INF = Pattern.compile("[+-]?(inf|infinity)", Pattern.CASE_INSENSITIVE);
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

    /** The header row of {@code file}, after checking every row has one cell per column. */
    public static List<String> header(Path file) {
        return List.copyOf(CsvTable.parse(file.toString(), readText(file)).header);
    }

    /** Reads {@code file}; {@code labelColumn} names the label column, or null for the last column. */
    public static LabeledData read(Path file, String labelColumn) {
        return read(file.toString(), readText(file), labelColumn);
    }

    /** Reads CSV {@code text} that came from {@code source} (a name used in messages). */
    public static LabeledData read(String source, String text, String labelColumn) {
        CsvTable t = CsvTable.parse(source, text);
        int label = labelColumn == null ? t.header.size() - 1 : t.column(labelColumn);
        if (label < 0) {
            throw new IllegalArgumentException(String.format("%s line 1: no label column '%s'; the columns are %s",
                    source, labelColumn, quoted(t.header)));
        }
        if (t.header.size() < 2) {
            throw new IllegalArgumentException(String.format("%s line 1: only the label column '%s'; at least one feature column is needed",
                    source, t.header.get(label)));
        }
        int n = t.rows.size();
        int d = t.header.size() - 1;
        double[] flat = new double[n * d];
        List<String> texts = new ArrayList<>(n);
        boolean allIntegers = true;
        for (int i = 0; i < n; i++) {
            String[] cells = t.rows.get(i);
            int k = 0;
            for (int j = 0; j < cells.length; j++) {
                if (j == label) {
                    continue;
                }
                flat[i * d + k++] = number(t, i, j);
            }
            String lab = cells[label];
            if (lab.isBlank()) {
                throw new IllegalArgumentException(String.format("%s line %d, column '%s': the label is empty; remove the row or give it a label",
                        source, t.lines[i], t.header.get(label)));
            }
            texts.add(lab);
            allIntegers &= INTEGER.matcher(lab.strip()).matches() && fitsInt(lab.strip());
        }
        int[] y = new int[n];
        List<String> classNames = new ArrayList<>();
        if (allIntegers) {
            TreeSet<Integer> classes = new TreeSet<>();
            for (int i = 0; i < n; i++) {
                y[i] = Integer.parseInt(texts.get(i).strip());
                classes.add(y[i]);
            }
            classes.forEach(c -> classNames.add(Integer.toString(c)));
        } else {
            TreeSet<String> classes = new TreeSet<>(CODE_POINT_ORDER);
            classes.addAll(texts);
            classNames.addAll(classes);
            for (int i = 0; i < n; i++) {
                y[i] = classNames.indexOf(texts.get(i));
            }
        }
        return new LabeledData(source, t.header, label, Matrix.of(n, d, flat), y, classNames, !allIntegers, texts);
    }

    /**
     * Reads the columns {@code featureNames} of {@code file} by name, in that order (other columns, such
     * as a label, are ignored): what a fitted model needs to predict.
     */
    public static Matrix readFeatures(Path file, List<String> featureNames) {
        return readFeatures(file.toString(), readText(file), featureNames);
    }

    /** Reads the columns {@code featureNames} of CSV {@code text} that came from {@code source}. */
    public static Matrix readFeatures(String source, String text, List<String> featureNames) {
        CsvTable t = CsvTable.parse(source, text);
        int d = featureNames.size();
        int[] cols = new int[d];
        for (int k = 0; k < d; k++) {
            cols[k] = t.column(featureNames.get(k));
            if (cols[k] < 0) {
                throw new IllegalArgumentException(String.format("%s line 1: no column '%s', which the model was trained on; the columns are %s",
                        source, featureNames.get(k), quoted(t.header)));
            }
        }
        int n = t.rows.size();
        double[] flat = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                flat[i * d + k] = number(t, i, cols[k]);
            }
        }
        return Matrix.of(n, d, flat);
    }

    /** The number in row {@code i}, column {@code j}, or an error naming where and how to fix it. */
    private static double number(CsvTable t, int i, int j) {
        String raw = t.rows.get(i)[j];
        String cell = raw.strip();
        String where = String.format("%s line %d, column '%s'", t.source, t.lines[i], t.header.get(j));
        if (cell.isEmpty()) {
            throw new IllegalArgumentException(where + ": the value is missing (empty cell); remove the row or impute the value");
        }
        if (NAN.matcher(cell).matches()) {
            throw new IllegalArgumentException(where + ": '" + raw + "' is a missing value (NaN); remove the row or impute the value");
        }
        if (INF.matcher(cell).matches()) {
            throw new IllegalArgumentException(where + ": '" + raw + "' is not a finite number; remove the row or replace the value");
        }
        if (!NUMBER.matcher(cell).matches()) {
            throw new IllegalArgumentException(where + ": '" + raw + "' is not a number");
        }
        double v = Double.parseDouble(cell);
        if (Double.isInfinite(v)) {
            throw new IllegalArgumentException(where + ": '" + raw + "' is too large for a float64");
        }
        return v;
    }

    static String readText(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text; save the CSV file as UTF-8");
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static boolean fitsInt(String s) {
        long v = Long.parseLong(s);
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
    }

    private static String quoted(List<String> names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append(sb.length() == 0 ? "" : ", ").append('\'').append(n).append('\'');
        }
        return sb.toString();
    }
}
