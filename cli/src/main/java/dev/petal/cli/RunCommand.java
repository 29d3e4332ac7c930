package dev.petal.cli;

import dev.petal.tracking.ComputeTarget;
import dev.petal.tracking.Experiment;
import dev.petal.tracking.Run;
import dev.petal.tracking.RunDetails;
import dev.petal.tracking.RunStatus;
import dev.petal.tracking.ScriptRunConfig;
import dev.petal.tracking.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code petal run}: submits a script as a run, streams its output and waits for it to end. */
@Command(name = "run", description = "Submit a .java script or a main class as a tracked run and stream its output.")
final class RunCommand implements Callable<Integer>, ScriptCommand {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--experiment", paramLabel = "NAME", defaultValue = "Default",
            description = "The experiment to submit into (default: ${DEFAULT-VALUE}).")
    String experiment;

    @Option(names = "--target", paramLabel = "TARGET", defaultValue = "local",
            description = "Where the script runs: local (a child JVM), inprocess (this JVM), spark:local[N], "
                    + "spark://HOST:PORT or the name of a target in the workspace's computes/ folder.")
    String target;

    @Mixin
    SparkConfOption sparkConf = new SparkConfOption();

    @Option(names = "--max-run-duration", paramLabel = "SECONDS",
            description = "Cancel the run after this many seconds (default: 30 days).")
    Long maxSeconds;

    @Option(names = {"--classpath", "-cp"}, paramLabel = "PATH", description = "Jars and folders of your own, separated by '"
            + "${sys:path.separator}', added after Petal's class path for the script (and for compiling a .java script).")
    String classpath;

    @Parameters(index = "0", paramLabel = "SCRIPT", description = "A .java file (with the other .java files of its folder,"
            + " compiled together) or a main class name.")
    String script;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments passed to the script.")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Workspace ws = workspace.open();
        ComputeTarget computeTarget = sparkConf.apply(ComputeTarget.resolve(target, ws), spec.commandLine());
        if (!SparkDriver.here(computeTarget)) {
            return SparkDriver.relaunch(spec, computeTarget);
        }
        if (computeTarget.isSpark()) {
            SparkDriver.backend(computeTarget).prepare(computeTarget);
        }
        ScriptRunConfig config;
        if (script.endsWith(".java")) {
            Path file = Path.of(script).toAbsolutePath().normalize();
            config = ScriptRunConfig.of(file.getParent(), file.getFileName().toString(), args);
        } else {
            config = ScriptRunConfig.mainClass(script, args);
        }
        config = config.withComputeTarget(computeTarget);
        if (classpath != null) {
            List<Path> entries = new ArrayList<>();
            for (String e : classpath.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator))) {
                if (!e.isBlank()) {
                    entries.add(Path.of(e));
                }
            }
            config = config.withEnvironment(config.environment().withClasspath(entries));
        }
        if (maxSeconds != null) {
            if (maxSeconds <= 0) {
                throw new IllegalArgumentException("--max-run-duration must be a positive number of seconds, got "
                        + maxSeconds);
            }
            config = config.withMaxRunDuration(Duration.ofSeconds(maxSeconds));
        }
        Run run = new Experiment(ws, experiment).submit(config);
        PrintWriter out = spec.commandLine().getOut();
        RunDetails d = run.waitForCompletion(out);
        if (d.status() != RunStatus.COMPLETED) {
            throw new IllegalStateException("run " + d.id() + " " + d.status()
                    + (d.error() == null ? "" : ": " + d.error()));
        }
        return 0;
    }
}
