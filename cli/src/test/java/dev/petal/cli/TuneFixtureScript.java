package dev.petal.cli;

import dev.petal.tracking.Run;
import java.util.Map;

/** A stand-in training script for the tune command tests: logs a deterministic 'Accuracy' from --kernel and --penalty. */
public final class TuneFixtureScript {
    private static final Map<String, Double> BASE = Map.of("linear", 0.90, "rbf", 0.93, "poly", 0.87, "sigmoid", 0.30);

    private TuneFixtureScript() {
    }

    /** Runs one trial; {@code --delay-millis MS} (before the sampled arguments) slows it down. */
    public static void main(String[] args) throws InterruptedException {
        String kernel = null;
        double penalty = Double.NaN;
        long delay = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--kernel" -> kernel = args[i + 1];
                case "--penalty" -> penalty = Double.parseDouble(args[i + 1]);
                case "--delay-millis" -> delay = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Thread.sleep(delay);
        Run.getContext().log("Accuracy", BASE.get(kernel) + (penalty == 1.0 ? 0.02 : penalty == 1.5 ? 0.01 : 0.0));
    }
}
