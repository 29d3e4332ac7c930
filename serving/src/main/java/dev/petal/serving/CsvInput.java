package dev.petal.serving;

import dev.petal.linalg.Matrix;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A {@code text/csv} request body as pandas' {@code read_csv} reads it: a header row, then numbers. */
final class CsvInput {
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvInput() {
    }

    /** The feature matrix in {@code body}; columns are picked by name when the model knows its feature names. */
    static Matrix read(byte[] body, Inputs inputs) {
        String text = utf8(body);
        if (text.isBlank()) {
            throw RequestException.badRequest("The request body is empty; send a CSV header row and at least one row of numbers.");
        }
        List<String> header = new ArrayList<>();
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException e) {
            throw RequestException.badRequest("Malformed CSV: " + Json.oneLine(e.getMessage()));
        }
        records.get(0).forEach(h -> header.add(h.strip()));
        int[] pick = inputs.columnIndex(header, "The CSV header");
        int n = records.size() - 1;
        if (n == 0) {
            throw RequestException.badRequest("The CSV has a header but no rows; send at least one row of numbers.");
        }
        int f = pick.length;
        double[] flat = new double[Math.multiplyExact(n, f)];
        for (int i = 0; i < n; i++) {
            CSVRecord r = records.get(i + 1);
            if (r.size() != header.size()) {
                throw RequestException.badRequest("CSV line " + r.getRecordNumber() + " has " + r.size()
                        + " fields, but the header has " + header.size() + ".");
            }
            for (int j = 0; j < f; j++) {
                flat[i * f + j] = parse(r.get(pick[j]), r.getRecordNumber(), header.get(pick[j]));
            }
        }
        return Matrix.of(n, f, flat);
    }

    /** A CSV field as pandas reads it: a decimal number, or empty / nan / inf spellings. */
    static double parse(String field, long line, String column) {
        String s = field.strip();
        if (DECIMAL.matcher(s).matches()) {
            return Double.parseDouble(s);
        }
        switch (s.toLowerCase(Locale.ROOT)) {
            case "", "nan", "na", "n/a", "null" -> {
                return Double.NaN;
            }
            case "inf", "+inf", "infinity", "+infinity" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-inf", "-infinity" -> {
                return Double.NEGATIVE_INFINITY;
            }
            default -> throw RequestException.badRequest("CSV line " + line + ", column " + Json.quote(column) + ": "
                    + Json.quote(s) + " is not a number.");
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw RequestException.badRequest("The CSV body is not valid UTF-8.");
        }
    }
}
