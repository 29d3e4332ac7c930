package dev.petal.datasets;

import java.util.List;
import java.util.Objects;

/**
 * How to read a CSV file beyond the defaults (comma, semicolon or tab detected from the header line;
 * no column set aside; the usual missing-value markers refused with a message).
 *
 * @param delimiter     the cell delimiter, or null to detect it from the header line
 * @param naValues      cells read as missing (NaN), as pandas' {@code na_values}; empty cells too once any is given
 * @param ignoreColumns columns that are neither features nor label (for example an id)
 * @param idColumn      a column carried from the input into predictions, not a feature; or null
 */
public record CsvOptions(Character delimiter, List<String> naValues, List<String> ignoreColumns, String idColumn) {
    /** The markers that, unless named in {@code naValues}, are refused as missing values with a message. */
    static final List<String> MISSING_MARKERS = List.of("?", "NA", "N/A", "n/a", "NaN", "nan", "-nan", "NULL", "null",
            "None", "#N/A", "<NA>", "-NaN", "#NA", "na", "NAN", "Nan");

    /** Checks the parts and copies the lists. */
    public CsvOptions {
        naValues = List.copyOf(naValues);
        ignoreColumns = List.copyOf(ignoreColumns);
        if (delimiter != null && (delimiter == '"' || delimiter == '\n' || delimiter == '\r' || delimiter > 127)) {
            throw new IllegalArgumentException("the delimiter must be one ASCII character other than a quote or a line break, got '"
                    + delimiter + "'");
        }
    }

    /** Detected delimiter, nothing set aside. */
    public static CsvOptions defaults() {
        return new CsvOptions(null, List.of(), List.of(), null);
    }

    /** A copy with {@code delimiter} (null: detect). */
    public CsvOptions withDelimiter(Character delimiter) {
        return new CsvOptions(delimiter, naValues, ignoreColumns, idColumn);
    }

    /** A copy with missing-value markers {@code naValues}. */
    public CsvOptions withNaValues(List<String> naValues) {
        return new CsvOptions(delimiter, naValues, ignoreColumns, idColumn);
    }

    /** A copy that sets {@code ignoreColumns} aside. */
    public CsvOptions withIgnoreColumns(List<String> ignoreColumns) {
        return new CsvOptions(delimiter, naValues, ignoreColumns, idColumn);
    }

    /** A copy with the id column {@code idColumn} (null for none). */
    public CsvOptions withIdColumn(String idColumn) {
        return new CsvOptions(delimiter, naValues, ignoreColumns, idColumn);
    }

    /** Parses a delimiter as given on a command line: one character, or {@code tab} / {@code \t}. */
    public static Character parseDelimiter(String text) {
        Objects.requireNonNull(text, "text");
        if (text.equals("tab") || text.equals("\\t")) {
            return '\t';
        }
        if (text.length() != 1) {
            throw new IllegalArgumentException("--delimiter must be one character (or 'tab'), got '" + text + "'");
        }
        return text.charAt(0);
    }

    /** Whether {@code name} is set aside (ignored or the id column). */
    boolean setsAside(String name) {
        return ignoreColumns.contains(name) || name.equals(idColumn);
    }
}
