package dev.petal.cli;

import dev.petal.api.DecisionClassifier;
import dev.petal.api.Estimator;
import dev.petal.pipeline.Pipeline;
import dev.petal.preprocessing.StandardScaler;
import dev.petal.svm.ClassWeight;
import dev.petal.svm.Gamma;
import dev.petal.svm.Kernel;
import dev.petal.svm.NuSVC;
import dev.petal.svm.NuSVR;
import dev.petal.svm.OneClassSVM;
import dev.petal.svm.SVC;
import dev.petal.svm.SVR;
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

    @Option(names = "--tol", paramLabel = "F", description = "Stopping tolerance (default: 0.001 for svc, 0.0001 for linearsvc and linearsvr).")
    Double tol;

    @Option(names = "--class-weight", paramLabel = "balanced", description = "'balanced' weighs C by inverse class frequency.")
    String classWeight;

    @Option(names = "--max-iter", paramLabel = "N", description = "Solver iteration limit (default: -1, none, for svc; 1000 for linearsvc and linearsvr).")
    Integer maxIter;

    @Option(names = "--cache-size", paramLabel = "MB", defaultValue = "200", description = "Kernel cache size in MB (default: ${DEFAULT-VALUE}).")
    double cacheSize;

    @Option(names = "--probability", description = "Also fit Platt scaling so that 'petal predict --proba' works (slower: 5-fold CV).")
    boolean probability;

    @Option(names = "--random-state", paramLabel = "N", description = "Seed of the probability calibration's cross-validation (svc) or of liblinear's coordinate order (linearsvc, linearsvr).")
    Long randomState;

    @Option(names = "--estimator", paramLabel = "NAME", defaultValue = "svc",
            description = "svc, nusvc, svr, nusvr, oneclass, linearsvc or linearsvr (default: ${DEFAULT-VALUE}).")
    String estimatorName;

    @Option(names = "--nu", paramLabel = "F", description = "nusvc, nusvr, oneclass: nu in (0, 1] (default: 0.5).")
    Double nu;

    @Option(names = "--loss", paramLabel = "LOSS", description = "linearsvc: hinge or squared_hinge (default); linearsvr: epsilon_insensitive (default) or squared_epsilon_insensitive.")
    String loss;

    @Option(names = "--penalty", paramLabel = "l1|l2", description = "linearsvc: the norm of the penalty (default: l2).")
    String penalty;

    @Option(names = "--dual", paramLabel = "true|false", description = "linearsvc, linearsvr: solve the dual problem (default: true).")
    String dual;

    @Option(names = "--epsilon", paramLabel = "F", description = "svr, linearsvr: half-width of the insensitive tube (default: 0.1 for svr, 0.0 for linearsvr).")
    Double epsilon;

    @Option(names = "--multi-class", paramLabel = "ovr|crammer_singer", description = "linearsvc: the multi-class strategy (default: ovr).")
    String multiClass;

    @Option(names = "--fit-intercept", paramLabel = "true|false", description = "linearsvc, linearsvr: fit an intercept (default: true).")
    String fitIntercept;

    @Option(names = "--intercept-scaling", paramLabel = "F", description = "linearsvc, linearsvr: the value of the synthetic intercept feature (default: 1.0).")
    Double interceptScaling;

    /** The regressors: fitted with real targets. */
    static final java.util.List<String> REGRESSORS = java.util.List.of("svr", "nusvr", "linearsvr");

    /** The libsvm estimators: they share the kernel flags. */
    static final java.util.List<String> LIBSVM = java.util.List.of("svc", "nusvc", "svr", "nusvr", "oneclass");

    /** Every flag that applies to some estimators only, with those estimators. */
    private static final java.util.Map<String, java.util.List<String>> ONLY_FOR = java.util.Map.ofEntries(
            java.util.Map.entry("--kernel", LIBSVM), java.util.Map.entry("--gamma", LIBSVM),
            java.util.Map.entry("--degree", LIBSVM), java.util.Map.entry("--coef0", LIBSVM),
            java.util.Map.entry("--cache-size", LIBSVM),
            java.util.Map.entry("--probability", java.util.List.of("svc", "nusvc")),
            java.util.Map.entry("--class-weight", java.util.List.of("svc", "nusvc", "linearsvc")),
            java.util.Map.entry("--random-state", java.util.List.of("svc", "nusvc", "linearsvc", "linearsvr")),
            java.util.Map.entry("--C", java.util.List.of("svc", "svr", "nusvr", "linearsvc", "linearsvr")),
            java.util.Map.entry("--nu", java.util.List.of("nusvc", "nusvr", "oneclass")),
            java.util.Map.entry("--epsilon", java.util.List.of("svr", "linearsvr")),
            java.util.Map.entry("--penalty", java.util.List.of("linearsvc")),
            java.util.Map.entry("--multi-class", java.util.List.of("linearsvc")),
            java.util.Map.entry("--loss", java.util.List.of("linearsvc", "linearsvr")),
            java.util.Map.entry("--dual", java.util.List.of("linearsvc", "linearsvr")),
            java.util.Map.entry("--fit-intercept", java.util.List.of("linearsvc", "linearsvr")),
            java.util.Map.entry("--intercept-scaling", java.util.List.of("linearsvc", "linearsvr")));

    /** The estimator name, after checking it and that every flag given applies to it. */
    String estimatorName(CommandLine cl) {
        java.util.List<String> known = java.util.List.of("svc", "nusvc", "svr", "nusvr", "oneclass", "linearsvc", "linearsvr");
        if (!known.contains(estimatorName)) {
            throw new CommandLine.ParameterException(cl, "--estimator must be one of " + known + ", got '" + estimatorName + "'");
        }
        CommandLine.ParseResult pr = cl.getParseResult();
        for (String flag : new java.util.TreeSet<>(ONLY_FOR.keySet())) {
            if (!ONLY_FOR.get(flag).contains(estimatorName) && pr != null && pr.hasMatchedOption(flag)) {
                throw new CommandLine.ParameterException(cl, flag + " does not apply to --estimator " + estimatorName);
            }
        }
        return estimatorName;
    }

    private static boolean bool(CommandLine cl, String flag, String v, boolean dflt) {
        if (v == null) {
            return dflt;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw new CommandLine.ParameterException(cl, flag + " must be true or false, got '" + v + "'");
        }
        return v.equals("true");
    }

    private ClassWeight classWeight(CommandLine cl) {
        if (classWeight == null) {
            return ClassWeight.none();
        }
        if (!classWeight.equals("balanced")) {
            throw new CommandLine.ParameterException(cl, "--class-weight must be 'balanced', got '" + classWeight + "'");
        }
        return ClassWeight.balanced();
    }

    /** The LinearSVC these flags describe (scikit-learn's defaults for what is not given). */
    dev.petal.linear.LinearSVC linearSvc(CommandLine cl) {
        dev.petal.linear.LinearSVC d = dev.petal.linear.LinearSVC.defaults();
        return new dev.petal.linear.LinearSVC(penalty != null ? penalty : d.penalty(), loss != null ? loss : d.loss(),
                bool(cl, "--dual", dual, d.dual()), tol != null ? tol : d.tol(), c, multiClass != null ? multiClass : d.multiClass(),
                bool(cl, "--fit-intercept", fitIntercept, d.fitIntercept()),
                interceptScaling != null ? interceptScaling : d.interceptScaling(), classWeight(cl), randomState,
                maxIter != null ? maxIter : d.maxIter());
    }

    /** The LinearSVR these flags describe (scikit-learn's defaults for what is not given). */
    dev.petal.linear.LinearSVR linearSvr(CommandLine cl) {
        dev.petal.linear.LinearSVR d = dev.petal.linear.LinearSVR.defaults();
        return new dev.petal.linear.LinearSVR(epsilon != null ? epsilon : d.epsilon(), tol != null ? tol : d.tol(), c,
                loss != null ? loss : d.loss(), bool(cl, "--fit-intercept", fitIntercept, d.fitIntercept()),
                interceptScaling != null ? interceptScaling : d.interceptScaling(), bool(cl, "--dual", dual, d.dual()),
                randomState, maxIter != null ? maxIter : d.maxIter());
    }

    @Option(names = "--scale", description = "Standardize the features first: Pipeline(StandardScaler, estimator); "
            + "parameters are then named standardscaler__NAME and svc__NAME.")
    boolean scale;

    /** The SVC these flags describe. */
    SVC svc(CommandLine cl) {
        Kernel k = kernel(cl);
        ClassWeight cw = classWeight(cl);
        return SVC.defaults().withKernel(k).withC(c).withGamma(Gamma.parse(gamma)).withDegree(degree).withCoef0(coef0)
                .withTol(tol != null ? tol : 1e-3).withClassWeight(cw).withMaxIter(maxIter != null ? maxIter : -1).withCacheSize(cacheSize)
                .withProbability(probability).withRandomState(randomState);
    }

    private Kernel kernel(CommandLine cl) {
        Kernel k = Kernel.parse(kernel);
        if (k instanceof Kernel.Precomputed) {
            throw new CommandLine.ParameterException(cl,
                    "--kernel precomputed is not available from the command line; use linear, rbf, poly or sigmoid");
        }
        return k;
    }

    /** The NuSVC these flags describe (scikit-learn's defaults for what is not given). */
    NuSVC nuSvc(CommandLine cl) {
        return NuSVC.defaults().withNu(nu != null ? nu : 0.5).withKernel(kernel(cl)).withGamma(Gamma.parse(gamma))
                .withDegree(degree).withCoef0(coef0).withTol(tol != null ? tol : 1e-3).withClassWeight(classWeight(cl))
                .withMaxIter(maxIter != null ? maxIter : -1).withCacheSize(cacheSize).withProbability(probability)
                .withRandomState(randomState);
    }

    /** The SVR these flags describe. */
    SVR svr(CommandLine cl) {
        return SVR.defaults().withKernel(kernel(cl)).withGamma(Gamma.parse(gamma)).withDegree(degree).withCoef0(coef0)
                .withTol(tol != null ? tol : 1e-3).withC(c).withEpsilon(epsilon != null ? epsilon : 0.1)
                .withMaxIter(maxIter != null ? maxIter : -1).withCacheSize(cacheSize);
    }

    /** The NuSVR these flags describe. */
    NuSVR nuSvr(CommandLine cl) {
        return NuSVR.defaults().withNu(nu != null ? nu : 0.5).withC(c).withKernel(kernel(cl)).withGamma(Gamma.parse(gamma))
                .withDegree(degree).withCoef0(coef0).withTol(tol != null ? tol : 1e-3)
                .withMaxIter(maxIter != null ? maxIter : -1).withCacheSize(cacheSize);
    }

    /** The OneClassSVM these flags describe. */
    OneClassSVM oneClass(CommandLine cl) {
        return OneClassSVM.defaults().withNu(nu != null ? nu : 0.5).withKernel(kernel(cl)).withGamma(Gamma.parse(gamma))
                .withDegree(degree).withCoef0(coef0).withTol(tol != null ? tol : 1e-3)
                .withMaxIter(maxIter != null ? maxIter : -1).withCacheSize(cacheSize);
    }

    /**
     * The regressor these flags describe ({@code --estimator svr, nusvr or linearsvr}), with {@code --scale} a
     * StandardScaler then it ({@code standardscaler__NAME}, {@code svr__NAME}, {@code linearsvr__NAME}).
     */
    dev.petal.api.RegressorEstimator<?> regressor(CommandLine cl) {
        String name = estimatorName(cl);
        if (!REGRESSORS.contains(name)) {
            throw new CommandLine.ParameterException(cl, "--estimator " + name + " is not a regressor");
        }
        dev.petal.api.RegressorEstimator<? extends dev.petal.api.Regressor> est = switch (name) {
            case "svr" -> svr(cl);
            case "nusvr" -> nuSvr(cl);
            default -> linearSvr(cl);
        };
        return scale ? dev.petal.pipeline.RegressorPipeline.of(StandardScaler.defaults(), est) : est;
    }

    /** The estimator these flags describe: the classifier, or with {@code --scale} a StandardScaler then it. */
    Estimator<? extends DecisionClassifier> estimator(CommandLine cl) {
        String name = estimatorName(cl);
        if (name.equals("linearsvr") || name.equals("svr") || name.equals("nusvr") || name.equals("oneclass")) {
            throw new CommandLine.ParameterException(cl, "this command takes classifiers; --estimator " + name + " is "
                    + (name.equals("oneclass") ? "an outlier detector" : "a regressor"));
        }
        Estimator<? extends DecisionClassifier> est = name.equals("linearsvc") ? linearSvc(cl)
                : name.equals("nusvc") ? nuSvc(cl) : svc(cl);
        return scale ? Pipeline.of(StandardScaler.defaults(), est) : est;
    }
}
