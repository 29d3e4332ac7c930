package dev.petal.cli;

import dev.petal.datasets.CsvReader;
import dev.petal.io.OutputFiles;
import dev.petal.datasets.LabeledData;
import dev.petal.modelio.ModelIO;
import dev.petal.modelio.ModelMetadata;
import dev.petal.pipeline.Pipeline;
import dev.petal.pipeline.PipelineModel;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.svm.SVC;
import dev.petal.svm.SVCModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code petal train}: fits an SVC on a labelled CSV file and saves it as a Petal model file. */
@Command(name = "train", description = "Train an SVC, NuSVC, SVR, NuSVR, OneClassSVM, LinearSVC or LinearSVR on a labelled CSV (or svmlight) file and save it as a .petal model file.")
public final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "TRAIN.csv",
            description = "Training data: a header row, numeric features, a label column ('-' for standard input; .csv.gz read as gzip, .parquet as Parquet).")
    Path data;

    @Option(names = "--model", required = true, paramLabel = "OUT.petal", description = "Where to save the fitted model (written atomically).")
    Path model;

    @Option(names = "--label", paramLabel = "COLUMN", description = "The label column (default: the last column).")
    String label;

    @CommandLine.Mixin
    EstimatorOptions estimator;

    @Option(names = "--training-accuracy", description = "Also report the accuracy on the training rows (one more pass of predictions over them).")
    boolean trainingAccuracy;

    @CommandLine.Mixin
    CsvOptionsMixin csv = new CsvOptionsMixin();

    @Option(names = "--format", paramLabel = "csv|svmlight", defaultValue = "csv",
            description = "The training data's format: csv, or svmlight/libsvm (read as scikit-learn's load_svmlight_file, sparse) (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--progress-every", paramLabel = "SECONDS", defaultValue = "10",
            description = "While a libsvm-family fit runs, print a progress line to stderr this often (0: never; default: ${DEFAULT-VALUE}).")
    double progressEvery;

    /** Runs {@code fit} with a progress line to stderr every {@code --progress-every} seconds. */
    private <T> T withProgress(java.util.function.Supplier<T> fit) {
        if (!(progressEvery >= 0) || Double.isInfinite(progressEvery)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--progress-every must be a number of seconds >= 0, got "
                    + progressEvery);
        }
        if (progressEvery == 0) {
            return fit.get();
        }
        java.io.PrintWriter err = spec.commandLine().getErr();
        return dev.petal.svm.FitProgress.reporting(java.time.Duration.ofNanos(Math.max(1, (long) (progressEvery * 1e9))), line -> {
            synchronized (err) {
                err.println("petal: " + line);
                err.flush();
            }
        }, fit);
    }

    /** The fitted SVC, or the fitted StandardScaler + SVC pipeline with --scale (kept out of call() so X can go early). */
    private Object fit(SVC svc, LabeledData d) {
        return estimator.scale ? withProgress(() -> Pipeline.of(StandardScaler.defaults(), svc).fit(d.x(), d.y()))
                : withProgress(() -> svc.fit(d.x(), d.y()));
    }

    @Override
    public Integer call() throws Exception {
        if (!format.equals("csv") && !format.equals("svmlight")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format must be csv or svmlight, got '" + format + "'");
        }
        String name = estimator.estimatorName(spec.commandLine());
        if (EstimatorOptions.LIBSVM.contains(name) && (!name.equals("svc") || format.equals("svmlight"))) {
            return withProgress(() -> {
                try {
                    return LibsvmTraining.train(name, estimator, spec.commandLine(), data, format, label, csv.options(),
                            model, spec.commandLine().getOut(), spec.commandLine().getErr());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        if (!name.equals("svc")) {
            OutputFiles.resolve(model);
            return LinearTraining.train(name, estimator, spec.commandLine(), data, format, label, csv.options(), model,
                    spec.commandLine().getOut(), spec.commandLine().getErr());
        }
        SVC svc = estimator.svc(spec.commandLine());
        OutputFiles.resolve(model);   // refuse a device or folder before the work, not after
        Timings.mark("parsed");
        LabeledData d = CsvReader.read(data, label, csv.options());
        Timings.mark("read");
        ModelMetadata meta = new ModelMetadata(d.featureNames(), d.stringLabels() ? d.classNames() : List.of());
        SVCModel fitted;
        Object saved;
        saved = fit(svc, d);
        fitted = saved instanceof PipelineModel p ? (SVCModel) p.classifier() : (SVCModel) saved;
        Timings.mark("fitted");
        for (String w : fitted.warnings()) {
            spec.commandLine().getErr().println("warning: " + w);
        }
        String accuracy = trainingAccuracy
                ? String.format(", training accuracy %.4f", ((dev.petal.api.Classifier) saved).score(d.x(), d.y())) : "";
        int rows = d.x().rows();
        int cols = d.x().cols();
        d = null;   // X is not needed to save the model: let it go before the save's own buffers
        ModelIO.save(OutputFiles.resolve(model), saved, meta);
        Timings.mark("saved");
        int nsv = 0;
        for (int n : fitted.nSupport()) {
            nsv += n;
        }
        // appended, not printf: a Formatter's %d loads the locale data, milliseconds at the end of a cold command
        spec.commandLine().getOut().print(new StringBuilder("trained ").append(estimator.scale ? "StandardScaler + " : "")
                .append("SVC(kernel='").append(svc.kernel().pyName()).append("', C=")
                .append(dev.petal.check.PyRepr.of(svc.C())).append(", gamma=").append(svc.gamma()).append(") on ")
                .append(rows).append(" rows x ").append(cols).append(" features, ").append(fitted.classes().length)
                .append(" classes: ").append(nsv).append(" support vectors").append(accuracy).append("; saved ")
                .append(model).append(System.lineSeparator()));
        return 0;
    }
}
