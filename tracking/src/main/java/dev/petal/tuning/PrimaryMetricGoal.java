package dev.petal.tuning;

import java.util.Locale;

/** Whether the primary metric is to be maximized or minimized (Azure's {@code PrimaryMetricGoal}). */
public enum PrimaryMetricGoal {
    /** Larger is better. */
    MAXIMIZE,
    /** Smaller is better. */
    MINIMIZE;

    /** True when {@code a} is strictly better than {@code b}. */
    public boolean isBetter(double a, double b) {
        return this == MAXIMIZE ? a > b : a < b;
    }

    /** The better of two values. */
    public double better(double a, double b) {
        return isBetter(b, a) ? b : a;
    }

    /** The value turned so that larger is better (the metric itself, or its negation). */
    public double toMaximize(double value) {
        return this == MAXIMIZE ? value : -value;
    }

    /** Reads {@code maximize} or {@code minimize}, in any case. */
    public static PrimaryMetricGoal parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "maximize" -> MAXIMIZE;
            case "minimize" -> MINIMIZE;
            default -> throw new IllegalArgumentException("Invalid primary metric goal '" + text
                    + "': expected maximize or minimize.");
        };
    }
}
