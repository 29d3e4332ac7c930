package dev.petal.cli;

import dev.petal.serving.ModelSource;
import dev.petal.serving.ServedModel;
import dev.petal.tracking.ComputeTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code petal score}: batch scoring of a file with a model file or a registered model, in bounded
 * memory (a chunk of rows at a time), writing the same columns as {@code predict}.
 */
@Command(name = "score", description = "Score a data file with a model file or a registered model; write the same columns as 'predict'.")
public final class ScoreCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "M.petal|NAME[:VERSION]",
            description = "A .petal model file, or a registered model: NAME (latest), NAME:VERSION or NAME@ALIAS.")
    String model;

    @Option(names = "--data", required = true, paramLabel = "IN.csv", description = "Rows to score ('-' for standard input; .csv.gz read as gzip, .parquet as Parquet).")
    Path data;

    @Option(names = "--output", required = true, paramLabel = "OUT.csv",
            description = "Where to write the scores ('-' for standard output; .parquet written as Parquet; written atomically, through a symbolic link).")
    Path output;

    @Option(names = "--decision-function", description = "Add columns decision_0..decision_{k-1} with scikit-learn's decision_function values.")
    boolean decision;

    @Option(names = "--proba", description = "Add columns proba_<class> (the model must have been trained with --probability).")
    boolean proba;

    @Option(names = "--target", paramLabel = "TARGET", defaultValue = "local",
            description = "Where to score: local (this JVM, streaming), spark:local[N], spark://HOST:PORT or a target named in"
                    + " the workspace's computes/ (Spark: CSV or Parquet in, CSV in row order or a Parquet folder out).")
    String target;

    @CommandLine.Mixin
    SparkConfOption sparkConf = new SparkConfOption();

    @CommandLine.Mixin
    CsvOptionsMixin csv = new CsvOptionsMixin();

    @CommandLine.Mixin
    WorkspaceOption workspace = new WorkspaceOption();

    @Override
    public Integer call() throws Exception {
        ComputeTarget t = sparkConf.apply(SparkDriver.target(target, workspace::open), spec.commandLine());
        if (t.isSpark()) {
            return scoreOnSpark(t);
        }
        ServedModel m = ModelSource.resolve(model, workspace::openExisting);
        return PredictCommand.run(spec, model, m.classifier(), m.featureNames(),
                PredictCommand.classNames(m.classNames(), m.classifier()), data, output, csv, decision, proba);
    }

    private int scoreOnSpark(ComputeTarget t) throws Exception {
        if (data.toString().equals("-") || output.toString().equals("-")) {
            throw new IllegalArgumentException("--target " + target + " scores files: give --data and --output as files,"
                    + " not '-'");
        }
        if (!SparkDriver.here(t)) {
            return SparkDriver.relaunch(spec, t);
        }
        Path file = dev.petal.registry.ModelLocator.locate(model, workspace::openExisting).file();
        if (java.nio.file.Files.isDirectory(file)) {
            try (var s = java.nio.file.Files.walk(file)) {
                List<Path> models = s.filter(p -> p.toString().endsWith(".petal")).toList();
                if (models.size() != 1) {
                    throw new IllegalArgumentException("model " + model + " is a folder with " + models.size()
                            + " .petal files; scoring needs exactly one");
                }
                file = models.get(0);
            }
        }
        long n = SparkDriver.backend(t).scoreFile(t, file, data.toString(), output, decision, proba);
        spec.commandLine().getOut().printf("wrote %d predictions to %s%n", n, output);
        return 0;
    }
}
