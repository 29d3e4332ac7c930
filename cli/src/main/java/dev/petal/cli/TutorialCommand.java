package dev.petal.cli;

import dev.petal.examples.IrisTutorial;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code petal tutorial}: the iris tutorial end to end (submit, wait, register, deploy, score). */
@Command(name = "tutorial", description = "Run the iris tutorial end to end: train as a tracked run, register, deploy, score.")
public final class TutorialCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    WorkspaceOption workspace;

    @Option(names = "--kernel", paramLabel = "K", defaultValue = "linear", description = "SVC kernel: linear, rbf, poly or sigmoid (default: ${DEFAULT-VALUE}).")
    String kernel;

    @Option(names = "--penalty", paramLabel = "F", defaultValue = "1.0", description = "SVC penalty C (default: ${DEFAULT-VALUE}).")
    double penalty;

    @Override
    public Integer call() throws Exception {
        dev.petal.svm.Kernel.parse(kernel);
        dev.petal.check.Check.positive("SVC", "C", penalty);
        IrisTutorial.Result r = IrisTutorial.run(workspace.open(), kernel, penalty, spec.commandLine().getOut());
        return r.status() == dev.petal.tracking.RunStatus.COMPLETED ? 0 : 1;
    }
}
