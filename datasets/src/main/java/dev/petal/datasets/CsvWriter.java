package dev.petal.datasets;

import dev.petal.io.OutputFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes rows of a {@link LabeledData} back to CSV: the same header, the chosen rows in the chosen
 * order, numbers as Python's {@code repr} prints them and labels exactly as they were read.
 */
public final class CsvWriter {
    private CsvWriter() {
    }

    /** Writes rows {@code rows} (indices into {@code data}) to {@code file} (see {@link OutputFiles}: atomic, through links, {@code -} for standard output). */
    public static void write(Path file, LabeledData data, int[] rows) {
        try {
            OutputFiles.write(file, out -> writeTo(out, data, rows));
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith("cannot write") ? e.getMessage()
                    : file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** The CSV text of rows {@code rows} of {@code data}, header first. */
    public static String toCsv(LabeledData data, int[] rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeTo(out, data, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void writeTo(OutputStream out, LabeledData data, int[] rows) throws IOException {
        int width = data.header().size();
        int label = data.labelColumn();
        CsvText t = new CsvText(out, ',');
        for (String h : data.header()) {
            t.text(h);
        }
        t.endRow();
        double[] row = new double[Math.max(1, width - 1)];
        for (int r : rows) {
            if (r < 0 || r >= data.nSamples()) {
                throw new IllegalArgumentException("row " + r + " is outside the data (0.." + (data.nSamples() - 1) + ")");
            }
            data.x().copyRow(r, row, 0);
            int k = 0;
            for (int j = 0; j < width; j++) {
                if (j == label) {
                    t.text(data.labelTexts().get(r));
                } else {
                    t.number(row[k++]);
                }
            }
            t.endRow();
        }
        t.flush();
    }
}
