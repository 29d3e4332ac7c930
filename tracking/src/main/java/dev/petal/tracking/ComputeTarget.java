package dev.petal.tracking;

/** Where a submitted script executes. */
public enum ComputeTarget {
    /** A child JVM on this machine, with Petal on its class path (the default). */
    LOCAL("local"),
    /** A thread of the submitting JVM, calling the main class with the run context bound to the thread. */
    INPROCESS("inprocess");

    private final String id;

    ComputeTarget(String id) {
        this.id = id;
    }

    /** The target's name as written in configurations and run.json: {@code local} or {@code inprocess}. */
    public String id() {
        return id;
    }

    /** Parses {@code local} or {@code inprocess}, ignoring case. */
    public static ComputeTarget parse(String name) {
        for (ComputeTarget t : values()) {
            if (t.id.equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown compute target '" + name + "'; expected local or inprocess");
    }

    @Override
    public String toString() {
        return id;
    }
}
