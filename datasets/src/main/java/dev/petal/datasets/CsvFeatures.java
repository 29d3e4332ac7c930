package dev.petal.datasets;

import dev.petal.linalg.Matrix;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the feature columns a model needs from a CSV file, by name and in the model's order, in chunks
 * of rows, so that predicting a file of any size takes bounded memory. Other columns (a label) are
 * skipped; the id column of {@link CsvOptions#idColumn()}, if any, is carried along as text.
 */
public final class CsvFeatures implements Closeable {
    private final CsvRows rows;
    private final int[] cols;
    private final int idCol;
    private long rowsRead;

    /** One chunk: the feature rows and, when an id column is read, each row's id. */
    public record Chunk(Matrix x, List<String> ids) {
    }

    private CsvFeatures(CsvRows rows, List<String> featureNames) {
        this.rows = rows;
        int d = featureNames.size();
        this.cols = new int[d];
        for (int k = 0; k < d; k++) {
            cols[k] = rows.column(featureNames.get(k));
            if (cols[k] < 0) {
                throw new IllegalArgumentException(String.format("%s line 1: no column '%s', which the model was trained on; the columns are %s",
                        rows.source(), Messages.clip(featureNames.get(k)), CsvRows.quoted(rows.header())));
            }
        }
        String id = rows.options().idColumn();
        this.idCol = id == null ? -1 : rows.column(id);
    }

    /** Opens {@code file} and finds the columns {@code featureNames}. */
    public static CsvFeatures open(Path file, CsvOptions options, List<String> featureNames) {
        CsvRows rows = CsvRows.open(file, options);
        try {
            return new CsvFeatures(rows, featureNames);
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    /**
     * Opens {@code file} for a model saved without feature names: its first {@code nFeatures} columns,
     * when the file has that many columns or one more (a label last).
     */
    public static CsvFeatures openByPosition(Path file, CsvOptions options, int nFeatures) {
        CsvRows rows = CsvRows.open(file, options);
        try {
            List<String> header = rows.header();
            if (header.size() != nFeatures && header.size() != nFeatures + 1) {
                throw new IllegalArgumentException(String.format("%s has %d columns, but the model expects %d features "
                        + "(plus an optional label column last)", file, header.size(), nFeatures));
            }
            return new CsvFeatures(rows, header.subList(0, nFeatures));
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    /** Reads the columns {@code featureNames} from already opened {@code rows}. */
    public static CsvFeatures of(CsvRows rows, List<String> featureNames) {
        try {
            return new CsvFeatures(rows, featureNames);
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    /** The next at most {@code maxRows} rows, or null at the end (an empty file is an error). */
    public Chunk next(int maxRows) {
        int d = cols.length;
        double[] flat = new double[Math.multiplyExact(maxRows, Math.max(d, 1))];
        List<String> ids = idCol >= 0 ? new ArrayList<>() : null;
        int n = 0;
        while (n < maxRows && rows.next()) {
            int base = n * d;
            for (int k = 0; k < d; k++) {
                flat[base + k] = rows.number(cols[k]);
            }
            if (ids != null) {
                ids.add(rows.text(idCol));
            }
            n++;
        }
        rowsRead += n;
        if (n == 0) {
            if (rowsRead == 0) {
                throw new IllegalArgumentException(rows.source() + ": no data rows after the header; add one row per sample");
            }
            return null;
        }
        double[] data = n == maxRows ? flat : Arrays.copyOf(flat, n * d);
        return new Chunk(Matrix.adopt(n, d, data), ids == null ? List.of() : ids);
    }

    /** Every remaining row as one matrix. */
    public Matrix readAll() {
        List<Matrix> parts = new ArrayList<>();
        int total = 0;
        Chunk c;
        while ((c = next(8192)) != null) {
            parts.add(c.x());
            total += c.x().rows();
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        int d = cols.length;
        double[] all = new double[Math.multiplyExact(total, d)];
        int at = 0;
        for (Matrix m : parts) {
            for (int i = 0; i < m.rows(); i++) {
                m.copyRow(i, all, at);
                at += d;
            }
        }
        return Matrix.adopt(total, d, all);
    }

    /** The rows read so far. */
    public long rowsRead() {
        return rowsRead;
    }

    /** The file's name as given. */
    public String source() {
        return rows.source();
    }

    @Override
    public void close() {
        rows.close();
    }
}
