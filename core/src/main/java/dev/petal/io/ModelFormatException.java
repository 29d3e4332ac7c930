package dev.petal.io;

import java.io.IOException;

/**
 * A model file that cannot be loaded because of its contents: not a Petal file, truncated,
 * corrupt, too large, from a newer format version, or holding values that fail validation.
 *
 * <p>Checked, as a kind of {@link IOException}, so callers of a load handle it with the other
 * failures of reading a file. The message is one line that names the file and the problem, fit to
 * print after {@code error: }.
 */
public class ModelFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A failure described by a complete one-line message. */
    public ModelFormatException(String message) {
        super(message);
    }

    /** A failure described by a complete one-line message, caused by {@code cause}. */
    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
