package dev.petal.tracking;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The lifecycle of a run, with Azure ML's status names. */
public enum RunStatus {
    /** Created, not yet queued. */
    NOT_STARTED("NotStarted"),
    /** Submitted and waiting to be prepared. */
    QUEUED("Queued"),
    /** The source snapshot and the environment are being prepared. */
    PREPARING("Preparing"),
    /** The script is executing. */
    RUNNING("Running"),
    /** The script has ended; outputs are being collected. */
    FINALIZING("Finalizing"),
    /** Finished successfully. */
    COMPLETED("Completed"),
    /** Ended with an error. */
    FAILED("Failed"),
    /** Stopped by a cancel request or by its maximum duration. */
    CANCELED("Canceled");

    private final String azureName;

    RunStatus(String azureName) {
        this.azureName = azureName;
    }

    /** The status as Azure ML spells it, e.g. {@code Completed}. */
    public String azureName() {
        return azureName;
    }

    /** True for Completed, Failed and Canceled: the run will not change status again. */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELED;
    }

    /** Parses Azure's spelling ({@code Running}) or the constant name ({@code RUNNING}), ignoring case. */
    public static RunStatus parse(String text) {
        for (RunStatus s : values()) {
            if (s.azureName.equalsIgnoreCase(text) || s.name().equalsIgnoreCase(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown run status '" + text + "'; expected one of "
                + Arrays.stream(values()).map(RunStatus::azureName).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return azureName;
    }
}
