package dev.petal.api;

import dev.petal.linalg.CsrMatrix;
import dev.petal.linalg.Matrix;
import dev.petal.linalg.RowSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
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
        int[] ptr = c.indptr();
        int[] idx = c.indices();
        double[] val = c.data();
        ByteBuffer b = ByteBuffer.allocate(8 + (ptr.length + idx.length) * Integer.BYTES + val.length * Double.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(c.rows()).putInt(c.cols());
        b.asIntBuffer().put(ptr);
        b.position(b.position() + ptr.length * Integer.BYTES);
        b.asIntBuffer().put(idx);
        b.position(b.position() + idx.length * Integer.BYTES);
        b.asDoubleBuffer().put(val);
        return digest(b.array());
    }

    /** SHA-256 of real values as little-endian float64. */
    public static String sha256(double[] y) {
        ByteBuffer b = ByteBuffer.allocate(y.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(y);
        return digest(b.array());
    }

    /** SHA-256 of a matrix's values, row by row, as little-endian float64 (what {@code numpy.ascontiguousarray(X, '<f8').tobytes()} hashes to). */
    public static String sha256(Matrix x) {
        // row by row through one small buffer: hashing a large X must not hold it twice more
        MessageDigest md = sha256();
        int d = x.cols();
        double[] row = new double[d];
        ByteBuffer b = ByteBuffer.allocate(d * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < x.rows(); i++) {
            x.copyRow(i, row, 0);
            b.clear();
            b.asDoubleBuffer().put(row);
            md.update(b.array(), 0, d * Double.BYTES);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** SHA-256 of labels as little-endian int32. */
    public static String sha256(int[] y) {
        ByteBuffer b = ByteBuffer.allocate(y.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(y);
        return digest(b.array());
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
