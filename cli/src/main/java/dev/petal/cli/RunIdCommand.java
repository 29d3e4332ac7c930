package dev.petal.cli;

import dev.petal.tracking.Run;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What every {@code petal runs SUBCOMMAND RUN_ID} takes: the workspace options and the run id. The run is looked up
 * once here; a subcommand only says what it does with it.
 */
abstract class RunIdCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Mixin
    WorkspaceOption workspace;
    @Parameters(index = "0", paramLabel = "RUN_ID", description = "The run id.")
    String runId;

    @Override
    public final void run() {
        run(workspace.openExisting().getRun(runId), spec.commandLine().getOut());
    }

    /** Does the subcommand's work on the run named on the command line, printing to {@code out}. */
    abstract void run(Run run, PrintWriter out);
}
