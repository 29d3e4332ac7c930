package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.check.PyRepr;
import dev.petal.datasets.CsvOptions;
import dev.petal.datasets.CsvRows;
import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import dev.petal.datasets.ParquetOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, predict and score with Parquet files in and out, against the same work on CSV. */
class ParquetCliTest {
    private static final List<String> COLUMNS = List.of("id", "sepal length", "sepal width", "petal length", "petal width", "species");
    private static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");

    @TempDir
    Path dir;
    private Path csv;
    private Path parquet;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    /** Iris with a string id column first, as CSV and as Parquet (numbers as doubles, id and species as text). */
    @BeforeEach
    void writeIris() throws IOException {
        Dataset d = Datasets.iris();
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        parquet = dir.resolve("iris.parquet");
        try (OutputStream o = Files.newOutputStream(parquet);
             ParquetOutput t = ParquetOutput.create(o, COLUMNS, new boolean[] {true, false, false, false, false, true})) {
            for (int i = 0; i < d.nSamples(); i++) {
                sb.append("row-").append(i);
                t.text(0, "row-" + i);
                double[] row = d.x().row(i);
                for (int j = 0; j < row.length; j++) {
                    sb.append(',').append(PyRepr.of(row[j]));
                    t.number(j + 1, row[j]);
                }
                sb.append(',').append(SPECIES.get(d.y()[i])).append('\n');
                t.text(5, SPECIES.get(d.y()[i])).endRow();
            }
        }
        csv = dir.resolve("iris.csv");
        Files.writeString(csv, sb.toString());
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return PetalCli.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    private static List<List<String>> rows(Path file) {
        List<List<String>> rows = new ArrayList<>();
        try (CsvRows r = CsvRows.open(file, CsvOptions.defaults())) {
            rows.add(r.header());
            while (r.next()) {
                List<String> row = new ArrayList<>();
                for (int j = 0; j < r.header().size(); j++) {
                    row.add(r.text(j));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void trainingOnParquetEqualsTrainingOnTheSameCsv() throws IOException {
        for (String estimator : List.of("svc", "linearsvc")) {
            Path fromCsv = dir.resolve(estimator + "-csv.petal");
            Path fromParquet = dir.resolve(estimator + "-parquet.petal");
            assertEquals(0, run("train", "--estimator", estimator, "--data", csv.toString(), "--model", fromCsv.toString(),
                    "--id-column", "id", "--random-state", "0"), err.toString());
            assertEquals(0, run("train", "--estimator", estimator, "--data", parquet.toString(), "--model", fromParquet.toString(),
                    "--id-column", "id", "--random-state", "0"), err.toString());
            assertTrue(out.toString().contains("150 rows x 4 features, 3 classes"), out.toString());
            Path a = dir.resolve(estimator + "-a.csv");
            Path b = dir.resolve(estimator + "-b.csv");
            assertEquals(0, run("predict", "--model", fromCsv.toString(), "--data", csv.toString(), "--output", a.toString(),
                    "--decision-function"), err.toString());
            assertEquals(0, run("predict", "--model", fromParquet.toString(), "--data", parquet.toString(), "--output",
                    b.toString(), "--decision-function"), err.toString());
            assertEquals(Files.readString(a), Files.readString(b), estimator);
        }
    }

    @Test
    void predictAndScoreWriteParquetWithTheCsvColumnsAndValues() throws IOException {
        Path model = dir.resolve("m.petal");
        assertEquals(0, run("train", "--data", csv.toString(), "--model", model.toString(), "--id-column", "id",
                "--probability", "--random-state", "0"), err.toString());
        Path asCsv = dir.resolve("p.csv");
        assertEquals(0, run("predict", "--model", model.toString(), "--data", parquet.toString(), "--output", asCsv.toString(),
                "--id-column", "id", "--decision-function", "--proba"), err.toString());
        for (String command : List.of("predict", "score")) {
            Path asParquet = dir.resolve(command + ".parquet");
            assertEquals(0, run(command, "--model", model.toString(), "--data", parquet.toString(), "--output",
                    asParquet.toString(), "--id-column", "id", "--decision-function", "--proba"), err.toString());
            assertTrue(out.toString().contains("wrote 150 predictions"), out.toString());
            List<List<String>> got = rows(asParquet);
            List<List<String>> expected = rows(asCsv);
            assertEquals(List.of("id", "prediction", "decision_0", "decision_1", "decision_2", "proba_setosa",
                    "proba_versicolor", "proba_virginica"), got.get(0));
            assertEquals(expected, got, command);   // doubles in Python's repr both ways: every bit equal
        }
    }

    @Test
    void aRegressorAndAOneClassModelWriteParquetToo() throws IOException {
        Path reg = dir.resolve("r.petal");
        assertEquals(0, run("train", "--estimator", "svr", "--data", parquet.toString(), "--label", "petal width",
                "--ignore-columns", "id,species", "--model", reg.toString()), err.toString());
        Path a = dir.resolve("r.csv");
        Path b = dir.resolve("r.parquet");
        assertEquals(0, run("predict", "--model", reg.toString(), "--data", parquet.toString(), "--output", a.toString()),
                err.toString());
        assertEquals(0, run("predict", "--model", reg.toString(), "--data", csv.toString(), "--output", b.toString()),
                err.toString());
        assertEquals(rows(a), rows(b));
        Path oc = dir.resolve("oc.petal");
        assertEquals(0, run("train", "--estimator", "oneclass", "--data", parquet.toString(), "--ignore-columns", "id",
                "--label", "species", "--model", oc.toString()), err.toString());
        Path c = dir.resolve("oc.csv");
        Path p = dir.resolve("oc.parquet");
        assertEquals(0, run("predict", "--model", oc.toString(), "--data", csv.toString(), "--output", c.toString(),
                "--decision-function"), err.toString());
        assertEquals(0, run("predict", "--model", oc.toString(), "--data", csv.toString(), "--output", p.toString(),
                "--decision-function"), err.toString());
        assertEquals(rows(c), rows(p));
        assertFalse(rows(p).get(1).get(0).isEmpty());
    }
}
