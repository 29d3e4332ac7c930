package dev.petal.cli;

import dev.petal.tracking.RunStatus;
import dev.petal.tracking.Workspace;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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
        return runTutorial(workspace.open(), kernel, penalty, spec.commandLine().getOut()) == RunStatus.COMPLETED ? 0 : 1;
    }

    /**
     * Runs {@code dev.petal.examples.IrisTutorial.run}. petal-examples is a run-time dependency of the command line
     * (the runs the tutorial submits need TrainIris on their class path), not a compile-time one, so the tutorial is
     * reached by name.
     */
    private static RunStatus runTutorial(Workspace ws, String kernel, double penalty, PrintWriter out)
            throws Exception {
        Method run;
        try {
            run = Class.forName("dev.petal.examples.IrisTutorial")
                    .getMethod("run", Workspace.class, String.class, double.class, PrintWriter.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the tutorial needs petal-examples on the class path; run it from"
                    + " bin/petal or cli/target/petal.jar", e);
        }
        try {
            Object result = run.invoke(null, ws, kernel, penalty, out);
            return (RunStatus) result.getClass().getMethod("status").invoke(result);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }
}
