package dev.petal.datasets;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The raw cells of a CSV file with a header row: every row checked to have one cell per column, and
 * the physical line of each row kept so errors can name it.
 */
final class CsvTable {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    final String source;
    final List<String> header;
    final List<String[]> rows;
    final int[] lines;

    private CsvTable(String source, List<String> header, List<String[]> rows, int[] lines) {
        this.source = source;
        this.header = header;
        this.rows = rows;
        this.lines = lines;
    }

    /** Parses {@code text}, the content of {@code source}; every problem becomes one message naming the line. */
    static CsvTable parse(String source, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int[] lineStarts = lineStarts(text);
        List<String> header = null;
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineList = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            for (CSVRecord rec : parser) {
                int line = lineOf(lineStarts, skipLineBreaks(text, rec.getCharacterPosition()));
                String[] cells = rec.values();
                if (header == null) {
                    header = checkHeader(source, line, cells);
                    continue;
                }
                if (cells.length != header.size()) {
                    throw new IllegalArgumentException(String.format("%s line %d: %d value%s but the header has %d columns; "
                                    + "every row needs one value per column", source, line, cells.length,
                            cells.length == 1 ? "" : "s", header.size()));
                }
                rows.add(cells);
                lineList.add(line);
            }
        } catch (UncheckedIOException e) {
            throw new IllegalArgumentException(source + ": not a valid CSV file: " + e.getCause().getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not a valid CSV file: " + e.getMessage(), e);
        }
        if (header == null) {
            throw new IllegalArgumentException(source + ": the file is empty; expected a header row and then one row per sample");
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": no data rows after the header; add one row per sample");
        }
        return new CsvTable(source, header, rows, lineList.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The index of column {@code name}, or -1. */
    int column(String name) {
        return header.indexOf(name);
    }

    private static List<String> checkHeader(String source, int line, String[] cells) {
        Map<String, Integer> seen = new HashMap<>();
        for (int j = 0; j < cells.length; j++) {
            if (cells[j].isBlank()) {
                throw new IllegalArgumentException(String.format("%s line %d: column %d has an empty name; every column needs a name in the header row",
                        source, line, j + 1));
            }
            Integer before = seen.putIfAbsent(cells[j], j);
            if (before != null) {
                throw new IllegalArgumentException(String.format("%s line %d: duplicate column name '%s' (columns %d and %d); column names must be distinct",
                        source, line, cells[j], before + 1, j + 1));
            }
        }
        return List.copyOf(Arrays.asList(cells));
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The first position at or after {@code pos} that is not a line break (a record's position may precede skipped blank lines). */
    private static long skipLineBreaks(String text, long pos) {
        int p = (int) pos;
        while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
            p++;
        }
        return p;
    }

    /** The 1-based line holding character {@code position}. */
    private static int lineOf(int[] lineStarts, long position) {
        int idx = Arrays.binarySearch(lineStarts, (int) position);
        return (idx >= 0 ? idx : -idx - 2) + 1;
    }
}
