package dev.petal.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.linalg.Matrix;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    private static final String HEADER = "sepal length,sepal width,species\n";

    private static String error(String text) {
        return assertThrows(IllegalArgumentException.class, () -> CsvReader.read("train.csv", text, null)).getMessage();
    }

    @Test
    void stringLabelsBecomeIndicesIntoTheSortedClassNames() {
        LabeledData d = CsvReader.read("t.csv", HEADER + "5.1,3.5,versicolor\n4.9,3.0,setosa\n6.3,2.9,virginica\n5.0,3.6,setosa\n", null);
        assertEquals(List.of("setosa", "versicolor", "virginica"), d.classNames());
        assertArrayEquals(new int[] {1, 0, 2, 0}, d.y());
        assertTrue(d.stringLabels());
        assertEquals("species", d.labelName());
        assertEquals(List.of("sepal length", "sepal width"), d.featureNames());
        assertEquals(Matrix.of(new double[][] {{5.1, 3.5}, {4.9, 3.0}, {6.3, 2.9}, {5.0, 3.6}}), d.x());
    }

    @Test
    void stringLabelsSortByCodePointAsNumpyUniqueDoes() {
        LabeledData d = CsvReader.read("t.csv", "a,y\n1,b\n2,B\n3,a\n4,_\n", null);
        assertEquals(List.of("B", "_", "a", "b"), d.classNames());
        assertArrayEquals(new int[] {3, 0, 2, 1}, d.y());
    }

    @Test
    void nonAsciiLabelsAreDecodedAsUtf8AndInvalidBytesNameTheLine(@TempDir Path dir) throws IOException {
        LabeledData d = CsvReader.read("t.csv", "a,y\n1,\u00e9t\u00e9\n2,hiver\n3,\u00e9t\u00e9\n4,\u6625\n", null);
        assertEquals(List.of("hiver", "\u00e9t\u00e9", "\u6625"), d.classNames());
        assertArrayEquals(new int[] {1, 0, 1, 2}, d.y());
        Path f = dir.resolve("latin1.csv");
        Files.write(f, new byte[] {'a', ',', 'y', '\n', '1', ',', 'o', 'k', '\n', '2', ',', (byte) 0xe9, '\n'});
        assertEquals(f + " line 3: not UTF-8 text; save the CSV file as UTF-8",
                assertThrows(IllegalArgumentException.class, () -> CsvReader.read(f, null)).getMessage());
    }

    @Test
    void integerLabelsKeepTheirValuesAndALabelColumnCanBeNamed() {
        LabeledData d = CsvReader.read("t.csv", "label,x1,x2\n7,1,2\n-2,3,4\n7,5e-1,6\n", "label");
        assertArrayEquals(new int[] {7, -2, 7}, d.y());
        assertEquals(List.of("-2", "7"), d.classNames());
        assertFalse(d.stringLabels());
        assertEquals(0, d.labelColumn());
        assertEquals(0.5, d.x().get(2, 0));
        assertEquals(List.of("-2", "7"), d.toDataset().targetNames());
    }

    @Test
    void aBadCellNamesFileLineAndColumn() {
        assertEquals("train.csv line 3, column 'sepal width': 'abc' is not a number",
                error(HEADER + "5.1,3.5,setosa\n4.9,abc,setosa\n"));
        assertEquals("train.csv line 2, column 'sepal length': '0x1p3' is not a number", error(HEADER + "0x1p3,1,a\n"));
    }

    @Test
    void aShortOrLongRowNamesItsLine() {
        assertEquals("train.csv line 4: 2 values but the header has 3 columns; every row needs one value per column",
                error(HEADER + "5.1,3.5,setosa\n4.9,3.0,setosa\n4.7,3.2\n"));
        assertEquals("train.csv line 2: 4 values but the header has 3 columns; every row needs one value per column",
                error(HEADER + "5.1,3.5,setosa,extra\n"));
    }

    @Test
    void missingValuesSayHowToFixThem() {
        assertEquals("train.csv line 2, column 'sepal width': 'NaN' is a missing value (NaN); remove the row or impute the value",
                error(HEADER + "5.1,NaN,setosa\n"));
        assertEquals("train.csv line 3, column 'sepal length': the value is missing (empty cell); remove the row or impute the value",
                error(HEADER + "5.1,3.5,setosa\n,3.0,setosa\n"));
        assertEquals("train.csv line 2, column 'sepal length': 'inf' is not a finite number; remove the row or replace the value",
                error(HEADER + "inf,3.5,setosa\n"));
        assertEquals("train.csv line 2, column 'species': the label is empty; remove the row or give it a label",
                error(HEADER + "5.1,3.5,\n"));
    }

    @Test
    void lineNumbersCountBlankLinesAndQuotedNewlines() {
        assertEquals("train.csv line 5, column 'b': 'x' is not a number", error("a,b,y\n1,2,\"two\nlines\"\n\n1,x,z\n"));
        assertEquals("train.csv line 3, column 'b': 'x' is not a number", error("a,b,y\r\n1,2,z\r\n1,x,z\r\n"));
    }

    @Test
    void structuralProblemsAreNamed() {
        assertEquals("train.csv: no data rows after the header; add one row per sample", error(HEADER));
        assertEquals("train.csv: the file is empty; expected a header row and then one row per sample", error(""));
        assertEquals("train.csv line 1: duplicate column name 'a' (columns 1 and 3); column names must be distinct",
                error("a,b,a\n1,2,3\n"));
        assertEquals("train.csv line 1: column 2 has an empty name; every column needs a name in the header row",
                error("a,,y\n1,2,3\n"));
        assertEquals("train.csv line 1: no label column 'species'; the columns are 'a', 'b', 'y'",
                assertThrows(IllegalArgumentException.class,
                        () -> CsvReader.read("train.csv", "a,b,y\n1,2,3\n", "species")).getMessage());
        assertEquals("train.csv line 1: only the label column 'y'; at least one feature column is needed", error("y\n1\n"));
    }

    @Test
    void filesAreReadAndMissingFilesNamed(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("train.csv");
        Files.writeString(f, "\uFEFFx,y\n1.5,a\n2.5,b\n");
        LabeledData d = Datasets.readCsv(f, "y");
        assertEquals(List.of("x", "y"), d.header());
        assertEquals(f.toString(), d.source());
        Path missing = dir.resolve("nope.csv");
        assertEquals(missing + ": no such file",
                assertThrows(IllegalArgumentException.class, () -> Datasets.readCsv(missing, null)).getMessage());
    }

    @Test
    void featuresAreReadByNameIgnoringOtherColumns() {
        Matrix x = CsvReader.readFeatures("test.csv", "b,label,a\n1,x,2\n3,y,4\n", List.of("a", "b"));
        assertEquals(Matrix.of(new double[][] {{2, 1}, {4, 3}}), x);
        assertEquals("test.csv line 1: no column 'c', which the model was trained on; the columns are 'b', 'label', 'a'",
                assertThrows(IllegalArgumentException.class,
                        () -> CsvReader.readFeatures("test.csv", "b,label,a\n1,x,2\n", List.of("a", "c"))).getMessage());
    }

    @Test
    void semicolonAndTabFilesAreDetectedOrNamed() {
        LabeledData semi = CsvReader.read("glass.csv", "RI;Na;Type\n1.5;13.6;1\n1.4;13.9;2\n", null);
        assertEquals(List.of("RI", "Na"), semi.featureNames());
        assertEquals(13.9, semi.x().get(1, 1));
        LabeledData tab = CsvReader.read("t.tsv", "a\tb\ty\n1,5\t2\tz\n".replace("1,5", "1.5"), null);
        assertEquals(1.5, tab.x().get(0, 0));
        LabeledData pipe = CsvReader.read("p.csv", "a|y\n3|z\n", null, CsvOptions.defaults().withDelimiter('|'));
        assertEquals(3.0, pipe.x().get(0, 0));
        assertEquals('\t', CsvOptions.parseDelimiter("tab"));
        assertEquals("--delimiter must be one character (or 'tab'), got ';;'",
                assertThrows(IllegalArgumentException.class, () -> CsvOptions.parseDelimiter(";;")).getMessage());
    }

    @Test
    void aFileWithoutHeaderIsToldSo() {
        assertEquals("train.csv line 1: the first row holds numbers ('5.1', '3.5', '0'), not column names; add a header row naming every column",
                error("5.1,3.5,0\n4.9,3.0,0\n"));
    }

    @Test
    void missingValueMarkersGetTheMissingValueMessageOrAreReadAsNaN() {
        assertEquals("train.csv line 2, column 'sepal width': '?' is a missing value; remove the row or impute the value "
                + "(or read such cells as NaN with --na-values '?')", error(HEADER + "5.1,?,setosa\n"));
        assertEquals("train.csv line 2, column 'sepal length': 'NA' is a missing value; remove the row or impute the value "
                + "(or read such cells as NaN with --na-values 'NA')", error(HEADER + "NA,1,setosa\n"));
        LabeledData d = CsvReader.read("t.csv", HEADER + "5.1,?,setosa\n-999,,b\n", null,
                CsvOptions.defaults().withNaValues(List.of("?", "-999")));
        assertTrue(Double.isNaN(d.x().get(0, 1)));
        assertTrue(Double.isNaN(d.x().get(1, 0)));
        assertTrue(Double.isNaN(d.x().get(1, 1)));
        assertEquals(5.1, d.x().get(0, 0));
    }

    @Test
    void idAndIgnoredColumnsAreNotFeatures() {
        CsvOptions o = CsvOptions.defaults().withIdColumn("id").withIgnoreColumns(List.of("note"));
        LabeledData d = CsvReader.read("t.csv", "id,a,note,b,y\nr1,1,x,2,p\nr2,3,y,4,q\n", null, o);
        assertEquals(List.of("a", "b"), d.featureNames());
        assertEquals(Matrix.of(new double[][] {{1, 2}, {3, 4}}), d.x());
        assertEquals(List.of("p", "q"), d.classNames());
        assertEquals("t.csv line 1: no column 'nope' (named by --ignore-columns); the columns are 'a', 'y'",
                assertThrows(IllegalArgumentException.class, () -> CsvReader.read("t.csv", "a,y\n1,2\n", null,
                        CsvOptions.defaults().withIgnoreColumns(List.of("nope")))).getMessage());
        try (CsvFeatures f = CsvFeatures.of(CsvRows.of("t.csv", "id,a,b\nr1,1,2\nr2,3,4\nr3,5,6\n", o.withIgnoreColumns(List.of())),
                List.of("b", "a"))) {
            CsvFeatures.Chunk c = f.next(2);
            assertEquals(List.of("r1", "r2"), c.ids());
            assertEquals(Matrix.of(new double[][] {{2, 1}, {4, 3}}), c.x());
            assertEquals(List.of("r3"), f.next(2).ids());
            assertEquals(null, f.next(2));
        }
    }

    @Test
    void gzipFilesAndLongCellsAreRead(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("train.csv.gz");
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("x,y\n1.5,a\n2.5,b\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        LabeledData d = Datasets.readCsv(gz, null);
        assertEquals(2.5, d.x().get(1, 0));
        String longCell = "z".repeat(100_000);
        String msg = error("a,y\n" + longCell + ",1\n");
        assertTrue(msg.length() < 400, msg);
        assertTrue(msg.endsWith("... (100000 characters)' is not a number"), msg);
        assertEquals(dir + ": is a folder, not a CSV file",
                assertThrows(IllegalArgumentException.class, () -> Datasets.readCsv(dir, null)).getMessage());
    }

    @Test
    void rowsLongerThanTheReadBufferAndQuotedDelimitersSurvive() {
        StringBuilder sb = new StringBuilder();
        int d = 5000;
        for (int j = 0; j < d; j++) {
            sb.append("c").append(j).append(',');
        }
        sb.append("\"label, quoted\"\n");
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < d; j++) {
                sb.append(i * 0.5 + j * 1e-3).append(',');
            }
            sb.append("\"a,\"\"b\"\"\"\n");
        }
        LabeledData x = CsvReader.read("wide.csv", sb.toString(), null);
        assertEquals(d, x.x().cols());
        assertEquals(1.0 + 4999e-3, x.x().get(2, d - 1));
        assertEquals(List.of("a,\"b\""), x.classNames());
        assertEquals("label, quoted", x.labelName());
    }
}
