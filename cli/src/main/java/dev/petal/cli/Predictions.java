package dev.petal.cli;

import dev.petal.api.DecisionClassifier;
import dev.petal.check.ClassLabels;
import dev.petal.check.PyRepr;
import dev.petal.datasets.CsvFeatures;
import dev.petal.datasets.CsvOptions;
import dev.petal.io.OutputFiles;
import dev.petal.linalg.Matrix;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a classifier's predictions for a CSV file to a CSV file, a chunk of rows at a time (memory
 * bounded by the chunk, whatever the file size): {@code [id,]prediction[,decision_j...][,proba_<class>...]}.
 */
final class Predictions {
    /** Rows per chunk; about 8 MB of features at 100 columns. */
    static final int CHUNK_ROWS = 8192;

    private final DecisionClassifier clf;
    private final List<String> featureNames;
    private final List<String> classNames;
    private final boolean decision;
    private final boolean proba;

    Predictions(DecisionClassifier clf, List<String> featureNames, List<String> classNames, boolean decision, boolean proba) {
        this.clf = clf;
        this.featureNames = featureNames;
        this.classNames = classNames;
        this.decision = decision;
        this.proba = proba;
    }

    /** Predicts every row of {@code data} into {@code output} ({@code -}: {@code stdout}); returns the row count. */
    long write(Path data, CsvOptions options, Path output, PrintWriter stdout) throws IOException {
        long[] count = new long[1];
        OutputStream std = OutputFiles.isStdout(output) ? new WriterOutputStream(stdout) : null;
        boolean parquet = ParquetTables.isParquet(output);
        OutputFiles.write(output, out -> count[0] = parquet ? writeParquet(data, options, out) : writeTo(data, options, out), std);
        return count[0];
    }

    private long writeTo(Path data, CsvOptions options, OutputStream out) throws IOException {
        try (CsvFeatures in = open(data, options)) {
            boolean ids = options.idColumn() != null;
            StringBuilder sb = new StringBuilder(1 << 16);
            if (ids) {
                cell(sb, options.idColumn()).append(',');
            }
            sb.append("prediction");
            int[] classes = clf.classes();
            CsvFeatures.Chunk c;
            boolean first = true;
            while ((c = in.next(CHUNK_ROWS)) != null) {
                Matrix x = c.x();
                int[] pred = clf.predict(x);
                Matrix dec = decision ? clf.decisionFunction(x) : null;
                Matrix prob = proba ? clf.predictProba(x) : null;
                if (first) {
                    for (int j = 0; dec != null && j < dec.cols(); j++) {
                        sb.append(",decision_").append(j);
                    }
                    for (int j = 0; prob != null && j < classNames.size(); j++) {
                        sb.append(",proba_");
                        cell(sb, classNames.get(j));
                    }
                    sb.append('\n');
                    first = false;
                }
                double[] drow = dec == null ? null : new double[dec.cols()];
                double[] prow = prob == null ? null : new double[prob.cols()];
                for (int i = 0; i < pred.length; i++) {
                    if (ids) {
                        cell(sb, c.ids().get(i)).append(',');
                    }
                    cell(sb, classNames.get(ClassLabels.indexOf(classes, pred[i])));
                    if (dec != null) {
                        dec.copyRow(i, drow, 0);
                        for (double v : drow) {
                            PyRepr.appendTo(sb.append(','), v);
                        }
                    }
                    if (prob != null) {
                        prob.copyRow(i, prow, 0);
                        for (double v : prow) {
                            PyRepr.appendTo(sb.append(','), v);
                        }
                    }
                    sb.append('\n');
                    if (sb.length() > 1 << 15) {
                        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
                        sb.setLength(0);
                    }
                }
            }
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            return in.rowsRead();
        }
    }

    /** The same columns as {@link #writeTo} as a Parquet table: the id and the prediction as text, the rest as doubles. */
    private long writeParquet(Path data, CsvOptions options, OutputStream out) throws IOException {
        try (CsvFeatures in = open(data, options)) {
            boolean ids = options.idColumn() != null;
            int[] classes = clf.classes();
            CsvFeatures.Chunk c;
            dev.petal.datasets.ParquetOutput table = null;
            try {
                while ((c = in.next(CHUNK_ROWS)) != null) {
                    Matrix x = c.x();
                    int[] pred = clf.predict(x);
                    Matrix dec = decision ? clf.decisionFunction(x) : null;
                    Matrix prob = proba ? clf.predictProba(x) : null;
                    if (table == null) {
                        table = ParquetTables.create(out, ids ? options.idColumn() : null, dec == null ? 0 : dec.cols(),
                                prob == null ? List.of() : classNames);
                    }
                    for (int i = 0; i < pred.length; i++) {
                        int j = 0;
                        if (ids) {
                            table.text(j++, c.ids().get(i));
                        }
                        table.text(j++, classNames.get(ClassLabels.indexOf(classes, pred[i])));
                        for (int q = 0; dec != null && q < dec.cols(); q++) {
                            table.number(j++, dec.get(i, q));
                        }
                        for (int q = 0; prob != null && q < prob.cols(); q++) {
                            table.number(j++, prob.get(i, q));
                        }
                        table.endRow();
                    }
                }
                if (table == null) {   // no rows: the columns that need no prediction to be known
                    table = ParquetTables.create(out, ids ? options.idColumn() : null, 0, List.of());
                }
            } finally {
                if (table != null) {
                    table.close();
                }
            }
            return in.rowsRead();
        }
    }

    /** The model's named columns; a model saved without names reads every column but the last when there is one more, else all. */
    private CsvFeatures open(Path data, CsvOptions options) {
        if (!featureNames.isEmpty()) {
            return CsvFeatures.open(data, options, featureNames);
        }
        return CsvFeatures.openByPosition(data, options, clf.nFeatures());
    }

    private static StringBuilder cell(StringBuilder sb, String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return sb.append('"').append(s.replace("\"", "\"\"")).append('"');
        }
        return sb.append(s);
    }
}
