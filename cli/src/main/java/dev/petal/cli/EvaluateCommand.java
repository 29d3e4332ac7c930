package dev.petal.cli;

import dev.petal.api.DecisionClassifier;
import dev.petal.check.ClassLabels;
import dev.petal.check.PyRepr;
import dev.petal.datasets.CsvReader;
import dev.petal.datasets.LabeledData;
import dev.petal.linalg.Matrix;
import dev.petal.metrics.Metrics;
import dev.petal.metrics.NumpyFormat;
import dev.petal.modelio.LoadedModel;
import dev.petal.modelio.ModelIO;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code petal evaluate}: a saved model against a labelled CSV file. For a classifier it prints the accuracy, the
 * confusion matrix in NumPy's layout and scikit-learn's {@code classification_report}, over the union of the model's
 * classes and the file's labels (sorted as {@code numpy.unique} sorts them, as scikit-learn does); for a regressor
 * R², the mean squared error and the mean absolute error.
 */
@Command(name = "evaluate", description = "Score a .petal model on a labelled CSV file: accuracy, confusion matrix and classification report, or R2, MSE and MAE.")
public final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "M.petal|NAME[:VERSION]|NAME@ALIAS",
            description = "A model file written by 'petal train' or ModelIO.save, or a registered model.")
    String modelSpec;

    @picocli.CommandLine.Mixin
    WorkspaceOption workspace;

    @Option(names = "--data", required = true, paramLabel = "LABELLED.csv",
            description = "Rows with their true labels; the model's feature columns are read by name.")
    Path data;

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "The label column (default: the one column that is not a model feature, else the last).")
    String label;

    @picocli.CommandLine.Mixin
    CsvOptionsMixin csv = new CsvOptionsMixin();

    @Override
    public Integer call() throws java.io.IOException {
        Path model = dev.petal.registry.ModelLocator.locate(modelSpec, workspace::openExisting).file();
        LoadedModel loaded = ModelIO.load(model);
        List<String> features = loaded.metadata().featureNames();
        LabeledData d = CsvReader.read(data, label != null ? label : defaultLabel(features), csv.options());
        Matrix x = features.isEmpty() ? d.x() : byName(d, features);
        if (loaded.isRegressor()) {
            return regression(model, loaded.asRegressor(), d, x);
        }
        DecisionClassifier clf = loaded.asClassifier();
        if (x.cols() != clf.nFeatures()) {
            throw new IllegalArgumentException(String.format("%s has %d feature columns, but the model expects %d; "
                    + "name the label column with --label", data, x.cols(), clf.nFeatures()));
        }
        int[] predicted = clf.predict(x);
        List<String> modelNames = PredictCommand.classNames(loaded.metadata().classNames(), clf);
        List<String> predictedText = new ArrayList<>(predicted.length);
        int[] classes = clf.classes();
        for (int p : predicted) {
            predictedText.add(modelNames.get(ClassLabels.indexOf(classes, p)));
        }
        boolean numeric = loaded.metadata().classNames().isEmpty() && !d.stringLabels();
        List<String> names = union(modelNames, d.labelTexts(), numeric);
        int[] yTrue = codes(d.labelTexts(), names, numeric);
        int[] yPred = codes(predictedText, names, numeric);
        int[] labels = numeric ? names.stream().mapToInt(Integer::parseInt).toArray() : range(names.size());

        PrintWriter out = spec.commandLine().getOut();
        out.println("Accuracy of " + model.getFileName() + " on " + d.nSamples() + " rows of " + data + ": "
                + PyRepr.of(Metrics.accuracy(yTrue, yPred)));
        out.println("Confusion matrix (rows: true label, columns: predicted; labels " + names + "):");
        out.println(NumpyFormat.format(Metrics.confusionMatrix(yTrue, yPred, labels)));
        out.println();
        out.print(Metrics.classificationReport(yTrue, yPred, labels, names, 2));
        out.flush();
        return 0;
    }

    /** A regressor's R², mean squared and mean absolute error on the file, as scikit-learn computes them. */
    private int regression(Path model, dev.petal.api.Regressor reg, LabeledData d, Matrix x) {
        if (x.cols() != reg.nFeatures()) {
            throw new IllegalArgumentException(String.format("%s has %d feature columns, but the model expects %d; "
                    + "name the label column with --label", data, x.cols(), reg.nFeatures()));
        }
        double[] y = LinearTraining.regressionTargets(d, data.toString(), "the model");
        double[] predicted = reg.predict(x);
        PrintWriter out = spec.commandLine().getOut();
        out.println("R2 of " + model.getFileName() + " on " + d.nSamples() + " rows of " + data + ": "
                + PyRepr.of(dev.petal.metrics.RegressionMetrics.r2Score(y, predicted)));
        out.println("Mean squared error: " + PyRepr.of(dev.petal.metrics.RegressionMetrics.meanSquaredError(y, predicted)));
        out.println("Mean absolute error: " + PyRepr.of(dev.petal.metrics.RegressionMetrics.meanAbsoluteError(y, predicted)));
        out.flush();
        return 0;
    }

    /** The one header column that is not a model feature, when there is exactly one; otherwise the last column. */
    private String defaultLabel(List<String> features) {
        if (features.isEmpty()) {
            return null;
        }
        List<String> others = new ArrayList<>(CsvReader.header(data, csv.options()));
        others.removeAll(features);
        others.removeAll(csv.options().ignoreColumns());
        if (csv.options().idColumn() != null) {
            others.remove(csv.options().idColumn());
        }
        return others.size() == 1 ? others.get(0) : null;
    }

    /** The feature columns in the model's order, found by name in the file. */
    private Matrix byName(LabeledData d, List<String> features) {
        List<String> fileFeatures = d.featureNames();
        int[] at = new int[features.size()];
        for (int j = 0; j < at.length; j++) {
            at[j] = fileFeatures.indexOf(features.get(j));
            if (at[j] < 0) {
                throw new IllegalArgumentException(data + " has no column '" + features.get(j) + "', a feature the model was trained on; "
                        + "its columns are " + d.header());
            }
        }
        Matrix all = d.x();
        double[][] rows = new double[all.rows()][at.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < at.length; j++) {
                rows[i][j] = all.get(i, at[j]);
            }
        }
        return Matrix.of(rows);
    }

    /** The sorted union of the model's classes and the file's labels: by value for integers, by text otherwise. */
    private List<String> union(List<String> modelNames, List<String> fileLabels, boolean numeric) {
        if (numeric) {
            TreeSet<Long> values = new TreeSet<>();
            for (String s : modelNames) {
                values.add(Long.parseLong(s));
            }
            for (String s : fileLabels) {
                values.add(Long.parseLong(s.strip()));
            }
            List<String> names = new ArrayList<>();
            values.forEach(v -> names.add(Long.toString(v)));
            return names;
        }
        TreeSet<String> all = new TreeSet<>(modelNames);
        all.addAll(fileLabels);
        return new ArrayList<>(all);
    }

    private static int[] codes(List<String> labels, List<String> names, boolean numeric) {
        int[] codes = new int[labels.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = numeric ? Integer.parseInt(labels.get(i).strip()) : names.indexOf(labels.get(i));
        }
        return codes;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
