package dev.petal.interop;

import dev.petal.io.ModelFormatException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.tukaani.xz.LZMAInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * How a scikit-learn file is stored, told by its first bytes as joblib tells it: a plain pickle,
 * or one of joblib's compressors (zlib, gzip, bz2, lzma, xz) around the pickle stream.
 */
enum Compression {
    /** A pickle, from {@code pickle.dump} or an uncompressed {@code joblib.dump}. */
    NONE("none"),
    /** {@code joblib.dump(..., compress='zlib')} (also a bare integer level). */
    ZLIB("zlib"),
    /** {@code compress='gzip'}. */
    GZIP("gzip"),
    /** {@code compress='bz2'}. */
    BZ2("bz2"),
    /** {@code compress='lzma'}: the .lzma ("alone") container. */
    LZMA("lzma"),
    /** {@code compress='xz'}. */
    XZ("xz");

    /** Memory the xz decoders may use for their dictionary (joblib's presets need at most 64 MiB). */
    private static final int XZ_MEMORY_KIB = 128 * 1024;

    private final String id;

    Compression(String id) {
        this.id = id;
    }

    /** joblib's name of this compressor. */
    String id() {
        return id;
    }

    /** The compression of a stream starting with {@code head}; refuses what is not a pickle or a joblib container. */
    static Compression detect(byte[] head, int n, String source) throws ModelFormatException {
        if (n >= 2 && (head[0] & 0xFF) == 0x80 && head[1] >= 2 && head[1] <= 5) {
            return NONE;
        }
        if (n >= 1 && head[0] == 0x78) {
            return ZLIB;
        }
        if (n >= 2 && (head[0] & 0xFF) == 0x1f && (head[1] & 0xFF) == 0x8b) {
            return GZIP;
        }
        if (n >= 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
            return BZ2;
        }
        if (n >= 6 && (head[0] & 0xFF) == 0xfd && head[1] == '7' && head[2] == 'z' && head[3] == 'X' && head[4] == 'Z'
                && head[5] == 0) {
            return XZ;
        }
        if (n >= 3 && head[0] == 0x5d && head[1] == 0 && head[2] == 0) {
            return LZMA;
        }
        if (n >= 4 && head[0] == 0x04 && head[1] == 0x22 && head[2] == 0x4d && head[3] == 0x18) {
            throw new ModelFormatException(source + " is compressed with lz4, which Petal does not read; "
                    + "re-save it with joblib.dump(model, path, compress='zlib') or another of zlib, gzip, bz2, lzma, xz.");
        }
        if (n >= 2 && head[0] == 'Z' && head[1] == 'F') {
            throw new ModelFormatException(source + " was written by joblib before 0.10; re-save it with a current joblib.");
        }
        if (n >= 2 && (head[0] & 0xFF) == 0x80) {
            throw new ModelFormatException(source + " is a pickle of protocol " + head[1] + "; Petal reads protocols 2 to 5.");
        }
        if (n >= 2 && head[0] == 'P' && head[1] == 'K') {
            throw new ModelFormatException(source + " is a ZIP archive (a Petal model file?), not a scikit-learn pickle "
                    + "or joblib file; load it with ModelIO.load or use it as --model directly.");
        }
        throw new ModelFormatException(source + " is not a pickle or joblib file (it does not start with a pickle "
                + "protocol 2-5 header or a zlib, gzip, bz2, lzma or xz header).");
    }

    /** The decompressed stream over {@code raw}. */
    InputStream open(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        return switch (this) {
            case NONE -> in;
            case ZLIB -> new InflaterInputStream(in);
            case GZIP -> new GZIPInputStream(in);
            case BZ2 -> new BZip2CompressorInputStream(in, true);
            case LZMA -> new LZMAInputStream(in, XZ_MEMORY_KIB);
            case XZ -> new XZInputStream(in, XZ_MEMORY_KIB);
        };
    }
}
