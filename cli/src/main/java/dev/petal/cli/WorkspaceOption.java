package dev.petal.cli;

import dev.petal.tracking.Workspace;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --workspace DIR} option shared by the tracking commands. */
final class WorkspaceOption {
    @Option(names = "--workspace", paramLabel = "DIR",
            description = "The workspace folder (default: .petal/ found upward from the working directory).")
    Path workspace;

    /** The chosen workspace, or the default one. */
    Workspace open() {
        return workspace == null ? Workspace.fromConfig() : Workspace.at(workspace);
    }
}
