package dev.petal.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {
    @Test
    void writesTheHeaderAndChosenRowsWithPythonReprNumbersAndLabelsAsRead() {
        LabeledData d = CsvReader.read("in.csv", "\"name, quoted\",label,b\n5.10,01,1e-5\n2,x y,100000000000000000\n", "label");
        assertEquals("\"name, quoted\",label,b\n2.0,x y,1e+17\n5.1,01,1e-05\n", CsvWriter.toCsv(d, new int[] {1, 0}));
    }

    @Test
    void writtenFilesReadBackToTheSameData(@TempDir Path dir) throws IOException {
        Dataset iris = Datasets.iris();
        LabeledData d = CsvReader.read("iris.csv", new String(Datasets.class.getResourceAsStream("iris.csv").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8), null);
        int[] rows = new int[150];
        for (int i = 0; i < 150; i++) {
            rows[i] = i;
        }
        Path out = dir.resolve("copy.csv");
        CsvWriter.write(out, d, rows);
        LabeledData back = Datasets.readCsv(out, "target");
        assertEquals(iris.x(), back.x());
        assertEquals(java.util.Arrays.toString(iris.y()), java.util.Arrays.toString(back.y()));
        assertEquals(new String(Datasets.class.getResourceAsStream("iris.csv").readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                Files.readString(out));
    }
}
