package dev.petal.datasets;

import io.airlift.compress.Compressor;
import io.airlift.compress.Decompressor;
import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.snappy.SnappyCompressor;
import io.airlift.compress.snappy.SnappyDecompressor;
import io.airlift.compress.zstd.ZstdDecompressor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet's page codecs in pure Java, without Hadoop's codec classes (which need a Hadoop configuration and its
 * XML parser): uncompressed, Snappy, gzip, zstd and LZ4 (raw) pages are read; pages are written with Snappy, the
 * codec Spark and pyarrow write by default.
 */
final class ParquetCodecs implements CompressionCodecFactory {
    /** The codec Petal writes. */
    static final CompressionCodecName WRITE = CompressionCodecName.SNAPPY;

    private final String source;

    /** @param source the file, named in errors */
    ParquetCodecs(String source) {
        this.source = source;
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> new Compress(codec, null);
            case SNAPPY -> new Compress(codec, new SnappyCompressor());
            case GZIP -> new Compress(codec, null);
            default -> throw new IllegalArgumentException(source + ": Petal writes Parquet pages uncompressed, with snappy or "
                    + "gzip, not " + codec.name().toLowerCase(java.util.Locale.ROOT));
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> new Decompress(codec, null);
            case SNAPPY -> new Decompress(codec, new SnappyDecompressor());
            case ZSTD -> new Decompress(codec, new ZstdDecompressor());
            case LZ4_RAW -> new Decompress(codec, new Lz4Decompressor());
            case GZIP -> new Decompress(codec, null);
            default -> throw new IllegalArgumentException(source + ": its pages are compressed with "
                    + codec.name().toLowerCase(java.util.Locale.ROOT) + ", which Petal does not read (it reads uncompressed, "
                    + "snappy, gzip, zstd and lz4_raw pages); rewrite the file with one of those, e.g. "
                    + "pyarrow.parquet.write_table(table, path, compression='snappy')");
        };
    }

    @Override
    public void release() {
        // nothing pooled
    }

    private record Compress(CompressionCodecName codec, Compressor compressor) implements BytesInputCompressor {
        @Override
        // BytesInput.toByteArray is deprecated in Parquet 1.16 for copies into pooled buffers; a page is one array here
        @SuppressWarnings("deprecation")
        public BytesInput compress(BytesInput bytes) throws IOException {
            if (codec == CompressionCodecName.UNCOMPRESSED) {
                return bytes;
            }
            byte[] in = bytes.toByteArray();
            if (compressor == null) {   // gzip
                ByteArrayOutputStream out = new ByteArrayOutputStream(in.length / 2 + 32);
                try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                    gz.write(in);
                }
                return BytesInput.from(out.toByteArray());
            }
            byte[] out = new byte[compressor.maxCompressedLength(in.length)];
            int n = compressor.compress(in, 0, in.length, out, 0, out.length);
            return BytesInput.from(out, 0, n);
        }

        @Override
        public CompressionCodecName getCodecName() {
            return codec;
        }

        @Override
        public void release() {
            // nothing pooled
        }
    }

    private final class Decompress implements BytesInputDecompressor {
        private final CompressionCodecName codec;
        private final Decompressor decompressor;

        Decompress(CompressionCodecName codec, Decompressor decompressor) {
            this.codec = codec;
            this.decompressor = decompressor;
        }

        @Override
        // BytesInput.toByteArray: see compress
        @SuppressWarnings("deprecation")
        public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
            if (codec == CompressionCodecName.UNCOMPRESSED) {
                return bytes;
            }
            return BytesInput.from(inflate(bytes.toByteArray(), uncompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            output.put(codec == CompressionCodecName.UNCOMPRESSED ? in : inflate(in, uncompressedSize));
        }

        private byte[] inflate(byte[] in, int size) throws IOException {
            byte[] out = new byte[size];
            try {
                if (decompressor == null) {   // gzip
                    try (InputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(in))) {
                        int n = gz.readNBytes(out, 0, size);
                        if (n != size || gz.read() >= 0) {
                            throw new MalformedInputException(n);
                        }
                    }
                    return out;
                }
                int n = decompressor.decompress(in, 0, in.length, out, 0, size);
                if (n != size) {
                    throw new MalformedInputException(n);
                }
                return out;
            } catch (MalformedInputException | java.util.zip.ZipException e) {
                throw new IOException(source + ": a " + codec.name().toLowerCase(java.util.Locale.ROOT)
                        + " page does not decompress to its declared " + size + " bytes; the file is damaged", e);
            }
        }

        @Override
        public void release() {
            // nothing pooled
        }
    }
}
