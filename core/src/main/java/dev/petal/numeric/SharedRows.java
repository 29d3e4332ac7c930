package dev.petal.numeric;

import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import java.util.Objects;
import java.util.function.Function;

/**
 * A {@link Matrix}'s own row-major array, not a copy, so a fit or a prediction reads a large X without
 * holding it twice. A {@code Matrix} is immutable, so the array never changes under the reader; a reader
 * must never write to it nor let it escape into a result. {@code Matrix} hands over its accessor when it
 * is initialized (the JDK's shared-secrets pattern), so the API type itself exposes nothing. A {@link CsrMatrix}
 * hands over its three arrays the same way ({@link #of(CsrMatrix)}).
 */
public final class SharedRows {
    private static volatile Function<Matrix, double[]> access;
    private static volatile Function<CsrMatrix, Csr> csrAccess;

    /**
     * A CSR matrix's own arrays (scipy's {@code indptr}, {@code indices}, {@code data}): read only, never to escape.
     *
     * @param indptr  row pointers, rows + 1
     * @param indices column indices of the stored values, ascending within a row
     * @param data    the stored values
     */
    public record Csr(int[] indptr, int[] indices, double[] data) {
    }

    private SharedRows() {
    }

    /** Called once, by {@code Matrix}'s static initializer; a second call is refused. */
    public static synchronized void install(Function<Matrix, double[]> matrixAccess) {
        if (access != null) {
            throw new IllegalStateException("the Matrix accessor is already installed");
        }
        access = Objects.requireNonNull(matrixAccess, "matrixAccess");
    }

    /** Called once, by {@code CsrMatrix}'s static initializer; a second call is refused. */
    public static synchronized void installCsr(Function<CsrMatrix, Csr> csrMatrixAccess) {
        if (csrAccess != null) {
            throw new IllegalStateException("the CsrMatrix accessor is already installed");
        }
        csrAccess = Objects.requireNonNull(csrMatrixAccess, "csrMatrixAccess");
    }

    /** The arrays of {@code x}: read only. */
    public static Csr of(CsrMatrix x) {
        // x exists, so CsrMatrix is initialized and has installed its accessor
        return csrAccess.apply(Objects.requireNonNull(x, "x"));
    }

    /** The values of {@code x}, row by row: read only. */
    public static double[] of(Matrix x) {
        // x exists, so Matrix is initialized and has installed its accessor
        return access.apply(Objects.requireNonNull(x, "x"));
    }
}
