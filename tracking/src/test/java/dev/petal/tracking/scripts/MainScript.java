package dev.petal.tracking.scripts;

import dev.petal.tracking.Run;
import java.io.IOException;
import java.nio.file.Files;

/** Logs its arguments and a metric series, writes outputs/result.txt, optionally fails with {@code --fail}. */
public final class MainScript {
    private MainScript() {
    }

    /** Entry point. */
    public static void main(String[] args) throws IOException {
        Run run = Run.getContext();
        System.out.println("main script in " + run.id() + " args " + String.join(" ", args));
        for (int i = 0; i < 3; i++) {
            run.log("loss", 1.0 / (i + 1), i);
        }
        Files.writeString(run.outputsDirectory().resolve("result.txt"), "ok " + String.join(" ", args));
        if (args.length > 0 && args[0].equals("--fail")) {
            throw new IllegalArgumentException("asked to fail");
        }
        System.out.println("main script done");
    }
}
