package dev.petal.cli;

import dev.petal.datasets.Datasets;
import dev.petal.datasets.LabeledData;
import dev.petal.modelio.ModelIO;
import dev.petal.modelio.ModelMetadata;
import dev.petal.svm.ClassWeight;
import dev.petal.svm.Gamma;
import dev.petal.svm.Kernel;
import dev.petal.svm.SVC;
import dev.petal.svm.SVCModel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code petal train}: fits an SVC on a labelled CSV file and saves it as a Petal model file. */
@Command(name = "train", description = "Train an SVC on a labelled CSV file and save it as a .petal model file.")
public final class TrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "TRAIN.csv", description = "Training data: a header row, numeric features, a label column.")
    Path data;

    @Option(names = "--model", required = true, paramLabel = "OUT.petal", description = "Where to save the fitted model (written atomically).")
    Path model;

    @Option(names = "--label", paramLabel = "COLUMN", description = "The label column (default: the last column).")
    String label;

    @Option(names = "--kernel", paramLabel = "K", defaultValue = "rbf", description = "linear, rbf, poly or sigmoid (default: ${DEFAULT-VALUE}).")
    String kernel;

    @Option(names = "--C", paramLabel = "F", defaultValue = "1.0", description = "Penalty C > 0 (default: ${DEFAULT-VALUE}).")
    double c;

    @Option(names = "--gamma", paramLabel = "scale|auto|F", defaultValue = "scale", description = "Kernel coefficient (default: ${DEFAULT-VALUE}).")
    String gamma;

    @Option(names = "--degree", paramLabel = "N", defaultValue = "3", description = "Degree of the poly kernel (default: ${DEFAULT-VALUE}).")
    int degree;

    @Option(names = "--coef0", paramLabel = "F", defaultValue = "0.0", description = "Independent term of poly and sigmoid kernels (default: ${DEFAULT-VALUE}).")
    double coef0;

    @Option(names = "--tol", paramLabel = "F", defaultValue = "0.001", description = "Stopping tolerance (default: ${DEFAULT-VALUE}).")
    double tol;

    @Option(names = "--class-weight", paramLabel = "balanced", description = "'balanced' weighs C by inverse class frequency.")
    String classWeight;

    @Option(names = "--max-iter", paramLabel = "N", defaultValue = "-1", description = "Solver iteration limit per class pair, -1 for none (default: ${DEFAULT-VALUE}).")
    int maxIter;

    @Option(names = "--cache-size", paramLabel = "MB", defaultValue = "200", description = "Kernel cache size in MB (default: ${DEFAULT-VALUE}).")
    double cacheSize;

    @Option(names = "--probability", description = "Also fit Platt scaling so that 'petal predict --proba' works (slower: 5-fold CV).")
    boolean probability;

    @Option(names = "--random-state", paramLabel = "N", description = "Seed of the probability calibration's cross-validation.")
    Long randomState;

    @Override
    public Integer call() throws Exception {
        SVC svc = configure();
        LabeledData d = Datasets.readCsv(data, label);
        ModelMetadata meta = new ModelMetadata(d.featureNames(), d.stringLabels() ? d.classNames() : List.of());
        SVCModel fitted = svc.fit(d.x(), d.y());
        for (String w : fitted.warnings()) {
            spec.commandLine().getErr().println("warning: " + w);
        }
        ModelIO.save(model, fitted, meta);
        int nsv = Arrays.stream(fitted.nSupport()).sum();
        spec.commandLine().getOut().printf("trained SVC(kernel='%s', C=%s, gamma=%s) on %d rows x %d features, %d classes: "
                        + "%d support vectors, training accuracy %.4f; saved %s%n",
                svc.kernel().pyName(), dev.petal.check.PyRepr.of(svc.C()), svc.gamma(), d.x().rows(), d.x().cols(),
                fitted.classes().length, nsv, fitted.score(d.x(), d.y()), model);
        return 0;
    }

    private SVC configure() {
        Kernel k = Kernel.parse(kernel);
        if (k instanceof Kernel.Precomputed) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--kernel precomputed is not available from the command line; use linear, rbf, poly or sigmoid");
        }
        ClassWeight cw = ClassWeight.none();
        if (classWeight != null) {
            if (!classWeight.equals("balanced")) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--class-weight must be 'balanced', got '" + classWeight + "'");
            }
            cw = ClassWeight.balanced();
        }
        return SVC.defaults().withKernel(k).withC(c).withGamma(Gamma.parse(gamma)).withDegree(degree).withCoef0(coef0)
                .withTol(tol).withClassWeight(cw).withMaxIter(maxIter).withCacheSize(cacheSize)
                .withProbability(probability).withRandomState(randomState);
    }
}
