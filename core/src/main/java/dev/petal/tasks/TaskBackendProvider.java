package dev.petal.tasks;

import java.util.Optional;

/** A service ({@link java.util.ServiceLoader}) that opens backends for the compute targets it knows. */
public interface TaskBackendProvider {
    /** A backend for {@code target} (such as {@code spark:local[2]}), or empty when this provider does not run it. */
    Optional<TaskBackend> open(String target);
}
