package dev.petal.tracking.scripts;

import dev.petal.tracking.Run;

/** Uses Run.getContext() in try-with-resources outside any submitted run; logs, then fails on {@code --fail}. */
public final class OutsideRun {
    private OutsideRun() {
    }

    /** Entry point. */
    public static void main(String[] args) {
        try (Run run = Run.getContext()) {
            run.log("outside", 1);
            if (Run.getContext() != run) {
                throw new AssertionError("getContext must return the same run within a process");
            }
            if (args.length > 0 && args[0].equals("--fail")) {
                throw new IllegalStateException("failed outside a run");
            }
        }
    }
}
