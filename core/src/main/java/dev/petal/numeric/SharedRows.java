package dev.petal.numeric;

import dev.petal.linalg.Matrix;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link Matrix}'s own row-major array, not a copy, so a fit or a prediction reads a large X without
 * holding it twice. A {@code Matrix} is immutable, so the array never changes under the reader; a reader
 * must never write to it nor let it escape into a result. {@code Matrix} hands over its accessor when it
 * is initialized (the JDK's shared-secrets pattern), so the API type itself exposes nothing.
 */
public final class SharedRows {
    private static volatile Function<Matrix, double[]> access;

    private SharedRows() {
    }

    /** Called once, by {@code Matrix}'s static initializer; a second call is refused. */
    public static synchronized void install(Function<Matrix, double[]> matrixAccess) {
        if (access != null) {
            throw new IllegalStateException("the Matrix accessor is already installed");
        }
        access = Objects.requireNonNull(matrixAccess, "matrixAccess");
    }

    /** The values of {@code x}, row by row: read only. */
    public static double[] of(Matrix x) {
        // x exists, so Matrix is initialized and has installed its accessor
        return access.apply(Objects.requireNonNull(x, "x"));
    }
}
