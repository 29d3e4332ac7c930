package dev.petal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.petal.check.PyRepr;
import dev.petal.tracking.ComputeTarget;
import dev.petal.tracking.Experiment;
import dev.petal.tracking.Run;
import dev.petal.tracking.RunStatus;
import dev.petal.tracking.ScriptRunConfig;
import dev.petal.tracking.Workspace;
import dev.petal.tuning.BayesianParameterSampling;
import dev.petal.tuning.ChildRun;
import dev.petal.tuning.EarlyTerminationPolicy;
import dev.petal.tuning.ExpressionParser;
import dev.petal.tuning.GridParameterSampling;
import dev.petal.tuning.HyperDriveConfig;
import dev.petal.tuning.HyperDriveRun;
import dev.petal.tuning.ParameterExpression;
import dev.petal.tuning.ParameterSampling;
import dev.petal.tuning.PrimaryMetricGoal;
import dev.petal.tuning.RandomParameterSampling;
import dev.petal.tuning.SearchSpace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code petal tune}: a HyperDrive sweep from the command line. Each child runs SCRIPT with ARGS
 * followed by {@code --NAME value} for every sampled hyperparameter; the sweep's children, their
 * hyperparameters and best primary metric are printed (as JSON with {@code --json}).
 */
@Command(name = "tune",
        mixinStandardHelpOptions = true,
        versionProvider = PetalCli.VersionProvider.class,
        description = "Tune hyperparameters: run SCRIPT many times with sampled --NAME value arguments and keep the best run.")
public final class TuneCommand implements Callable<Integer>, ScriptCommand {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    WorkspaceOption workspace;

    @Option(names = "--experiment", paramLabel = "NAME", defaultValue = "Default", description = "Experiment name (default: ${DEFAULT-VALUE}).")
    String experiment;

    @Option(names = "--sampling", paramLabel = "grid|random|bayesian", description = "How to sample the hyperparameters.")
    String sampling;

    @Option(names = "--param", paramLabel = "NAME=EXPR",
            description = "A hyperparameter and its expression, e.g. kernel=choice(linear,rbf) or penalty=uniform(0.5,1.5). Repeatable.")
    List<String> params;

    @Option(names = "--primary-metric", paramLabel = "METRIC", description = "The metric the script logs, e.g. Accuracy.")
    String primaryMetric;

    @Option(names = "--goal", paramLabel = "maximize|minimize", description = "Maximize or minimize the primary metric.")
    String goal;

    @Option(names = "--max-total-runs", paramLabel = "N", description = "At most N child runs (1-1000).")
    Integer maxTotalRuns;

    @Option(names = "--max-concurrent-runs", paramLabel = "K", description = "At most K child runs at once (1-100; default: min(N, 100)).")
    Integer maxConcurrentRuns;

    @Option(names = "--policy", paramLabel = "SPEC", defaultValue = "none",
            description = "Early termination: none, bandit:slack_factor=F[,evaluation_interval=I,delay_evaluation=D],"
                    + " median:[...], truncation:truncation_percentage=P[,...].")
    String policy;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of random and bayesian sampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-duration-minutes", paramLabel = "M", description = "Time limit of the sweep in minutes (default: 10080).")
    Long maxDurationMinutes;

    @Option(names = {"--target", "--compute-target"}, paramLabel = "TARGET", defaultValue = "local",
            description = "Run children in child JVMs (local), threads of this JVM (inprocess, main classes only), as"
                    + " Spark jobs (spark:local[N], spark://HOST:PORT) or on a target named in the workspace's computes/.")
    String computeTarget;

    @picocli.CommandLine.Mixin
    SparkConfOption sparkConf = new SparkConfOption();

    @Option(names = "--json", description = "Print the result as JSON: {\"best\": {...}, \"children\": [...]}.")
    boolean json;

    @Option(names = "--register-best", paramLabel = "NAME", description = "Register the best child's model file"
            + " (its one outputs/*.petal, or --register-path) as the next version of NAME.")
    String registerBest;

    @Option(names = "--register-path", paramLabel = "PATH", description = "The run file --register-best registers"
            + " (default: the best child's only outputs/*.petal file).")
    String registerPath;

    @Option(names = "--resume", paramLabel = "PARENT_ID", description = "Go on with the sweep PARENT_ID, whose process died"
            + " or was stopped, with its own settings: children it canceled run again, then sampling goes on.")
    String resume;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCRIPT", description = "A .java file or a main class on Petal's class path.")
    String script;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments given to every child before the sampled ones.")
    List<String> scriptArgs = new ArrayList<>();

    /** The parent run's property holding the command line that started the sweep, so that --resume can rebuild it. */
    static final String ARGUMENTS_PROPERTY = "petal_tune_arguments";
    /** The parent run's property holding the folder that command line ran in (relative paths in it start there). */
    static final String DIRECTORY_PROPERTY = "petal_tune_directory";

    @Override
    public Integer call() throws Exception {
        if (resume != null) {
            return resume();
        }
        requireSweepOptions();
        HyperDriveConfig config;
        try {
            if (registerBest != null) {
                dev.petal.registry.ModelRef.checkName(registerBest);
            } else if (registerPath != null) {
                throw new IllegalArgumentException("--register-path needs --register-best NAME");
            }
            config = config();
        } catch (IllegalArgumentException e) {
            // A usage error found after parsing: exit status 2 with one error line, like picocli's own.
            PrintWriter err = spec.commandLine().getErr();
            String flagged = FlagErrors.forFlag(spec.commandLine(), e.getMessage());
            err.println("error: " + PetalCli.oneLine(flagged != null ? flagged : e.getMessage()));
            if (PetalCli.verbose(spec)) {
                e.printStackTrace(err);
            }
            err.flush();
            return 2;
        }
        if (!SparkDriver.here(config.runConfig().computeTarget())) {
            return SparkDriver.relaunch(spec, config.runConfig().computeTarget());
        }
        if (config.runConfig().computeTarget().isSpark()) {
            SparkDriver.backend(config.runConfig().computeTarget()).prepare(config.runConfig().computeTarget());
        }
        Workspace ws = workspace.open();
        Experiment exp = ws.experiment(experiment);
        PrintWriter out = spec.commandLine().getOut();
        int[] ended = {0};
        int total = config.maxTotalRuns();
        HyperDriveRun hd = HyperDriveRun.submit(exp, config, child -> {
            if (!json) {
                out.printf("[%d/%d] %s %s %s=%s %s%n", ++ended[0], total, child.runId(), child.status().azureName(),
                        primaryMetric, metric(child), String.join(" ", child.hyperparameters().arguments()));
                out.flush();
            }
        });
        List<String> all = spec.commandLine().getParseResult().originalArgs();
        List<String> own = all.contains(spec.name()) ? all.subList(all.indexOf(spec.name()) + 1, all.size()) : all;
        hd.run().addProperties(Map.of(
                ARGUMENTS_PROPERTY, new ObjectMapper().writeValueAsString(own),
                DIRECTORY_PROPERTY, Path.of("").toAbsolutePath().toString()));
        return follow(hd, config, out, exp.name());
    }

    /** {@code --resume PARENT_ID}: rebuilds the sweep's command line from its parent run and goes on with it. */
    private Integer resume() throws Exception {
        List<String> given = spec.commandLine().getParseResult().originalArgs();
        for (String a : given) {
            if (a.startsWith("-") && !a.startsWith("--resume") && !a.startsWith("--workspace") && !a.equals("--json")
                    && !a.startsWith("--register-best") && !a.startsWith("--register-path") && !a.equals("--verbose")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--resume takes the sweep's own settings;"
                        + " give only --workspace, --json, --register-best and --register-path with it, not " + a);
            }
        }
        if (script != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--resume takes the sweep's own script;"
                    + " give no SCRIPT with it (got '" + script + "')");
        }
        Workspace ws = workspace.open();
        Run parent = ws.getRun(resume);
        String stored = parent.getProperties().get(ARGUMENTS_PROPERTY);
        if (stored == null) {
            throw new IllegalArgumentException("run " + resume + " was not started by 'petal tune' (it has no "
                    + ARGUMENTS_PROPERTY + " property); resume it from the Java API with HyperDriveRun.resume");
        }
        List<String> args = new ObjectMapper().readValue(stored, new com.fasterxml.jackson.core.type.TypeReference<List<String>>() { });
        TuneCommand original = new TuneCommand();
        CommandLine cl = new CommandLine(original);
        cl.setStopAtPositional(true);
        cl.parseArgs(args.toArray(String[]::new));
        original.spec = spec;
        original.workspace = workspace;
        original.json = json;
        original.registerBest = registerBest;
        original.registerPath = registerPath;
        String dir = parent.getProperties().get(DIRECTORY_PROPERTY);
        if (dir != null && original.script.endsWith(".java") && !Path.of(original.script).isAbsolute()) {
            original.script = Path.of(dir).resolve(original.script).toString();
        }
        HyperDriveConfig config = original.config();
        if (!SparkDriver.here(config.runConfig().computeTarget())) {
            return SparkDriver.relaunch(spec, config.runConfig().computeTarget());
        }
        PrintWriter out = spec.commandLine().getOut();
        int[] ended = {0};
        HyperDriveRun hd = HyperDriveRun.resume(parent, config, child -> {
            if (!json) {
                out.printf("[%d] %s %s %s=%s %s%n", ++ended[0], child.runId(), child.status().azureName(),
                        original.primaryMetric, metric(child), String.join(" ", child.hyperparameters().arguments()));
                out.flush();
            }
        });
        return original.follow(hd, config, out, parent.experimentName());
    }

    /** picocli's own message for the sweep options a new sweep needs (they are optional only with --resume). */
    private void requireSweepOptions() {
        List<CommandLine.Model.ArgSpec> missing = new ArrayList<>();
        for (String name : List.of("--sampling", "--param", "--primary-metric", "--goal", "--max-total-runs")) {
            if (!spec.commandLine().getParseResult().hasMatchedOption(name)) {
                missing.add(spec.findOption(name));
            }
        }
        if (script == null) {
            missing.add(spec.positionalParameters().get(0));
        }
        if (!missing.isEmpty()) {
            List<String> names = new ArrayList<>();
            for (CommandLine.Model.ArgSpec a : missing) {
                names.add(a instanceof CommandLine.Model.OptionSpec o ? "'" + o.longestName() + "=" + o.paramLabel() + "'"
                        : "'" + a.paramLabel() + "'");
            }
            boolean options = missing.stream().allMatch(CommandLine.Model.ArgSpec::isOption);
            throw new CommandLine.MissingParameterException(spec.commandLine(), missing, "Missing required "
                    + (options ? "option" : "parameter") + (names.size() > 1 ? "s" : "") + ": " + String.join(", ", names));
        }
    }

    /** Follows a started sweep to its end, prints its children and best run, registers the best model on request. */
    private Integer follow(HyperDriveRun hd, HyperDriveConfig config, PrintWriter out, String experimentName) throws Exception {
        ParameterSampling sampler = config.sampling();
        Thread hook = new Thread(() -> {
            // Ctrl-C: cancel the children and give the sweep a moment to record their Canceled status.
            hd.cancel();
            try {
                hd.waitForCompletion(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "petal-tune-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (!json) {
                out.printf("HyperDrive run %s in experiment %s: %s sampling, up to %d runs, %d at once%n", hd.id(), experimentName,
                        sampler.name(), config.maxTotalRuns(), config.maxConcurrentRuns());
                out.flush();
            }
            hd.waitForCompletion();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook is running and cancels the sweep
            }
        }
        List<ChildRun> children = hd.getChildrenSortedByPrimaryMetric();
        Optional<Run> best = hd.getBestRunByPrimaryMetric();
        if (json) {
            printJson(out, hd, children, best);
        } else {
            printTable(out, hd, children, best);
        }
        out.flush();
        RunStatus status = hd.getStatus();
        if (status == RunStatus.FAILED) {
            throw new IllegalStateException("HyperDrive run " + hd.id() + " failed: " + hd.run().getDetails().error());
        }
        if (best.isEmpty()) {
            throw new IllegalStateException("no child run logged the primary metric '" + primaryMetric
                    + "'; the script must call run.log(\"" + primaryMetric + "\", value)");
        }
        if (registerBest != null) {
            registerBest(best.get(), json ? spec.commandLine().getErr() : out);
        }
        return status == RunStatus.COMPLETED ? 0 : 1;
    }

    /** Registers the best child's model file as the next version of {@code --register-best NAME}. */
    private void registerBest(Run best, PrintWriter out) {
        String path = registerPath;
        if (path == null) {
            List<String> models = best.getFileNames().stream()
                    .filter(f -> f.startsWith("outputs/") && f.endsWith(".petal")).toList();
            if (models.size() != 1) {
                throw new IllegalStateException("--register-best: the best run " + best.id() + " has " + models.size()
                        + " outputs/*.petal files " + models + "; name one with --register-path");
            }
            path = models.get(0);
        }
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        tags.put("hyperdrive_run", best.getDetails().parentId());
        best.getLatestMetrics().entrySet().stream().filter(e -> e.getKey().equals(primaryMetric))
                .forEach(e -> tags.put(primaryMetric, String.valueOf(e.getValue().value())));
        dev.petal.registry.Model m = best.registerModel(registerBest, path,
                dev.petal.registry.ModelOptions.defaults().withTags(tags));
        out.println("registered " + m.name() + ":" + m.version() + " from the best run " + best.id() + " (" + path + ")");
        out.flush();
    }

    /** Reads every option into a sweep configuration; IllegalArgumentException names any invalid value. */
    private HyperDriveConfig config() {
        SearchSpace space = space();
        ParameterSampling sampler = sampling(space);
        PrimaryMetricGoal g = PrimaryMetricGoal.parse(goal);
        EarlyTerminationPolicy p = EarlyTerminationPolicy.parse(policy);
        HyperDriveConfig config = HyperDriveConfig.of(runConfig(), sampler, primaryMetric, g, maxTotalRuns).withPolicy(p);
        if (maxConcurrentRuns != null) {
            config = config.withMaxConcurrentRuns(maxConcurrentRuns);
        }
        if (maxDurationMinutes != null) {
            if (maxDurationMinutes < 1) {
                throw new IllegalArgumentException("--max-duration-minutes must be at least 1, got " + maxDurationMinutes);
            }
            config = config.withMaxDuration(Duration.ofMinutes(maxDurationMinutes));
        }
        return config;
    }

    private SearchSpace space() {
        SearchSpace s = null;
        for (String text : params) {
            Map.Entry<String, ParameterExpression> e = parameter(text);
            s = s == null ? SearchSpace.of(e.getKey(), e.getValue()) : s.and(e.getKey(), e.getValue());
        }
        return s;
    }

    private static Map.Entry<String, ParameterExpression> parameter(String text) {
        try {
            return ExpressionParser.parseAssignment(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--param: " + e.getMessage(), e);
        }
    }

    private ParameterSampling sampling(SearchSpace space) {
        return switch (sampling.toLowerCase(Locale.ROOT)) {
            case "grid" -> new GridParameterSampling(space);
            case "random" -> new RandomParameterSampling(space, seed);
            case "bayesian" -> new BayesianParameterSampling(space, seed);
            default -> throw new IllegalArgumentException("--sampling must be grid, random or bayesian, got '" + sampling + "'");
        };
    }

    private ScriptRunConfig runConfig() {
        ComputeTarget target = sparkConf.apply(ComputeTarget.resolve(computeTarget, workspace.open()), spec.commandLine());
        if (script.endsWith(".java")) {
            Path file = Path.of(script).toAbsolutePath().normalize();
            Path dir = file.getParent();
            return ScriptRunConfig.of(dir, file.getFileName().toString(), scriptArgs).withComputeTarget(target);
        }
        return ScriptRunConfig.mainClass(script, scriptArgs).withComputeTarget(target);
    }

    private void printTable(PrintWriter out, HyperDriveRun hd, List<ChildRun> children, Optional<Run> best) {
        int idWidth = children.stream().mapToInt(c -> c.runId().length()).max().orElse(3);
        int metricWidth = Math.max(primaryMetric.length(), children.stream().mapToInt(c -> metric(c).length()).max().orElse(1));
        String row = "%-4s  %-" + idWidth + "s  %-9s  %-" + metricWidth + "s  %s%n";
        out.printf(row, "rank", "run", "status", primaryMetric, "hyperparameters");
        int rank = 1;
        for (ChildRun c : children) {
            out.printf(row, rank++, c.runId(), c.status().azureName(), metric(c), String.join(" ", c.hyperparameters().arguments()));
        }
        out.printf("HyperDrive run %s: %s%n", hd.id(), hd.getStatus().azureName());
        best.ifPresent(b -> out.printf("Best run: %s %s=%s with %s%n", b.id(), primaryMetric,
                PyRepr.of(hd.bestPrimaryMetric(b).getAsDouble()), String.join(" ", HyperDriveRun.hyperparametersOf(b).arguments())));
    }

    private static String metric(ChildRun c) {
        return c.bestPrimaryMetric().isPresent() ? PyRepr.of(c.bestPrimaryMetric().getAsDouble()) : "-";
    }

    private void printJson(PrintWriter out, HyperDriveRun hd, List<ChildRun> children, Optional<Run> best) throws Exception {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("id", hd.id());
        root.put("status", hd.getStatus().azureName());
        root.put("primary_metric", primaryMetric);
        root.put("goal", hd.goal().name().toLowerCase(Locale.ROOT));
        Object bestJson = null;
        List<Object> list = new ArrayList<>();
        for (ChildRun c : children) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.runId());
            m.put("status", c.status().azureName());
            m.put("hyperparameters", c.hyperparameters().toJava());
            m.put("best_primary_metric", c.bestPrimaryMetric().isPresent() ? c.bestPrimaryMetric().getAsDouble() : null);
            list.add(m);
            if (best.isPresent() && best.get().id().equals(c.runId())) {
                bestJson = m;
            }
        }
        root.put("best", bestJson);
        root.put("children", list);
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
    }
}
