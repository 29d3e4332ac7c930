package dev.petal.cli;

import dev.petal.datasets.CsvSplit;
import dev.petal.io.OutputFiles;
import dev.petal.selection.Selection;
import dev.petal.selection.SplitOptions;
import dev.petal.selection.SplitSize;
import dev.petal.selection.TrainTestIndices;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code petal split}: splits a labelled CSV file into train and test files with the rows, in the
 * order, that scikit-learn's {@code train_test_split(X, y, test_size, random_state)} returns.
 */
@Command(name = "split",
        description = "Split a labelled CSV file into train and test files, row for row as scikit-learn's train_test_split.")
public final class SplitCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "ALL.csv", description = "The CSV file to split (header row; numeric features).")
    Path data;

    @Option(names = "--train", required = true, paramLabel = "TRAIN.csv", description = "Where to write the training rows ('-' for standard output, then the summary goes to standard error; both files are written, or neither).")
    Path train;

    @Option(names = "--test", required = true, paramLabel = "TEST.csv", description = "Where to write the test rows ('-' for standard output).")
    Path test;

    @Option(names = "--label", paramLabel = "COLUMN", description = "The label column (default: the last column).")
    String label;

    @Option(names = "--test-size", paramLabel = "F",
            description = "A fraction in (0, 1), or a whole number of rows (default 0.25, as scikit-learn).")
    String testSize;

    @Option(names = "--random-state", paramLabel = "N",
            description = "The seed, 0..4294967295 (default: a fresh random seed, printed).")
    Long randomState;

    @Option(names = "--stratify", description = "Keep the class proportions of the labels in both files.")
    boolean stratify;

    @CommandLine.Mixin
    CsvOptionsMixin csv = new CsvOptionsMixin();

    @Override
    public Integer call() {
        SplitSize size = parseSize(testSize);
        long seed = randomState != null ? randomState : new SecureRandom().nextLong() & 0xffffffffL;
        if (seed < 0 || seed > 0xffffffffL) {
            throw usage("--random-state must be between 0 and 4294967295, got " + seed);
        }
        if (train.toAbsolutePath().normalize().equals(test.toAbsolutePath().normalize())) {
            throw usage("--train and --test name the same file: " + train);
        }
        SplitOptions options = SplitOptions.seeded(seed).withTestSize(size).withStratify(stratify);
        boolean toStdout = OutputFiles.isStdout(train) || OutputFiles.isStdout(test);
        CsvSplit.Result result = CsvSplit.split(data, label, csv.options(), options, train, test,
                toStdout ? new WriterOutputStream(spec.commandLine().getOut()) : null);
        TrainTestIndices idx = result.indices();
        // with rows on standard output, the summary goes to standard error so the CSV stays clean
        (toStdout ? spec.commandLine().getErr() : spec.commandLine().getOut()).printf("wrote %d rows to %s and %d rows to %s (test_size=%s, random_state=%d%s)%n",
                idx.train().length, train, idx.test().length, test, size == null ? Selection.DEFAULT_TEST_SIZE : size, seed,
                stratify ? ", stratified by '" + result.labelName() + "'" : "");
        return 0;
    }

    private SplitSize parseSize(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        try {
            if (s.matches("[+-]?\\d+")) {
                return SplitSize.count(Integer.parseInt(s));
            }
            double f = Double.parseDouble(s);
            return SplitSize.fraction(f);
        } catch (IllegalArgumentException e) {
            throw usage("--test-size must be a fraction in (0, 1) or a whole number of rows, got '" + text + "'");
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
