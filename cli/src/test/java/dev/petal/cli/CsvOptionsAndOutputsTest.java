package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.check.PyRepr;
import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 19's CSV options and output-path safety, from the command line. */
class CsvOptionsAndOutputsTest {
    private static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");

    @TempDir
    Path dir;
    private Path iris;
    private Path model;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    /** Iris with a string id column first, semicolon-separated. */
    @BeforeEach
    void writeIris() throws IOException {
        Dataset d = Datasets.iris();
        StringBuilder sb = new StringBuilder("id;sepal length;sepal width;petal length;petal width;species\n");
        for (int i = 0; i < d.nSamples(); i++) {
            sb.append("row-").append(i);
            for (double v : d.x().row(i)) {
                sb.append(';').append(PyRepr.of(v));
            }
            sb.append(';').append(SPECIES.get(d.y()[i])).append('\n');
        }
        iris = dir.resolve("iris.csv");
        Files.writeString(iris, sb.toString());
        model = dir.resolve("m.petal");
        assertEquals(0, run("train", "--data", iris.toString(), "--model", model.toString(), "--id-column", "id"), err.toString());
        assertTrue(out.toString().contains("on 150 rows x 4 features, 3 classes"), out.toString());
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return PetalCli.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void idColumnIsCarriedIntoPredictionsAndScores() throws IOException {
        Path preds = dir.resolve("p.csv");
        assertEquals(0, run("predict", "--model", model.toString(), "--data", iris.toString(), "--output", preds.toString(),
                "--id-column", "id"), err.toString());
        List<String> lines = Files.readAllLines(preds);
        assertEquals("id,prediction", lines.get(0));
        assertEquals("row-0,setosa", lines.get(1));
        assertEquals(151, lines.size());
        Path scores = dir.resolve("s.csv");
        assertEquals(0, run("score", "--model", model.toString(), "--data", iris.toString(), "--output", scores.toString(),
                "--id-column", "id", "--decision-function"), err.toString());
        List<String> scored = Files.readAllLines(scores);
        assertEquals("id,prediction,decision_0,decision_1,decision_2", scored.get(0));
        assertEquals(lines.get(1), scored.get(1).substring(0, scored.get(1).indexOf(',', 6)));
    }

    @Test
    void outputDashIsStandardOutputAndGzipInputIsRead() throws IOException {
        Path gz = dir.resolve("iris.csv.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(Files.readAllBytes(iris));
        }
        assertEquals(0, run("predict", "--model", model.toString(), "--data", gz.toString(), "--output", "-"), err.toString());
        assertTrue(out.toString().startsWith("prediction\nsetosa\n"), out.toString());
        assertEquals(151, out.toString().lines().count());
        assertFalse(Files.exists(Path.of("-")));
    }

    @Test
    void dataDashIsStandardInput() throws IOException {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(iris)));
            Path preds = dir.resolve("stdin.csv");
            assertEquals(0, run("predict", "--model", model.toString(), "--data", "-", "--output", preds.toString()), err.toString());
            assertEquals(151, Files.readAllLines(preds).size());
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(iris)));
            Path m2 = dir.resolve("stdin.petal");
            assertEquals(0, run("train", "--data", "-", "--model", m2.toString(), "--ignore-columns", "id"), err.toString());
        } finally {
            System.setIn(saved);
        }
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndADeviceIsRefused() throws Exception {
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "old\n");
        Path link = dir.resolve("link.csv");
        Files.createSymbolicLink(link, real);
        assertEquals(0, run("predict", "--model", model.toString(), "--data", iris.toString(), "--output", link.toString()), err.toString());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.readString(real).startsWith("prediction\nsetosa\n"));

        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertEquals(1, run("predict", "--model", model.toString(), "--data", iris.toString(), "--output", fifo.toString()));
        assertEquals("error: cannot write " + fifo + ": it is not a regular file (a device, pipe or socket); give a file path, "
                + "or '-' for standard output\n", err.toString());
        assertFalse(Files.isRegularFile(fifo));
        Path modelLink = dir.resolve("model-link.petal");
        Files.createSymbolicLink(modelLink, dir.resolve("target.petal"));
        assertEquals(0, run("train", "--data", iris.toString(), "--model", modelLink.toString(), "--ignore-columns", "id"), err.toString());
        assertTrue(Files.isSymbolicLink(modelLink));
        assertTrue(Files.isRegularFile(dir.resolve("target.petal")));
    }

    @Test
    void splitWritesBothFilesOrNeither() throws IOException {
        Path train = dir.resolve("train.csv");
        Files.writeString(train, "keep me\n");
        Path test = dir.resolve("missing-folder").resolve("test.csv");
        assertEquals(1, run("split", "--data", iris.toString(), "--train", train.toString(), "--test", test.toString(),
                "--random-state", "0", "--id-column", "id"));
        assertEquals("keep me\n", Files.readString(train));
        assertTrue(err.toString().startsWith("error: cannot write " + test), err.toString());

        Path ok = dir.resolve("test.csv");
        assertEquals(0, run("split", "--data", iris.toString(), "--train", train.toString(), "--test", ok.toString(),
                "--random-state", "0", "--id-column", "id"), err.toString());
        List<String> lines = Files.readAllLines(train);
        assertEquals("id;sepal length;sepal width;petal length;petal width;species", lines.get(0));
        assertEquals(113, lines.size());
        assertEquals(39, Files.readAllLines(ok).size());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList());
        }
    }

    @Test
    void headerlessAndMissingMarkersGetOneClearLine() throws IOException {
        Path noHeader = dir.resolve("nohead.csv");
        Files.writeString(noHeader, "0.0,1.5,0\n1.0,2.5,1\n");
        assertEquals(1, run("train", "--data", noHeader.toString(), "--model", dir.resolve("x.petal").toString()));
        assertEquals("error: " + noHeader + " line 1: the first row holds numbers ('0.0', '1.5', '0'), not column names; "
                + "add a header row naming every column\n", err.toString());
        Path weka = dir.resolve("weka.csv");
        Files.writeString(weka, "a,b,y\n1,?,0\n2,3,1\n");
        assertEquals(1, run("train", "--data", weka.toString(), "--model", dir.resolve("x.petal").toString()));
        assertEquals("error: " + weka + " line 2, column 'b': '?' is a missing value; remove the row or impute the value "
                + "(or read such cells as NaN with --na-values '?')\n", err.toString());
        assertEquals(1, run("train", "--data", weka.toString(), "--model", dir.resolve("x.petal").toString(), "--na-values", "?"));
        assertTrue(err.toString().startsWith("error: Input X contains NaN."), err.toString());
        assertEquals(2, run("train", "--data", weka.toString(), "--model", dir.resolve("x.petal").toString(), "--delimiter", "ab"));
    }

    @Test
    void outOfMemoryIsOneLineNamingTheFile() throws IOException {
        String line = OutOfMemory.explain(new OutOfMemoryError("Java heap space"), new String[] {"train", "--data", iris.toString()});
        assertTrue(line.startsWith("out of memory with " + iris + " ("), line);
        assertTrue(line.contains("PETAL_JAVA_OPTS=-Xmx"), line);
        assertEquals(1, line.lines().count());
        assertTrue(OutOfMemory.find(new RuntimeException(new OutOfMemoryError())) != null);
    }
    @Test
    void evaluateAndCvTakeTheCsvOptionsOfTrain() throws IOException {
        // the same rows without the id column, comma-separated
        StringBuilder plain = new StringBuilder();
        for (String line : Files.readAllLines(iris)) {
            plain.append(line.substring(line.indexOf(';') + 1).replace(';', ',')).append('\n');
        }
        Path plainCsv = dir.resolve("plain.csv");
        Files.writeString(plainCsv, plain.toString());
        Path gz = dir.resolve("iris.csv.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(Files.readAllBytes(iris));
        }
        assertEquals(0, run("evaluate", "--model", model.toString(), "--data", plainCsv.toString()), err.toString());
        String expected = out.toString().replace(plainCsv.toString(), "DATA");
        assertEquals(0, run("evaluate", "--model", model.toString(), "--data", gz.toString(), "--id-column", "id",
                "--delimiter", ";"), err.toString());
        assertEquals(expected, out.toString().replace(gz.toString(), "DATA"));
        assertEquals(0, run("evaluate", "--model", model.toString(), "--data", iris.toString(), "--ignore-columns", "id"),
                err.toString());
        assertEquals(expected, out.toString().replace(iris.toString(), "DATA"));

        assertEquals(0, run("cv", "--data", plainCsv.toString(), "--cv", "3"), err.toString());
        String scores = out.toString().replace(plainCsv.toString(), "DATA");
        assertTrue(scores.contains("0."), scores);
        assertEquals(0, run("cv", "--data", gz.toString(), "--cv", "3", "--id-column", "id", "--na-values", "?"), err.toString());
        assertEquals(scores, out.toString().replace(gz.toString(), "DATA"));
    }
}
