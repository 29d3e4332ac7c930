package dev.petal.cli;

import dev.petal.api.DecisionClassifier;
import dev.petal.check.PyRepr;
import dev.petal.datasets.CsvReader;
import dev.petal.linalg.Matrix;
import dev.petal.modelio.LoadedModel;
import dev.petal.modelio.ModelIO;
import dev.petal.io.AtomicFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code petal predict}: applies a saved model to a CSV file. The output has the column
 * {@code prediction}, then optionally {@code decision_0..k-1} (scikit-learn's decision_function,
 * 'ovr' shape) and {@code proba_<class>}.
 */
@Command(name = "predict", description = "Predict with a .petal model file; write prediction (and decision/probability) columns to a CSV file.")
public final class PredictCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "M.petal|NAME[:VERSION]|NAME@ALIAS",
            description = "A model file written by 'petal train' or ModelIO.save, or a registered model.")
    String modelSpec;

    @picocli.CommandLine.Mixin
    WorkspaceOption workspace;

    @Option(names = "--data", required = true, paramLabel = "TEST.csv", description = "Rows to predict; the model's feature columns are read by name, a label column is ignored.")
    Path data;

    @Option(names = "--output", required = true, paramLabel = "OUT.csv", description = "Where to write the predictions (written atomically).")
    Path output;

    @Option(names = "--decision-function", description = "Add columns decision_0..decision_{k-1} with scikit-learn's decision_function values.")
    boolean decision;

    @Option(names = "--proba", description = "Add columns proba_<class> (the model must have been trained with --probability).")
    boolean proba;

    @Override
    public Integer call() throws Exception {
        Path model = dev.petal.registry.ModelLocator.locate(modelSpec, workspace::openExisting).file();
        LoadedModel loaded = ModelIO.load(model);
        DecisionClassifier clf = loaded.asClassifier();
        if (proba && !clf.supportsProba()) {
            throw new IllegalArgumentException(model + " was trained without probability estimates; retrain it with "
                    + "'petal train --probability' to use --proba");
        }
        List<String> features = loaded.metadata().featureNames();
        Matrix x = features.isEmpty() ? readUnnamed(clf.nFeatures()) : CsvReader.readFeatures(data, features);
        List<String> names = classNames(loaded, clf);
        int[] pred = clf.predict(x);
        Matrix dec = decision ? clf.decisionFunction(x) : null;
        Matrix prob = proba ? clf.predictProba(x) : null;

        StringBuilder out = new StringBuilder("prediction");
        if (dec != null) {
            for (int j = 0; j < dec.cols(); j++) {
                out.append(",decision_").append(j);
            }
        }
        if (prob != null) {
            for (String n : names) {
                out.append(",proba_").append(n);
            }
        }
        out.append('\n');
        int[] classes = clf.classes();
        for (int i = 0; i < pred.length; i++) {
            out.append(csvCell(names.get(indexOf(classes, pred[i]))));
            if (dec != null) {
                for (int j = 0; j < dec.cols(); j++) {
                    out.append(',').append(PyRepr.of(dec.get(i, j)));
                }
            }
            if (prob != null) {
                for (int j = 0; j < prob.cols(); j++) {
                    out.append(',').append(PyRepr.of(prob.get(i, j)));
                }
            }
            out.append('\n');
        }
        AtomicFile.write(output, out.toString().getBytes(StandardCharsets.UTF_8));
        spec.commandLine().getOut().printf("wrote %d predictions to %s%n", pred.length, output);
        return 0;
    }

    /** A model saved without feature names reads every column but the last when there is one more, else all. */
    private Matrix readUnnamed(int nFeatures) {
        List<String> header = CsvReader.header(data);
        if (header.size() != nFeatures && header.size() != nFeatures + 1) {
            throw new IllegalArgumentException(String.format("%s has %d columns, but the model expects %d features "
                    + "(plus an optional label column last)", data, header.size(), nFeatures));
        }
        return CsvReader.readFeatures(data, header.subList(0, nFeatures));
    }

    private static List<String> classNames(LoadedModel loaded, DecisionClassifier clf) {
        if (!loaded.metadata().classNames().isEmpty()) {
            return loaded.metadata().classNames();
        }
        List<String> names = new ArrayList<>();
        for (int c : clf.classes()) {
            names.add(Integer.toString(c));
        }
        return names;
    }

    private static int indexOf(int[] classes, int label) {
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] == label) {
                return i;
            }
        }
        throw new IllegalStateException("predicted label " + label + " is not among the model's classes");
    }

    private static String csvCell(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
