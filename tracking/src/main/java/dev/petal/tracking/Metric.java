package dev.petal.tracking;

import java.time.Instant;
import java.util.Objects;

/**
 * One logged value, one line of {@code metrics.jsonl}.
 *
 * @param name the metric name
 * @param type the kind of value
 * @param value a Double/Long/String for scalars, a List for lists, a Map (column to value or to list) for rows,
 *              tables and confusion matrices, the run-relative file path for images
 * @param step the step given when logging, or null
 * @param time when it was logged
 */
public record Metric(String name, MetricType type, Object value, Long step, Instant time) {
    /** Validates. */
    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
    }

    /** True when the value is a number. */
    public boolean isNumber() {
        return value instanceof Number;
    }

    /** The value as a double; IllegalStateException if it is not a number. */
    public double asDouble() {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalStateException("metric '" + name + "' value " + value + " is not a number");
    }
}
