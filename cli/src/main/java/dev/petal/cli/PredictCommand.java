package dev.petal.cli;

import dev.petal.api.DecisionClassifier;
import dev.petal.check.ClassLabels;
import dev.petal.modelio.LoadedModel;
import dev.petal.modelio.ModelIO;
import dev.petal.io.OutputFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code petal predict}: applies a saved model to a CSV file, a chunk of rows at a time. The output has
 * the column {@code prediction}, then optionally {@code decision_0..k-1} (scikit-learn's
 * decision_function, 'ovr' shape) and {@code proba_<class>}; with {@code --id-column} the id comes first.
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

    @Option(names = "--data", required = true, paramLabel = "TEST.csv",
            description = "Rows to predict ('-' for standard input; .csv.gz read as gzip, .parquet as Parquet); the model's feature columns are read by name, a label column is ignored.")
    Path data;

    @Option(names = "--output", required = true, paramLabel = "OUT.csv",
            description = "Where to write the predictions ('-' for standard output; .parquet written as Parquet; written atomically, through a symbolic link).")
    Path output;

    @Option(names = "--decision-function", description = "Add columns decision_0..decision_{k-1} with scikit-learn's decision_function values.")
    boolean decision;

    @Option(names = "--proba", description = "Add columns proba_<class> (the model must have been trained with --probability).")
    boolean proba;

    @CommandLine.Mixin
    CsvOptionsMixin csv = new CsvOptionsMixin();

    @Option(names = "--format", paramLabel = "csv|svmlight", defaultValue = "csv",
            description = "The data's format: csv, or svmlight/libsvm (targets ignored) (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws Exception {
        Path model = dev.petal.registry.ModelLocator.locate(modelSpec, workspace::openExisting).file();
        LoadedModel loaded = ModelIO.load(model);
        if (!format.equals("csv") && !format.equals("svmlight")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format must be csv or svmlight, got '" + format + "'");
        }
        if (loaded.model() instanceof dev.petal.api.OutlierDetector oc && format.equals("csv")) {
            if (proba) {
                throw new IllegalArgumentException(model + " holds a one_class_svm, which has no predict_proba; drop --proba");
            }
            long n = LinearPredictions.oneClassCsv(oc, loaded.metadata().featureNames(), data, csv.options(), output, decision,
                    spec.commandLine().getOut());
            if (!OutputFiles.isStdout(output)) {
                spec.commandLine().getOut().printf("wrote %d predictions to %s%n", n, output);
            }
            return 0;
        }
        if (format.equals("svmlight") || loaded.isRegressor()) {
            long n;
            if (format.equals("svmlight")) {
                List<String> names = loaded.isClassifier()
                        ? classNames(loaded.metadata().classNames(), loaded.asClassifier()) : List.of();
                n = LinearPredictions.svmlight(loaded.model(), names, data, output, decision, proba, spec.commandLine().getOut());
            } else {
                if (decision || proba) {
                    throw new IllegalArgumentException(model + " holds a regressor (" + loaded.type().id() + "), which has no "
                            + (decision ? "decision_function; drop --decision-function" : "predict_proba; drop --proba"));
                }
                n = LinearPredictions.regressorCsv(loaded.asRegressor(), loaded.metadata().featureNames(), data, csv.options(),
                        output, spec.commandLine().getOut());
            }
            if (!OutputFiles.isStdout(output)) {
                spec.commandLine().getOut().printf("wrote %d predictions to %s%n", n, output);
            }
            return 0;
        }
        DecisionClassifier clf = loaded.asClassifier();
        return run(spec, model.toString(), clf, loaded.metadata().featureNames(), classNames(loaded.metadata().classNames(), clf),
                data, output, csv, decision, proba);
    }

    /** Predicts {@code data} into {@code output} and reports it (shared with {@code score}). */
    static int run(CommandLine.Model.CommandSpec spec, String modelName, DecisionClassifier clf, List<String> features,
                   List<String> classNames, Path data, Path output, CsvOptionsMixin csv, boolean decision, boolean proba) throws Exception {
        if (proba && !clf.supportsProba()) {
            throw new IllegalArgumentException(modelName + " was trained without probability estimates; retrain it with "
                    + "'petal train --probability' to use --proba");
        }
        Predictions p = new Predictions(clf, features, classNames, decision, proba);
        long n = p.write(data, csv.options(), output, spec.commandLine().getOut());
        if (!OutputFiles.isStdout(output)) {
            spec.commandLine().getOut().printf("wrote %d predictions to %s%n", n, output);
        }
        return 0;
    }

    /** The class names saved with the model, or its integer classes as text. */
    static List<String> classNames(List<String> saved, DecisionClassifier clf) {
        return ClassLabels.names(saved, clf.classes());
    }
}
