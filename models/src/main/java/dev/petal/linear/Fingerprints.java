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
 * The provenance of a linear model fitted now: SHA-256 of the training X as dense little-endian float64
 * rows (the same bytes as {@link Provenance#sha256(dev.petal.linalg.Matrix)} for a dense matrix, streamed
 * row by row so a large CSR matrix is never densified whole) and of y (int32 labels or float64 targets).
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
