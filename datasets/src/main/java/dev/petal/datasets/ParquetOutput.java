package dev.petal.datasets;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * Writes a flat table to a Parquet file, a row at a time (a row group of at most 64 MB is buffered): text columns
 * as UTF-8 strings, number columns as doubles, every column required, pages compressed with Snappy. What
 * {@code petal predict --output OUT.parquet} writes; pandas, pyarrow and Spark read it.
 *
 * <pre>{@code
 * try (OutputStream out = Files.newOutputStream(path);
 *      ParquetOutput p = ParquetOutput.create(out, List.of("prediction", "decision_0"), new boolean[] {true, false})) {
 *     p.text(0, "setosa").number(1, 0.25).endRow();
 * }
 * }</pre>
 */
public final class ParquetOutput implements Closeable {
    private static final long ROW_GROUP_BYTES = 64L << 20;

    private final MessageType schema;
    private final boolean[] text;
    private final String[] texts;
    private final double[] numbers;
    private final boolean[] set;
    private final ParquetWriter<ParquetOutput> writer;
    private long rows;

    private ParquetOutput(OutputStream out, List<String> names, boolean[] text) throws IOException {
        if (names.size() != text.length || names.isEmpty()) {
            throw new IllegalArgumentException("a Parquet table needs at least one column and one type per column; got "
                    + names.size() + " names and " + text.length + " types");
        }
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (int j = 0; j < text.length; j++) {
            if (text[j]) {
                b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(names.get(j));
            } else {
                b.required(PrimitiveTypeName.DOUBLE).named(names.get(j));
            }
        }
        this.schema = b.named("schema");
        this.text = text.clone();
        this.texts = new String[text.length];
        this.numbers = new double[text.length];
        this.set = new boolean[text.length];
        this.writer = new Builder(new StreamFile(out), this).withConf(new PlainParquetConfiguration())
                .withCodecFactory(new ParquetCodecs("the Parquet output")).withCompressionCodec(ParquetCodecs.WRITE)
                .withRowGroupSize(ROW_GROUP_BYTES).build();
    }

    /**
     * A table with columns {@code names} ({@code text[j]}: strings, else doubles) written to {@code out}, which is
     * written from its current position on and left open by {@link #close}.
     */
    public static ParquetOutput create(OutputStream out, List<String> names, boolean[] text) throws IOException {
        return new ParquetOutput(out, List.copyOf(names), text);
    }

    /** Sets text column {@code j} of the current row. */
    public ParquetOutput text(int j, String value) {
        if (!text[j]) {
            throw new IllegalArgumentException("column " + j + " holds numbers, not text");
        }
        texts[j] = java.util.Objects.requireNonNull(value, "value");
        set[j] = true;
        return this;
    }

    /** Sets number column {@code j} of the current row. */
    public ParquetOutput number(int j, double value) {
        if (text[j]) {
            throw new IllegalArgumentException("column " + j + " holds text, not numbers");
        }
        numbers[j] = value;
        set[j] = true;
        return this;
    }

    /** Writes the current row; every column must have been set. */
    public void endRow() {
        for (int j = 0; j < set.length; j++) {
            if (!set[j]) {
                throw new IllegalStateException("column '" + schema.getFieldName(j) + "' of row " + (rows + 1) + " is not set");
            }
        }
        try {
            writer.write(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        java.util.Arrays.fill(set, false);
        rows++;
    }

    /** The rows written so far. */
    public long rows() {
        return rows;
    }

    /** Writes the last row group and the footer; the stream stays open. */
    @Override
    public void close() throws IOException {
        writer.close();
    }

    private void writeTo(RecordConsumer rc) {
        rc.startMessage();
        for (int j = 0; j < text.length; j++) {
            String name = schema.getFieldName(j);
            rc.startField(name, j);
            if (text[j]) {
                rc.addBinary(Binary.fromString(texts[j]));
            } else {
                rc.addDouble(numbers[j]);
            }
            rc.endField(name, j);
        }
        rc.endMessage();
    }

    private static final class Support extends WriteSupport<ParquetOutput> {
        private final ParquetOutput table;
        private RecordConsumer consumer;

        Support(ParquetOutput table) {
            this.table = table;
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            Map<String, String> meta = new HashMap<>();
            meta.put("writer", "Petal");
            return new WriteContext(table.schema, meta);
        }

        @Override
        // Parquet 1.16 still declares the Hadoop-Configuration form abstract; it delegates to the ParquetConfiguration one
        @SuppressWarnings("deprecation")
        public WriteContext init(org.apache.hadoop.conf.Configuration configuration) {
            return init((ParquetConfiguration) null);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(ParquetOutput record) {
            record.writeTo(consumer);
        }
    }

    private static final class Builder extends ParquetWriter.Builder<ParquetOutput, Builder> {
        private final ParquetOutput table;

        Builder(OutputFile file, ParquetOutput table) {
            super(file);
            this.table = table;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        // abstract in Parquet 1.16 although deprecated; the ParquetConfiguration form below is the one used
        @SuppressWarnings("deprecation")
        protected WriteSupport<ParquetOutput> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            return new Support(table);
        }

        @Override
        protected WriteSupport<ParquetOutput> getWriteSupport(ParquetConfiguration conf) {
            return new Support(table);
        }
    }

    /** An output file over a stream written from its start (an atomic temporary file, or standard output). */
    private static final class StreamFile implements OutputFile {
        private final OutputStream out;

        StreamFile(OutputStream out) {
            this.out = out;
        }

        @Override
        public PositionOutputStream create(long blockSizeHint) {
            return new PositionOutputStream() {
                private long pos;

                @Override
                public long getPos() {
                    return pos;
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    pos++;
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    pos += len;
                }

                @Override
                public void flush() throws IOException {
                    out.flush();
                }

                @Override
                public void close() throws IOException {
                    out.flush();   // the caller owns the stream and closes it
                }
            };
        }

        @Override
        public PositionOutputStream createOrOverwrite(long blockSizeHint) {
            return create(blockSizeHint);
        }

        @Override
        public boolean supportsBlockSize() {
            return false;
        }

        @Override
        public long defaultBlockSize() {
            return 0;
        }
    }
}
