package dev.petal.tracking;

/** The kinds of logged values, after Azure's metric types. */
public enum MetricType {
    /** A number or a string; repeats build a series. */
    SCALAR("scalar"),
    /** A list of values logged at once. */
    LIST("list"),
    /** One row of a table; repeats add rows. */
    ROW("row"),
    /** A table: column name to list of values. */
    TABLE("table"),
    /** An image stored as a run file; the value is its path in the run. */
    IMAGE("image"),
    /** A confusion matrix in Azure's JSON schema. */
    CONFUSION_MATRIX("confusion_matrix");

    private final String id;

    MetricType(String id) {
        this.id = id;
    }

    /** The name written to metrics.jsonl. */
    public String id() {
        return id;
    }

    /** Parses a name written by {@link #id()}. */
    public static MetricType parse(String id) {
        for (MetricType t : values()) {
            if (t.id.equals(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown metric type '" + id + "'");
    }
}
