package dev.petal.linear;

import dev.petal.api.Provenance;
import dev.petal.api.Version;
import dev.petal.linalg.RowSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The provenance of a linear model fitted now: SHA-256 of the training X and of y (int32 labels or
 * float64 targets, little-endian). A dense X hashes as {@link Provenance#sha256(dev.petal.linalg.Matrix)}
 * does (row-major float64); a CSR X hashes its rows and columns counts (int32) then indptr and indices
 * (int32) and data (float64), so a large sparse matrix is never expanded.
 */
final class Fingerprints {
    private Fingerprints() {
    }

    static Provenance of(RowSource x, int[] y) {
        ByteBuffer b = ByteBuffer.allocate(y.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asIntBuffer().put(y);
        return new Provenance(Version.petal(), Version.java(), Instant.now(), sha256(x), hex(digest().digest(b.array())));
    }

    static Provenance of(RowSource x, double[] y) {
        ByteBuffer b = ByteBuffer.allocate(y.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(y);
        return new Provenance(Version.petal(), Version.java(), Instant.now(), sha256(x), hex(digest().digest(b.array())));
    }

    private static String sha256(RowSource x) {
        MessageDigest md = digest();
        if (x instanceof dev.petal.linalg.CsrMatrix c) {
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
            return hex(md.digest(b.array()));
        }
        double[] row = new double[x.cols()];
        ByteBuffer b = ByteBuffer.allocate(x.cols() * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < x.rows(); i++) {
            x.copyRow(i, row, 0);
            b.clear();
            b.asDoubleBuffer().put(row);
            md.update(b.array());
        }
        return hex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String hex(byte[] d) {
        return HexFormat.of().formatHex(d);
    }
}
