package dev.petal.tracking.scripts;

import dev.petal.tracking.Environment;
import dev.petal.tracking.Experiment;
import dev.petal.tracking.Run;
import dev.petal.tracking.ScriptRunConfig;
import dev.petal.tracking.Workspace;
import java.nio.file.Path;
import java.util.List;

/** Submits {@link Sleeper} (with the arguments after WORKSPACE) into WORKSPACE, prints the run id and waits for it (to be stopped by the test). */
public final class Submitter {
    private Submitter() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        Run run = new Experiment(Workspace.at(Path.of(args[0])), "submitter").submit(
                ScriptRunConfig.mainClass(Sleeper.class.getName(), List.of(args).subList(1, args.length))
                        .withEnvironment(Environment.defaults().withJvmOptions(List.of("-XX:TieredStopAtLevel=1"))));
        System.out.println(run.id());
        System.out.flush();
        run.waitForCompletion(false);
    }
}
