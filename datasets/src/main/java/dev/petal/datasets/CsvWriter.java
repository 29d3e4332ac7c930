package dev.petal.datasets;

import dev.petal.check.PyRepr;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes rows of a {@link LabeledData} back to CSV: the same header, the chosen rows in the chosen
 * order, numbers as Python's {@code repr} prints them and labels exactly as they were read.
 */
public final class CsvWriter {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    private CsvWriter() {
    }

    /** Writes rows {@code rows} (indices into {@code data}) to {@code file}, replacing it. */
    public static void write(Path file, LabeledData data, int[] rows) {
        try {
            Files.writeString(file, toCsv(data, rows), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot write: " + e.getMessage(), e);
        }
    }

    /** The CSV text of rows {@code rows} of {@code data}, header first. */
    public static String toCsv(LabeledData data, int[] rows) {
        StringWriter out = new StringWriter();
        int width = data.header().size();
        int label = data.labelColumn();
        try (CSVPrinter p = new CSVPrinter(out, FORMAT)) {
            p.printRecord(data.header());
            String[] cells = new String[width];
            for (int r : rows) {
                if (r < 0 || r >= data.nSamples()) {
                    throw new IllegalArgumentException("row " + r + " is outside the data (0.." + (data.nSamples() - 1) + ")");
                }
                int k = 0;
                for (int j = 0; j < width; j++) {
                    cells[j] = j == label ? data.labelTexts().get(r) : PyRepr.of(data.x().get(r, k++));
                }
                p.printRecord((Object[]) cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
