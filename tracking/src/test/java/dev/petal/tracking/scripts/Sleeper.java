package dev.petal.tracking.scripts;

import dev.petal.tracking.Run;

/**
 * Logs three values (with {@code --write-output}, also writes {@code outputs/partial.txt}), prints "ready", then
 * sleeps for a minute (to be killed, canceled or timed out).
 */
public final class Sleeper {
    private Sleeper() {
    }

    /** Entry point. */
    public static void main(String[] args) throws InterruptedException, java.io.IOException {
        Run run = Run.getContext();
        for (int i = 0; i < 3; i++) {
            run.log("value", i);
        }
        if (java.util.Arrays.asList(args).contains("--write-output")) {
            java.nio.file.Files.writeString(java.nio.file.Path.of("outputs", "partial.txt"), "written before the kill");
        }
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(60_000);
        System.out.println("woke up");
    }
}
