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
}
