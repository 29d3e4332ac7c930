package dev.petal.tuning;

import dev.petal.tracking.Run;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for TrainIris in the sweep tests: reads {@code --kernel K --penalty P [--steps N]
 * [--step-millis MS]}, logs a deterministic 'Accuracy' (N times, one value per step, reaching
 * its final value at the last step) and counts how many copies run at once in this JVM.
 */
public final class FakeTrainScript {
    static final AtomicInteger RUNNING = new AtomicInteger();
    static final AtomicInteger MAX_RUNNING = new AtomicInteger();
    private static final Map<String, Double> BASE = Map.of("linear", 0.90, "rbf", 0.93, "poly", 0.87, "sigmoid", 0.30);

    private FakeTrainScript() {
    }

    /** The accuracy the script reports for a kernel and a penalty: unique best at (rbf, 1). */
    static double accuracy(String kernel, double penalty) {
        return BASE.get(kernel) + (penalty == 1.0 ? 0.02 : penalty == 1.5 ? 0.01 : 0.0);
    }

    /** Runs one trial. */
    public static void main(String[] args) throws InterruptedException {
        String kernel = "linear";
        double penalty = 1.0;
        int steps = 1;
        long stepMillis = 150;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--kernel" -> kernel = args[i + 1];
                case "--penalty" -> penalty = Double.parseDouble(args[i + 1]);
                case "--steps" -> steps = Integer.parseInt(args[i + 1]);
                case "--step-millis" -> stepMillis = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        int now = RUNNING.incrementAndGet();
        MAX_RUNNING.accumulateAndGet(now, Math::max);
        try {
            Run run = Run.getContext();
            run.log("Kernel type", kernel);
            run.log("Penalty", penalty);
            double target = accuracy(kernel, penalty);
            for (int s = 1; s <= steps; s++) {
                Thread.sleep(stepMillis);
                run.log("Accuracy", target * s / steps);
            }
        } finally {
            RUNNING.decrementAndGet();
        }
    }
}
