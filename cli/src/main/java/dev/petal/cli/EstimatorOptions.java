package dev.petal.cli;

import dev.petal.api.DecisionClassifier;
import dev.petal.api.Estimator;
import dev.petal.pipeline.Pipeline;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.svm.ClassWeight;
import dev.petal.svm.Gamma;
import dev.petal.svm.Kernel;
import dev.petal.svm.SVC;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The estimator flags {@code petal train} and {@code petal cv} share (a picocli mixin): scikit-learn's
 * SVC parameters under their command-line names, with scikit-learn's defaults, and {@code --scale}.
 */
final class EstimatorOptions {
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

    @Option(names = "--scale", description = "Standardize the features first: Pipeline(StandardScaler, estimator); "
            + "parameters are then named standardscaler__NAME and svc__NAME.")
    boolean scale;

    /** The SVC these flags describe. */
    SVC svc(CommandLine cl) {
        Kernel k = Kernel.parse(kernel);
        if (k instanceof Kernel.Precomputed) {
            throw new CommandLine.ParameterException(cl,
                    "--kernel precomputed is not available from the command line; use linear, rbf, poly or sigmoid");
        }
        ClassWeight cw = ClassWeight.none();
        if (classWeight != null) {
            if (!classWeight.equals("balanced")) {
                throw new CommandLine.ParameterException(cl, "--class-weight must be 'balanced', got '" + classWeight + "'");
            }
            cw = ClassWeight.balanced();
        }
        return SVC.defaults().withKernel(k).withC(c).withGamma(Gamma.parse(gamma)).withDegree(degree).withCoef0(coef0)
                .withTol(tol).withClassWeight(cw).withMaxIter(maxIter).withCacheSize(cacheSize)
                .withProbability(probability).withRandomState(randomState);
    }

    /** The estimator these flags describe: the SVC, or with {@code --scale} a StandardScaler then the SVC. */
    Estimator<? extends DecisionClassifier> estimator(CommandLine cl) {
        SVC svc = svc(cl);
        return scale ? Pipeline.of(StandardScaler.defaults(), svc) : svc;
    }
}
