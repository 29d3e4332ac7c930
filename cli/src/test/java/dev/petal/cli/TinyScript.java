package dev.petal.cli;

import dev.petal.tracking.Run;

/** A main class the CLI tests submit: logs its arguments' count and a series, fails on {@code --fail}. */
public final class TinyScript {
    private TinyScript() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        Run run = Run.getContext();
        System.out.println("tiny script args: " + String.join(" ", args));
        run.log("Accuracy", 0.5);
        run.log("Accuracy", 0.97);
        run.log("Kernel type", args.length > 1 ? args[1] : "none");
        if (args.length > 0 && args[0].equals("--fail")) {
            throw new IllegalStateException("tiny failure");
        }
    }
}
