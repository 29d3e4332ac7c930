package dev.petal.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.airlift.compress.zstd.ZstdCompressor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet files written by {@link ParquetOutput} and read back through CsvRows, CsvReader and CsvFeatures. */
class ParquetTest {
    @TempDir
    Path dir;

    /** A table of {@code n} rows: columns a, b (doubles), name (text), label (text "0".."2"). */
    private Path table(String file, int n) throws IOException {
        Path p = dir.resolve(file);
        try (OutputStream out = Files.newOutputStream(p);
             ParquetOutput t = ParquetOutput.create(out, List.of("a", "b", "name", "label"), new boolean[] {false, false, true, true})) {
            for (int i = 0; i < n; i++) {
                t.number(0, i * 0.1).number(1, -i / 3.0).text(2, "row " + i).text(3, Integer.toString(i % 3)).endRow();
            }
            assertEquals(n, t.rows());
        }
        return p;
    }

    @Test
    void rowsComeBackInOrderWithTheirColumns() throws IOException {
        Path p = table("t.parquet", 2500);
        try (CsvRows rows = CsvRows.open(p, CsvOptions.defaults())) {
            assertEquals(List.of("a", "b", "name", "label"), rows.header());
            for (int i = 0; i < 2500; i++) {
                assertTrue(rows.next());
                assertEquals(i * 0.1, rows.number(0));
                assertEquals(-i / 3.0, rows.number(1));
                assertEquals("row " + i, rows.text(2));
                assertEquals(Integer.toString(i % 3), rows.text(3));
            }
            assertFalse(rows.next());
        }
    }

    @Test
    void aParquetTableReadsAsTheSameCsvDoes() throws IOException {
        Path p = table("t.parquet", 50);
        StringBuilder csv = new StringBuilder("a,b,name,label\n");
        for (int i = 0; i < 50; i++) {
            csv.append(dev.petal.check.PyRepr.of(i * 0.1)).append(',').append(dev.petal.check.PyRepr.of(-i / 3.0))
                    .append(",row ").append(i).append(',').append(i % 3).append('\n');
        }
        CsvOptions o = CsvOptions.defaults().withIgnoreColumns(List.of("name"));
        LabeledData fromParquet = CsvReader.read(p, null, o);
        LabeledData fromCsv = CsvReader.read("t.csv", csv.toString(), null, o);
        assertEquals(fromCsv.x(), fromParquet.x());
        assertArrayEquals(fromCsv.y(), fromParquet.y());
        assertEquals(fromCsv.header(), fromParquet.header());
        assertEquals(fromCsv.classNames(), fromParquet.classNames());
        assertFalse(fromParquet.stringLabels());

        try (CsvFeatures f = CsvFeatures.open(p, CsvOptions.defaults().withIdColumn("name"), List.of("b", "a"))) {
            List<String> ids = new ArrayList<>();
            CsvFeatures.Chunk c;
            int row = 0;
            while ((c = f.next(16)) != null) {
                for (int i = 0; i < c.x().rows(); i++, row++) {
                    assertArrayEquals(new double[] {-row / 3.0, row * 0.1}, c.x().row(i));
                }
                ids.addAll(c.ids());
            }
            assertEquals(50, row);
            assertEquals("row 49", ids.get(49));
        }
    }

    @Test
    void textNullsAndNonParquetFilesAreOneLineErrors() throws IOException {
        Path p = table("t.parquet", 3);
        assertEquals(p + " row 1, column 'name': the column holds text ('row 0'), not numbers; store it as a number type, "
                + "or set it aside with --ignore-columns",
                assertThrows(IllegalArgumentException.class, () -> CsvReader.read(p, "label", CsvOptions.defaults())).getMessage());
        Path notParquet = dir.resolve("x.parquet");
        Files.writeString(notParquet, "a,b\n1,2\n", StandardCharsets.UTF_8);
        String m = assertThrows(IllegalArgumentException.class, () -> CsvRows.open(notParquet, CsvOptions.defaults())).getMessage();
        assertTrue(m.startsWith(notParquet + ": not a readable Parquet file ("), m);
        assertEquals(dir.resolve("none.parquet") + ": no such file", assertThrows(IllegalArgumentException.class,
                () -> CsvRows.open(dir.resolve("none.parquet"), CsvOptions.defaults())).getMessage());
    }

    @SuppressWarnings("deprecation")   // BytesInput.toByteArray, the simplest way to compare a page
    @Test
    void pagesDecompressFromEveryCodecPetalReads() throws IOException {
        byte[] data = new byte[100_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 % 251 / 7);
        }
        ParquetCodecs codecs = new ParquetCodecs("t.parquet");
        for (CompressionCodecName c : List.of(CompressionCodecName.UNCOMPRESSED, CompressionCodecName.SNAPPY,
                CompressionCodecName.GZIP)) {
            CompressionCodecFactory.BytesInputCompressor z = codecs.getCompressor(c);
            BytesInput packed = z.compress(BytesInput.from(data));
            assertArrayEquals(data, codecs.getDecompressor(c).decompress(BytesInput.from(packed.toByteArray()), data.length)
                    .toByteArray(), c.name());
        }
        ZstdCompressor zstd = new ZstdCompressor();
        byte[] out = new byte[zstd.maxCompressedLength(data.length)];
        int n = zstd.compress(data, 0, data.length, out, 0, out.length);
        assertArrayEquals(data, codecs.getDecompressor(CompressionCodecName.ZSTD)
                .decompress(BytesInput.from(out, 0, n), data.length).toByteArray());
        assertEquals("t.parquet: its pages are compressed with brotli, which Petal does not read (it reads uncompressed, "
                + "snappy, gzip, zstd and lz4_raw pages); rewrite the file with one of those, e.g. "
                + "pyarrow.parquet.write_table(table, path, compression='snappy')",
                assertThrows(IllegalArgumentException.class, () -> codecs.getDecompressor(CompressionCodecName.BROTLI)).getMessage());
    }
}
