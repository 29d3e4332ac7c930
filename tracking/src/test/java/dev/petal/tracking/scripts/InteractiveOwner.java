package dev.petal.tracking.scripts;

import dev.petal.tracking.Experiment;
import dev.petal.tracking.Run;
import dev.petal.tracking.Workspace;
import java.nio.file.Path;

/** Starts an interactive run in WORKSPACE, logs a value, prints the run id and hangs (to be SIGKILLed). */
public final class InteractiveOwner {
    private InteractiveOwner() {
    }

    /** Entry point. */
    public static void main(String[] args) throws InterruptedException {
        Run run = new Experiment(Workspace.at(Path.of(args[0])), "owners").startLogging();
        run.log("alive", 1);
        System.out.println(run.id());
        System.out.flush();
        Thread.sleep(60_000);
    }
}
