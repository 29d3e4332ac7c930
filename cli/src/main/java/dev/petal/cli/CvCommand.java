package dev.petal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.petal.api.DecisionClassifier;
import dev.petal.api.Estimator;
import dev.petal.api.RegressorEstimator;
import dev.petal.api.HasParams;
import dev.petal.api.Params;
import dev.petal.check.PyRepr;
import dev.petal.datasets.CsvReader;
import dev.petal.datasets.LabeledData;
import dev.petal.datasets.SvmlightData;
import dev.petal.linalg.RowSource;
import dev.petal.modelio.ModelIO;
import dev.petal.modelio.ModelMetadata;
import dev.petal.selection.CrossValResult;
import dev.petal.selection.CrossValidation;
import dev.petal.selection.CvOptions;
import dev.petal.selection.CvResults;
import dev.petal.selection.ErrorScore;
import dev.petal.selection.GridSearchCV;
import dev.petal.selection.ParameterGrid;
import dev.petal.selection.RandomizedSearchCV;
import dev.petal.selection.SearchResult;
import dev.petal.registry.Model;
import dev.petal.tracking.Experiment;
import dev.petal.tracking.Run;
import dev.petal.tracking.SearchRuns;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code petal cv}: scikit-learn's {@code cross_val_score} of a classifier or regressor on a labelled CSV
 * file (or an svmlight file, cross-validated as CSR), with {@code --param} its {@code GridSearchCV}, with {@code --n-iter} its {@code RandomizedSearchCV};
 * {@code --json} prints scikit-learn's key names. Under {@code --experiment} each candidate becomes a child
 * run as soon as its folds are done.
 */
@Command(name = "cv", description = "Cross-validate a classifier or regressor on a labelled CSV file (cross_val_score), "
        + "search a parameter grid with --param (GridSearchCV), or sample it with --n-iter (RandomizedSearchCV), with "
        + "scikit-learn's folds, scores and ranks.")
public final class CvCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "TRAIN.csv", description = "Labelled data: a header row, numeric features, a label column (or an svmlight file with --format svmlight).")
    Path data;

    @Option(names = "--format", paramLabel = "csv|svmlight", defaultValue = "csv",
            description = "The data's format: csv, or svmlight/libsvm (read as scikit-learn's load_svmlight_file, sparse; "
                    + "folds are row subsets of the CSR matrix) (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--label", paramLabel = "COLUMN", description = "The label column (default: the last column).")
    String label;

    @CommandLine.Mixin
    EstimatorOptions estimator;

    @CommandLine.Mixin
    CsvOptionsMixin csv = new CsvOptionsMixin();

    @Option(names = "--cv", paramLabel = "K", defaultValue = "5", description = "Number of folds: StratifiedKFold(K) for a "
            + "classifier, KFold(K) for a regressor, no shuffling (default: ${DEFAULT-VALUE}).")
    int cv;

    @Option(names = "--scoring", paramLabel = "NAME", description = "A scikit-learn scorer name (default: the estimator's "
            + "own score, accuracy for a classifier, r2 for a regressor).")
    String scoring;

    @Option(names = "--param", paramLabel = "NAME=EXPR", description = "A parameter to search, by scikit-learn's name (C, "
            + "kernel, gamma; svc__C with --scale); repeat for more. EXPR is choice(a, b, ...) (a grid dimension: "
            + "GridSearchCV), or with --n-iter also one of scipy.stats' distributions with scipy's arguments: "
            + "uniform(loc, scale), loguniform(a, b), randint(low, high).")
    List<String> params = new ArrayList<>();

    @Option(names = "--n-iter", paramLabel = "N", description = "Sample N candidates from the --param values: "
            + "RandomizedSearchCV(n_iter=N).")
    Integer nIter;

    @Option(names = "--seed", paramLabel = "S", description = "RandomizedSearchCV's random_state (default: 0).")
    Long seed;

    @Option(names = "--target", paramLabel = "TARGET", defaultValue = "local", description = "Where the (candidate, fold) fits "
            + "run: local (this machine's cores, the default) or a task backend's target such as spark:local[2].")
    String target;

    @CommandLine.Mixin
    SparkConfOption sparkConf = new SparkConfOption();

    @Option(names = "--n-jobs", paramLabel = "N", description = "Fits running at once on the local target (default: every core).")
    Integer nJobs;

    @Option(names = "--error-score", paramLabel = "raise|nan|F", defaultValue = "nan", description = "What a failing fit scores (default: ${DEFAULT-VALUE}; 'raise' stops at the first).")
    String errorScore;

    @Option(names = "--return-train-score", description = "Also score each fit on its training rows.")
    boolean returnTrainScore;

    @Option(names = "--model", paramLabel = "BEST.petal", description = "Save the best candidate refitted on all rows (without --param: the estimator fitted on all rows).")
    Path model;

    @Option(names = "--json", description = "Print the result as JSON with scikit-learn's key names.")
    boolean json;

    @Option(names = "--experiment", paramLabel = "NAME", description = "Record the search as a run of this experiment, "
            + "each candidate a child run with its scores (like a sweep).")
    String experiment;

    @Option(names = "--register", paramLabel = "NAME", description = "Register the --model file as a new version of "
            + "model NAME, from the tracked run (implies --experiment petal-cv unless given).")
    String register;

    @CommandLine.Mixin
    WorkspaceOption workspace;

    @Override
    public Integer call() throws Exception {
        CommandLine cl = spec.commandLine();
        String name = estimator.estimatorName(cl);
        if (name.equals("oneclass")) {
            throw new CommandLine.ParameterException(cl, "petal cv takes classifiers and regressors; --estimator oneclass "
                    + "is an outlier detector");
        }
        boolean regression = EstimatorOptions.REGRESSORS.contains(name);
        Object est = regression ? estimator.regressor(cl) : estimator.estimator(cl);
        if (!format.equals("csv") && !format.equals("svmlight")) {
            throw new CommandLine.ParameterException(cl, "--format must be csv or svmlight, got '" + format + "'");
        }
        if (format.equals("svmlight") && label != null) {
            throw new CommandLine.ParameterException(cl, "--label does not apply to --format svmlight (the target is the "
                    + "first field of each line)");
        }
        CvParams space = CvParams.parse(cl, params);
        checkSearch(cl, space);
        if (cv < 2) {
            throw new CommandLine.ParameterException(cl, "--cv must be at least 2 (k-fold cross-validation requires at least "
                    + "one train/test split), got " + cv);
        }
        CvOptions options = CvOptions.defaults().withCv(cv).withScoring(scoring).withErrorScore(errorScore(cl))
                .withReturnTrainScore(returnTrainScore).withRefit(model != null);
        if (nJobs != null) {
            if (nJobs < 1) {
                throw new CommandLine.ParameterException(cl, "--n-jobs must be at least 1, got " + nJobs);
            }
            options = options.withNJobs(nJobs);
        }
        if (scoring != null) {
            try {
                dev.petal.metrics.Scorers.get(scoring);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--scoring: " + e.getMessage());
            }
        }
        if (est instanceof HasParams h) {
            for (String p : space.names()) {
                if (!h.params().containsKey(p)) {
                    // scikit-learn's class names: a Pipeline ending in a regressor is a Pipeline too
                    String owner = est instanceof dev.petal.pipeline.RegressorPipeline ? "Pipeline" : est.getClass().getSimpleName();
                    throw new CommandLine.ParameterException(cl, "--param: " + Params.unknown(owner, p, h.params().keySet())
                            .getMessage());
                }
            }
        }
        if (register != null && model == null) {
            throw new CommandLine.ParameterException(cl, "--register needs --model BEST.petal (the file to register)");
        }
        if (register != null && experiment == null) {
            experiment = "petal-cv";
        }
        if (experiment != null) {
            Experiment.validateName(experiment);
        }
        dev.petal.tracking.ComputeTarget computeTarget = sparkConf.apply(SparkDriver.target(target, workspace::open), cl);
        if (!SparkDriver.here(computeTarget)) {
            return SparkDriver.relaunch(spec, computeTarget);
        }
        if (computeTarget.isSpark()) {
            // starts the session with the target's settings (and checks the cluster); the task backend then uses it
            SparkDriver.backend(computeTarget).prepare(computeTarget);
            target = computeTarget.id();   // a named target as the task backend's target
        }
        CvData cvData = read(cl, est, name, regression);
        Run run = experiment == null ? null : new Experiment(workspace.open(), experiment).startLogging("petal cv");
        try {
            search(cl, cvData, space, options, run);
            if (run != null) {
                run.complete();
            }
        } catch (Exception | Error e) {
            if (run != null) {
                run.fail(e);
            }
            throw e;
        }
        return 0;
    }

    /** Reads the rows: CSV (dense), or svmlight as CSR (dense with --scale, as petal train: StandardScaler centres them). */
    private CvData read(CommandLine cl, Object est, String name, boolean regression) throws java.io.IOException {
        String source = data.toString();
        if (format.equals("svmlight")) {
            SvmlightData sd = LinearTraining.svmlight(data, 0);
            RowSource x = estimator.scale ? sd.x().toDense() : sd.x();
            return regression ? new CvData(est, x, null, sd.y(), ModelMetadata.NONE)
                    : new CvData(est, x, LinearTraining.classLabels(sd.y(), source), null, ModelMetadata.NONE);
        }
        LabeledData d = CsvReader.read(data, label, csv.options());
        return regression
                ? new CvData(est, d.x(), null, LinearTraining.regressionTargets(d, source, name),
                        ModelMetadata.ofFeatureNames(d.featureNames()))
                : new CvData(est, d.x(), d.y(), null,
                        new ModelMetadata(d.featureNames(), d.stringLabels() ? d.classNames() : List.of()));
    }

    /**
     * The estimator and the rows it is cross-validated on (dense, or CSR from svmlight): class labels, or real targets
     * for a regressor; the names a saved model keeps.
     */
    private record CvData(Object estimator, RowSource x, int[] labels, double[] targets, ModelMetadata names) {
        boolean regression() {
            return targets != null;
        }

        @SuppressWarnings("unchecked")
        CrossValResult crossValidate(CvOptions options) {
            return regression()
                    ? CrossValidation.crossValidate((RegressorEstimator<Object>) estimator, x, targets, options)
                    : CrossValidation.crossValidate((Estimator<DecisionClassifier>) estimator, x, labels, options);
        }

        @SuppressWarnings("unchecked")
        Object fit() {
            if (x instanceof dev.petal.linalg.Matrix m) {
                return regression() ? ((RegressorEstimator<Object>) estimator).fit(m, targets)
                        : ((Estimator<DecisionClassifier>) estimator).fit(m, labels);
            }
            return regression() ? ((RegressorEstimator<Object>) estimator).fit(x, targets)
                    : ((Estimator<DecisionClassifier>) estimator).fit(x, labels);
        }

        SearchResult<Object> search(CvParams space, Integer nIter, Long seed, CvOptions options) {
            if (nIter == null) {
                GridSearchCV<Object> g = new GridSearchCV<>(estimator, ParameterGrid.of(space.grid()), options);
                return regression() ? g.fit(x, targets) : g.fit(x, labels);
            }
            RandomizedSearchCV<Object> r = new RandomizedSearchCV<>(estimator, List.of(space.distributions()), nIter,
                    seed == null ? 0L : seed, options);
            return regression() ? r.fit(x, targets) : r.fit(x, labels);
        }
    }

    /** --n-iter and --seed belong to a random search of --param values; a distribution needs --n-iter. */
    private void checkSearch(CommandLine cl, CvParams space) {
        if (nIter != null && nIter < 1) {
            throw new CommandLine.ParameterException(cl, "--n-iter must be at least 1, got " + nIter);
        }
        if (nIter != null && space.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "--n-iter samples the --param values; give at least one "
                    + "--param NAME=EXPR");
        }
        if (seed != null && nIter == null) {
            throw new CommandLine.ParameterException(cl, "--seed is the random search's random_state; it needs --n-iter N");
        }
        if (seed != null && (seed < 0 || seed > 0xFFFFFFFFL)) {
            throw new CommandLine.ParameterException(cl, "--seed must be between 0 and 2**32 - 1, got " + seed);
        }
        String dist = space.firstDistribution();
        if (dist != null && nIter == null) {
            throw new CommandLine.ParameterException(cl, "--param " + dist + " is a distribution; add --n-iter N to sample "
                    + "N candidates (RandomizedSearchCV), or list values with choice(a, b, ...) for a grid");
        }
    }

    private void search(CommandLine cl, CvData cvData, CvParams space, CvOptions options, Run run) throws Exception {
        String scoringName = scoring != null ? scoring : cvData.regression() ? "r2" : "accuracy";
        if (run != null) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("data", data.toString());
            settings.put("cv", cv);
            settings.put("scoring", scoringName);
            settings.put("estimator", cvData.estimator().getClass().getSimpleName());
            if (nIter != null) {
                settings.put("n_iter", nIter);
                settings.put("random_state", seed == null ? 0L : seed);
            }
            run.logParams(settings);
        }
        SearchRuns.Live live = run != null && !space.isEmpty() ? SearchRuns.live(run, scoringName) : null;
        if (live != null) {
            options = options.withListener(live);   // each candidate a child run as soon as its folds are done
        }
        try (CvTarget where = CvTarget.open(target, options)) {
            options = where.options();
            PrintWriter out = cl.getOut();
            PrintWriter err = cl.getErr();
            if (space.isEmpty()) {
                CrossValResult r = cvData.crossValidate(options);
                r.warnings().forEach(w -> err.println("warning: " + w));
                printScores(out, cvData.x().rows(), r, scoringName);
                if (run != null) {
                    run.logList("test_score", r.testScore());
                    run.log("mean_test_score", dev.petal.numeric.NumpySum.sum(r.testScore()) / r.testScore().length);
                }
                if (model != null) {
                    save(cvData.fit(), cvData);
                }
            } else {
                SearchResult<Object> r = cvData.search(space, nIter, seed, options);
                r.warnings().forEach(w -> err.println("warning: " + w));
                printSearch(out, r);
                if (model != null) {
                    save(r.bestEstimator(), cvData);
                }
                if (live != null) {
                    Run best = live.finish(r);
                    err.println("tracked as run " + run.id() + " in experiment '" + experiment + "' with "
                            + r.cvResults().nCandidates() + " child runs; best: " + best.id());
                }
            }
            if (run != null && register != null) {
                run.uploadFile("outputs/" + model.getFileName(), model);
                Model m = run.registerModel(register, "outputs/" + model.getFileName());
                err.println("registered model " + m.name() + " version " + m.version());
            }
            err.flush();
        }
    }

    private ErrorScore errorScore(CommandLine cl) {
        try {
            return ErrorScore.parse(errorScore);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--error-score: " + e.getMessage());
        }
    }

    private void printScores(PrintWriter out, int rows, CrossValResult r, String scoringName) throws Exception {
        double[] s = r.testScore();
        double mean = dev.petal.numeric.NumpySum.sum(s) / s.length;
        double std = Math.sqrt(dev.petal.numeric.NumpySum.var(s));
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("fit_time", r.fitTime());
            o.put("score_time", r.scoreTime());
            o.put("test_score", finite(s));
            if (r.trainScore() != null) {
                o.put("train_score", finite(r.trainScore()));
            }
            o.put("mean_test_score", Double.isFinite(mean) ? mean : null);
            o.put("std_test_score", Double.isFinite(std) ? std : null);
            out.println(JSON.writeValueAsString(o));
            return;
        }
        out.printf("cross_val_score: %d rows, %d folds, scoring %s%n", rows, s.length, scoringName);
        out.println("scores: " + Arrays.stream(s).mapToObj(PyRepr::of).collect(Collectors.joining(", ", "[", "]")));
        out.println("mean: " + PyRepr.of(mean) + "  std: " + PyRepr.of(std));
    }

    private void printSearch(PrintWriter out, SearchResult<Object> r) throws Exception {
        CvResults c = r.cvResults();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("best_params", r.bestParams());
            o.put("best_score", Double.isFinite(r.bestScore()) ? r.bestScore() : null);
            o.put("best_index", r.bestIndex());
            o.put("n_splits", c.nSplits());
            Map<String, Object> results = new LinkedHashMap<>();
            c.asMap().forEach((k, v) -> results.put(k, v.stream().map(x -> x instanceof Double dd && !Double.isFinite(dd) ? null : x).toList()));
            o.put("cv_results", results);
            out.println(JSON.writeValueAsString(o));
            return;
        }
        out.printf("%s: %d candidates x %d folds = %d fits, scoring %s%n", nIter == null ? "GridSearchCV" : "RandomizedSearchCV",
                c.nCandidates(), c.nSplits(),
                c.nCandidates() * c.nSplits(), r.scoring());
        out.println("rank  mean_test_score       std_test_score        params");
        int[] rank = c.rankTestScore();
        double[] mean = c.meanTestScore();
        double[] std = c.stdTestScore();
        for (int i = 0; i < c.nCandidates(); i++) {
            out.printf("%4d  %-20s  %-20s  %s%n", rank[i], PyRepr.of(mean[i]), PyRepr.of(std[i]), Params.repr(c.params().get(i)));
        }
        out.println("best_params: " + Params.repr(r.bestParams()));
        out.println("best_score: " + PyRepr.of(r.bestScore()));
        if (model != null) {
            out.println("refitted the best candidate on all rows in " + String.format("%.3f", r.refitTime()) + " s; saved " + model);
        }
    }

    private void save(Object fitted, CvData cvData) throws Exception {
        ModelIO.save(model, fitted, cvData.names());
    }

    private static Object[] finite(double[] a) {
        return Arrays.stream(a).mapToObj(v -> Double.isFinite(v) ? (Object) v : null).toArray();
    }
}
