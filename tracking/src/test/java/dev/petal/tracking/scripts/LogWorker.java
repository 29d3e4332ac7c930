package dev.petal.tracking.scripts;

import dev.petal.tracking.Run;
import dev.petal.tracking.Workspace;
import java.nio.file.Path;

/**
 * Logs {@code count} values of metric {@code worker-<n>} plus {@code count} values of the shared metric
 * {@code shared} and {@code tags} tags into the run named by args: WORKSPACE RUN_ID N COUNT TAGS.
 */
public final class LogWorker {
    private LogWorker() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        Run run = Workspace.at(Path.of(args[0])).getRun(args[1]);
        int n = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        int tags = Integer.parseInt(args[4]);
        for (int i = 0; i < count; i++) {
            run.log("worker-" + n, i, i);
            run.log("shared", n * 100_000 + i);
            if (i < tags) {
                run.tag("w" + n + "-" + i, String.valueOf(i));
            }
        }
        System.out.println("worker " + n + " done");
    }
}
