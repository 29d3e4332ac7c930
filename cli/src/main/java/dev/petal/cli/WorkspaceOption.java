package dev.petal.cli;

import dev.petal.tracking.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --workspace DIR} option shared by the tracking commands. */
final class WorkspaceOption {
    @Option(names = "--workspace", paramLabel = "DIR",
            description = "The workspace folder (default: .petal/ found upward from the working directory).")
    Path workspace;

    /** The chosen workspace, or the default one; created if missing (for commands that write). */
    Workspace open() {
        return workspace == null ? Workspace.fromConfig() : Workspace.at(workspace);
    }

    /** The chosen or nearest workspace, which must already exist (for commands that only read). */
    Workspace openExisting() {
        if (workspace != null) {
            if (!Files.isRegularFile(workspace.resolve("config.json"))
                    && !Files.isRegularFile(workspace.resolve(Workspace.FOLDER).resolve("config.json"))) {
                throw new IllegalArgumentException("no workspace at " + workspace.toAbsolutePath().normalize()
                        + " (no config.json there); check --workspace DIR");
            }
            return Workspace.at(workspace);
        }
        Path cwd = Path.of(System.getProperty("user.dir"));
        return Workspace.find(cwd).orElseThrow(() -> new IllegalArgumentException("no workspace: no "
                + Workspace.FOLDER + "/config.json in " + cwd + " or above; pass --workspace DIR"));
    }
}
