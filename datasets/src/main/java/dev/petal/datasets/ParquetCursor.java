package dev.petal.datasets;

import dev.petal.check.PyRepr;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The rows of a Parquet file, one at a time, a row group in memory at most: the flat columns (required or
 * optional primitives) in file order, numbers as doubles, strings as text. Read with Apache Parquet's Java
 * library on the local file, without a Hadoop installation or configuration.
 */
final class ParquetCursor implements Closeable {
    private final String source;
    private final ParquetFileReader reader;
    private final MessageType schema;
    private final List<String> header;
    private final boolean[] numeric;
    private final double[] num;
    private final String[] txt;
    private final boolean[] present;
    private final Rows materializer;
    private RecordReader<Object> records;
    private long leftInGroup;
    private long row = -1;

    private ParquetCursor(String source, ParquetFileReader reader) {
        this.source = source;
        this.reader = reader;
        this.schema = reader.getFooter().getFileMetaData().getSchema();
        int n = schema.getFieldCount();
        List<String> names = new ArrayList<>(n);
        this.numeric = new boolean[n];
        for (int j = 0; j < n; j++) {
            Type t = schema.getType(j);
            if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)) {
                throw new IllegalArgumentException(String.format("%s: column '%s' is a %s, not a flat column of numbers or "
                        + "text; Petal reads flat tables (write the file without nested or list columns)", source,
                        Messages.clip(t.getName()), t.isPrimitive() ? "repeated (list) column" : "nested group"));
            }
            PrimitiveType.PrimitiveTypeName p = t.asPrimitiveType().getPrimitiveTypeName();
            if (p == PrimitiveType.PrimitiveTypeName.INT96) {
                throw new IllegalArgumentException(String.format("%s: column '%s' holds int96 timestamps, which Petal does "
                        + "not read; drop the column or store it as int64", source, Messages.clip(t.getName())));
            }
            numeric[j] = p != PrimitiveType.PrimitiveTypeName.BINARY && p != PrimitiveType.PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY;
            names.add(t.getName());
        }
        this.header = List.copyOf(names);
        this.num = new double[n];
        this.txt = new String[n];
        this.present = new boolean[n];
        this.materializer = new Rows();
    }

    /** Whether {@code file} is read as Parquet: its name ends with {@code .parquet} (any case). */
    static boolean isParquet(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    /** Opens {@code file} and reads its footer (the schema and the row groups' places). */
    static ParquetCursor open(Path file) {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(source + ": " + (Files.exists(file) ? "not a regular file (Parquet is read "
                    + "from a file, not a pipe or folder)" : "no such file"));
        }
        ParquetFileReader r;
        try {
            ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                    .withCodecFactory(new ParquetCodecs(source)).build();
            r = ParquetFileReader.open(new LocalInputFile(file), options);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(source + ": not a readable Parquet file (" + oneLine(e) + ")", e);
        }
        try {
            return new ParquetCursor(source, r);
        } catch (RuntimeException e) {
            closeQuietly(r);
            throw e;
        }
    }

    /** The column names, in file order. */
    List<String> header() {
        return header;
    }

    /** The number of rows, from the footer. */
    long rowCount() {
        return reader.getRecordCount();
    }

    /** Moves to the next row; false at the end. */
    boolean next() {
        try {
            while (leftInGroup == 0) {
                PageReadStore pages = reader.readNextRowGroup();
                if (pages == null) {
                    return false;
                }
                MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
                records = io.getRecordReader(pages, materializer);
                leftInGroup = pages.getRowCount();
            }
            records.read();
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().startsWith(source)) {
                throw (IllegalArgumentException) e;
            }
            throw new IllegalArgumentException(source + ": cannot read row " + (row + 2) + " (" + oneLine(e) + ")", e);
        }
        leftInGroup--;
        row++;
        return true;
    }

    /** The current row's number, counting from 1. */
    long row() {
        return row + 1;
    }

    /** Whether column {@code j} of the current row is null. */
    boolean isNull(int j) {
        return !present[j];
    }

    /** Whether column {@code j} holds numbers (any int, float or double type, or boolean). */
    boolean isNumeric(int j) {
        return numeric[j];
    }

    /** The value of the numeric column {@code j} (null: NaN). */
    double number(int j) {
        return present[j] ? num[j] : Double.NaN;
    }

    /** The value of column {@code j} as text: a string as stored, an integer in decimal, a double as Python's repr. */
    String text(int j) {
        if (!present[j]) {
            return "";
        }
        if (!numeric[j]) {
            return txt[j];
        }
        PrimitiveType.PrimitiveTypeName p = schema.getType(j).asPrimitiveType().getPrimitiveTypeName();
        return p == PrimitiveType.PrimitiveTypeName.DOUBLE || p == PrimitiveType.PrimitiveTypeName.FLOAT ? PyRepr.of(num[j])
                : Long.toString((long) num[j]);
    }

    /** The root converter: one primitive converter per column, each storing the current row's value. */
    private final class Rows extends RecordMaterializer<Object> {
        private final GroupConverter root = new GroupConverter() {
            private final Converter[] columns = new Converter[header.size()];

            {
                for (int j = 0; j < columns.length; j++) {
                    columns[j] = new Cell(j);
                }
            }

            @Override
            public Converter getConverter(int fieldIndex) {
                return columns[fieldIndex];
            }

            @Override
            public void start() {
                java.util.Arrays.fill(present, false);
            }

            @Override
            public void end() {
                // the row is complete
            }
        };

        @Override
        public Object getCurrentRecord() {
            return present;
        }

        @Override
        public GroupConverter getRootConverter() {
            return root;
        }
    }

    private final class Cell extends PrimitiveConverter {
        private final int j;

        Cell(int j) {
            this.j = j;
        }

        private void set(double v) {
            num[j] = v;
            present[j] = true;
        }

        @Override
        public void addDouble(double value) {
            set(value);
        }

        @Override
        public void addFloat(float value) {
            set(value);
        }

        @Override
        public void addInt(int value) {
            set(value);
        }

        @Override
        public void addLong(long value) {
            set(value);
        }

        @Override
        public void addBoolean(boolean value) {
            set(value ? 1 : 0);
        }

        @Override
        public void addBinary(Binary value) {
            txt[j] = value.toStringUsingUTF8();
            present[j] = true;
        }
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static void closeQuietly(ParquetFileReader r) {
        try {
            r.close();
        } catch (IOException ignored) {
            // the error being reported matters more
        }
    }

    @Override
    public void close() {
        closeQuietly(reader);
    }
}
