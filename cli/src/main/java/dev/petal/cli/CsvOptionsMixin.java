package dev.petal.cli;

import dev.petal.datasets.CsvOptions;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The CSV reading options shared by train, cv, evaluate, predict, score and split. */
final class CsvOptionsMixin {
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--delimiter", paramLabel = "C",
            description = "The cell delimiter: one character, or 'tab' (default: ',' ';' or tab, detected from the header line).")
    String delimiter;

    @Option(names = "--na-values", paramLabel = "LIST", split = ",",
            description = "Cells read as missing values (NaN), e.g. '?,NA'; empty cells too once given. Without it such cells are refused with a message.")
    List<String> naValues = new ArrayList<>();

    @Option(names = "--ignore-columns", paramLabel = "LIST", split = ",",
            description = "Columns that are neither features nor the label (e.g. an id, a date).")
    List<String> ignoreColumns = new ArrayList<>();

    @Option(names = "--id-column", paramLabel = "COLUMN",
            description = "A column that is not a feature; predict and score copy it into their output as the first column.")
    String idColumn;

    /** The options as given. */
    CsvOptions options() {
        try {
            return new CsvOptions(delimiter == null ? null : CsvOptions.parseDelimiter(delimiter), naValues, ignoreColumns, idColumn);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
