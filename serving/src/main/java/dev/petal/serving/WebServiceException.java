package dev.petal.serving;

/** A scoring call that the service refused or that could not reach it, with the HTTP status (0 when there was none). */
public final class WebServiceException extends RuntimeException {
    private final int status;

    /** An exception for an answer with {@code status} (0 for no answer) and a one-line message. */
    public WebServiceException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status the service answered, or 0 when no answer came. */
    public int status() {
        return status;
    }
}
