package dev.petal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.petal.api.DecisionClassifier;
import dev.petal.api.Estimator;
import dev.petal.api.HasParams;
import dev.petal.api.Params;
import dev.petal.check.PyRepr;
import dev.petal.datasets.Datasets;
import dev.petal.datasets.LabeledData;
import dev.petal.modelio.ModelIO;
import dev.petal.modelio.ModelMetadata;
import dev.petal.selection.CrossValResult;
import dev.petal.selection.CrossValidation;
import dev.petal.selection.CvOptions;
import dev.petal.selection.CvResults;
import dev.petal.selection.ErrorScore;
import dev.petal.selection.GridSearchCV;
import dev.petal.selection.ParameterGrid;
import dev.petal.selection.SearchResult;
import dev.petal.registry.Model;
import dev.petal.tracking.Experiment;
import dev.petal.tracking.Run;
import dev.petal.tracking.SearchRuns;
import dev.petal.tuning.ExpressionParser;
import dev.petal.tuning.ParameterExpression;
import dev.petal.tuning.ParameterValue;
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
 * {@code petal cv}: scikit-learn's {@code cross_val_score} of an estimator on a labelled CSV file, or
 * with {@code --param} its {@code GridSearchCV}; {@code --json} prints scikit-learn's key names.
 */
@Command(name = "cv", description = "Cross-validate an estimator on a labelled CSV file (cross_val_score), or search a "
        + "parameter grid with --param (GridSearchCV), with scikit-learn's folds, scores and ranks.")
public final class CvCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "TRAIN.csv", description = "Labelled data: a header row, numeric features, a label column.")
    Path data;

    @Option(names = "--label", paramLabel = "COLUMN", description = "The label column (default: the last column).")
    String label;

    @CommandLine.Mixin
    EstimatorOptions estimator;

    @Option(names = "--cv", paramLabel = "K", defaultValue = "5", description = "Number of folds: StratifiedKFold(K), no shuffling (default: ${DEFAULT-VALUE}).")
    int cv;

    @Option(names = "--scoring", paramLabel = "NAME", description = "A scikit-learn scorer name (default: the estimator's accuracy).")
    String scoring;

    @Option(names = "--param", paramLabel = "NAME=choice(a,b,...)", description = "A grid dimension, by scikit-learn's "
            + "parameter name (C, kernel, gamma; svc__C with --scale); repeat for more. Makes this a GridSearchCV.")
    List<String> params = new ArrayList<>();

    @Option(names = "--target", paramLabel = "TARGET", defaultValue = "local", description = "Where the (candidate, fold) fits "
            + "run: local (this machine's cores, the default) or a task backend's target such as spark:local[2].")
    String target;

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
        Estimator<? extends DecisionClassifier> est = estimator.estimator(cl);
        Map<String, List<?>> grid = grid(cl);
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
            for (String name : grid.keySet()) {
                if (!h.params().containsKey(name)) {
                    throw new CommandLine.ParameterException(cl, "--param: " + Params.unknown(
                            est.getClass().getSimpleName(), name, h.params().keySet()).getMessage());
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
        dev.petal.tracking.ComputeTarget computeTarget = SparkDriver.target(target, workspace::open);
        if (!SparkDriver.here(computeTarget)) {
            return SparkDriver.relaunch(spec, computeTarget);
        }
        if (computeTarget.isSpark()) {
            target = computeTarget.id();   // a named target as the task backend's target
        }
        LabeledData d = Datasets.readCsv(data, label);
        Run run = experiment == null ? null : new Experiment(workspace.open(), experiment).startLogging("petal cv");
        try {
            search(cl, est, grid, options, d, run);
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

    private void search(CommandLine cl, Estimator<? extends DecisionClassifier> est, Map<String, List<?>> grid,
                        CvOptions options, LabeledData d, Run run) throws Exception {
        if (run != null) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("data", data.toString());
            settings.put("cv", cv);
            settings.put("scoring", scoring == null ? "accuracy" : scoring);
            settings.put("estimator", est.getClass().getSimpleName());
            run.logParams(settings);
        }
        try (CvTarget where = CvTarget.open(target, options)) {
            options = where.options();
            PrintWriter out = cl.getOut();
            PrintWriter err = cl.getErr();
            if (grid.isEmpty()) {
                CrossValResult r = CrossValidation.crossValidate(est, d.x(), d.y(), options);
                r.warnings().forEach(w -> err.println("warning: " + w));
                printScores(out, est, d, r);
                if (run != null) {
                    run.logList("test_score", r.testScore());
                    run.log("mean_test_score", dev.petal.numeric.NumpySum.sum(r.testScore()) / r.testScore().length);
                }
                if (model != null) {
                    save(est.fit(d.x(), d.y()), d);
                }
            } else {
                @SuppressWarnings("unchecked")
                Estimator<DecisionClassifier> base = (Estimator<DecisionClassifier>) est;
                SearchResult<DecisionClassifier> r = GridSearchCV.of(base, ParameterGrid.of(grid)).withOptions(options)
                        .fit(d.x(), d.y());
                r.warnings().forEach(w -> err.println("warning: " + w));
                printSearch(out, r);
                if (model != null) {
                    save(r.bestEstimator(), d);
                }
                if (run != null) {
                    Run best = SearchRuns.log(run, r);
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

    /** The grid from {@code --param NAME=choice(...)}, in the order given. */
    private Map<String, List<?>> grid(CommandLine cl) {
        Map<String, List<?>> grid = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new CommandLine.ParameterException(cl, "--param must be NAME=choice(a, b, ...), such as "
                        + "C=choice(0.1, 1, 10); got '" + p + "'");
            }
            String name = p.substring(0, eq).strip();
            String expr = p.substring(eq + 1).strip();
            if (expr.replace(" ", "").equals("choice()")) {
                throw new CommandLine.ParameterException(cl, "Parameter grid for parameter '" + name
                        + "' need to be a non-empty sequence, got: []");
            }
            ParameterExpression e;
            try {
                e = ExpressionParser.parse(expr);
            } catch (IllegalArgumentException ex) {
                throw new CommandLine.ParameterException(cl, "--param " + name + ": " + ex.getMessage());
            }
            if (!(e instanceof ParameterExpression.Choice c)) {
                throw new CommandLine.ParameterException(cl, "--param " + name + ": petal cv searches a grid, so it takes "
                        + "choice(a, b, ...); got " + e.expression());
            }
            if (grid.containsKey(name)) {
                throw new CommandLine.ParameterException(cl, "--param " + name + " is given twice; list all its values in one choice(...)");
            }
            grid.put(name, c.values().stream().map(CvCommand::plain).toList());
        }
        return grid;
    }

    /** A choice value as plain data: True/False/None as Python spells them, integers, floats, text. */
    private static Object plain(ParameterValue v) {
        if (v instanceof ParameterValue.Int i) {
            return i.value();
        }
        if (v instanceof ParameterValue.Real r) {
            return r.value();
        }
        String t = ((ParameterValue.Text) v).value();
        return switch (t) {
            case "True", "true" -> Boolean.TRUE;
            case "False", "false" -> Boolean.FALSE;
            case "None" -> null;
            default -> t;
        };
    }

    private void printScores(PrintWriter out, Estimator<?> est, LabeledData d, CrossValResult r) throws Exception {
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
        out.printf("cross_val_score: %d rows, %d folds, scoring %s%n", d.x().rows(), s.length,
                scoring == null ? "accuracy" : scoring);
        out.println("scores: " + Arrays.stream(s).mapToObj(PyRepr::of).collect(Collectors.joining(", ", "[", "]")));
        out.println("mean: " + PyRepr.of(mean) + "  std: " + PyRepr.of(std));
    }

    private void printSearch(PrintWriter out, SearchResult<DecisionClassifier> r) throws Exception {
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
        out.printf("GridSearchCV: %d candidates x %d folds = %d fits, scoring %s%n", c.nCandidates(), c.nSplits(),
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

    private void save(Object fitted, LabeledData d) throws Exception {
        ModelIO.save(model, fitted, new ModelMetadata(d.featureNames(), d.stringLabels() ? d.classNames() : List.of()));
    }

    private static Object[] finite(double[] a) {
        return Arrays.stream(a).mapToObj(v -> Double.isFinite(v) ? (Object) v : null).toArray();
    }
}
