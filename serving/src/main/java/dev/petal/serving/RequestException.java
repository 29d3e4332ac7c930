package dev.petal.serving;

/** A request the service refuses, with the HTTP status to answer and a one-line reason for the client. */
final class RequestException extends RuntimeException {
    private final int status;

    RequestException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** 400 Bad Request with {@code message}. */
    static RequestException badRequest(String message) {
        return new RequestException(400, message);
    }

    /** The HTTP status to answer. */
    int status() {
        return status;
    }
}
