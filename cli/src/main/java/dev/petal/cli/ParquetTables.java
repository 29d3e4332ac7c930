package dev.petal.cli;

import dev.petal.datasets.ParquetOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Parquet form of predict's output: the CSV's columns, the id and the prediction as text, numbers as doubles. */
final class ParquetTables {
    private ParquetTables() {
    }

    /** Whether {@code output} is written as Parquet (its name ends with {@code .parquet}). */
    static boolean isParquet(Path output) {
        Path name = output.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    /**
     * A table of {@code [id,]prediction[,decision_0..][,proba_<class>..]} on {@code out}; {@code textPrediction}
     * false writes the prediction as a double (a regressor's).
     */
    static ParquetOutput create(OutputStream out, String idColumn, int decisionColumns, List<String> probaClasses,
                                boolean textPrediction) throws IOException {
        List<String> names = new ArrayList<>();
        List<Boolean> text = new ArrayList<>();
        if (idColumn != null) {
            names.add(idColumn);
            text.add(true);
        }
        names.add("prediction");
        text.add(textPrediction);
        for (int j = 0; j < decisionColumns; j++) {
            names.add("decision_" + j);
            text.add(false);
        }
        for (String c : probaClasses) {
            names.add("proba_" + c);
            text.add(false);
        }
        boolean[] t = new boolean[text.size()];
        for (int j = 0; j < t.length; j++) {
            t[j] = text.get(j);
        }
        return ParquetOutput.create(out, names, t);
    }

    /** {@link #create(OutputStream, String, int, List, boolean)} with a text prediction (a class label). */
    static ParquetOutput create(OutputStream out, String idColumn, int decisionColumns, List<String> probaClasses)
            throws IOException {
        return create(out, idColumn, decisionColumns, probaClasses, true);
    }
}
