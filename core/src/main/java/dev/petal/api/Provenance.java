package dev.petal.api;

import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import dev.petal.numeric.SharedRows;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a fitted model came from: the Petal and Java versions that fitted it, when, and SHA-256
 * fingerprints of the training X (row-major little-endian float64) and y (little-endian int32).
 */
public record Provenance(String petalVersion, String javaVersion, Instant createdAt, String xSha256, String ySha256) {
    /** Validates that no field is null. */
    public Provenance {
        Objects.requireNonNull(petalVersion, "petalVersion");
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(xSha256, "xSha256");
        Objects.requireNonNull(ySha256, "ySha256");
    }

    /** The provenance of a model fitted now, in this JVM, on {@code x} and {@code y}. */
    public static Provenance of(Matrix x, int[] y) {
        return new Provenance(Version.petal(), Version.java(), Instant.now(), sha256(x), sha256(y));
    }

    /** The provenance of a regressor (or one-class model) fitted now on {@code x} and real targets {@code y}. */
    public static Provenance of(Matrix x, double[] y) {
        return new Provenance(Version.petal(), Version.java(), Instant.now(), sha256(x), sha256(y));
    }

    /** The provenance of a classifier fitted now on dense or sparse rows {@code x} (see {@link #sha256(RowSource)}). */
    public static Provenance of(RowSource x, int[] y) {
        return new Provenance(Version.petal(), Version.java(), Instant.now(), sha256(x), sha256(y));
    }

    /** The provenance of a regressor (or one-class model) fitted now on dense or sparse rows {@code x}. */
    public static Provenance of(RowSource x, double[] y) {
        return new Provenance(Version.petal(), Version.java(), Instant.now(), sha256(x), sha256(y));
    }

    /**
     * SHA-256 of rows: a dense matrix as {@link #sha256(Matrix)}; a CSR matrix, never expanded, as its row and
     * column counts (int32), then indptr and indices (int32) and data (float64), all little-endian.
     */
    public static String sha256(RowSource x) {
        if (!(x instanceof CsrMatrix c)) {
            return sha256((Matrix) x);
        }
        SharedRows.Csr arrays = SharedRows.of(c);
        LittleEndianSha256 h = new LittleEndianSha256();
        h.putInt(c.rows());
        h.putInt(c.cols());
        h.put(arrays.indptr());
        h.put(arrays.indices());
        h.put(arrays.data());
        return h.hex();
    }

    /** SHA-256 of real values as little-endian float64. */
    public static String sha256(double[] y) {
        LittleEndianSha256 h = new LittleEndianSha256();
        h.put(y);
        return h.hex();
    }

    /** SHA-256 of a matrix's values, row by row, as little-endian float64 (what {@code numpy.ascontiguousarray(X, '<f8').tobytes()} hashes to). */
    public static String sha256(Matrix x) {
        LittleEndianSha256 h = new LittleEndianSha256();
        h.put(SharedRows.of(x));   // the matrix's own row-major values, read only
        return h.hex();
    }

    /** SHA-256 of labels as little-endian int32. */
    public static String sha256(int[] y) {
        LittleEndianSha256 h = new LittleEndianSha256();
        h.put(y);
        return h.hex();
    }
}
