package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.check.PyRepr;
import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitCommandTest {
    private static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");

    @TempDir
    Path dir;
    private Path all;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Iris as a user would have it: a row id column so the order is visible, species as strings. */
    @BeforeEach
    void writeIris() throws IOException {
        Dataset iris = Datasets.iris();
        StringBuilder sb = new StringBuilder("id,sepal length,sepal width,petal length,petal width,species\n");
        for (int i = 0; i < iris.nSamples(); i++) {
            sb.append(i);
            for (double v : iris.x().row(i)) {
                sb.append(',').append(PyRepr.of(v));
            }
            sb.append(',').append(SPECIES.get(iris.y()[i])).append('\n');
        }
        all = dir.resolve("iris.csv");
        Files.writeString(all, sb.toString());
    }

    private int run(String... args) {
        return PetalCli.execute(args, new PrintWriter(out), new PrintWriter(err));
    }

    private static JsonNode golden() throws IOException {
        try (InputStream in = SplitCommandTest.class.getResourceAsStream("/fixtures/split_iris.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static int[] ids(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        assertEquals("id,sepal length,sepal width,petal length,petal width,species", lines.get(0));
        int[] ids = new int[lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            ids[i - 1] = (int) Double.parseDouble(lines.get(i).split(",")[0]);
        }
        return ids;
    }

    private static int[] ints(JsonNode node) {
        int[] a = new int[node.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = node.get(i).asInt();
        }
        return a;
    }

    @Test
    void rowOrderOnIrisEqualsScikitLearns() throws IOException {
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        assertEquals(0, run("split", "--data", all.toString(), "--train", train.toString(), "--test", test.toString(),
                "--random-state", "0"), err.toString());
        JsonNode g = golden().get(0);
        assertArrayEquals(ints(g.get("train")), ids(train));
        assertArrayEquals(ints(g.get("test")), ids(test));
        assertEquals(112, ids(train).length);
        assertEquals(38, ids(test).length);
        assertEquals("wrote 112 rows to " + train + " and 38 rows to " + test + " (test_size=0.25, random_state=0)\n", out.toString());
        assertEquals("", err.toString());
        // labels and numbers are written back as they were read
        String first = Files.readAllLines(train).get(1);
        int id = ints(g.get("train"))[0];
        assertEquals(Files.readAllLines(all).get(id + 1), first.replaceFirst("^" + id + "\\.0,", id + ","));
    }

    @Test
    void stratifiedRowOrderOnIrisEqualsScikitLearns() throws IOException {
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        assertEquals(0, run("split", "--data", all.toString(), "--train", train.toString(), "--test", test.toString(),
                "--label", "species", "--test-size", "0.2", "--random-state", "42", "--stratify"), err.toString());
        JsonNode g = golden().get(1);
        assertArrayEquals(ints(g.get("train")), ids(train));
        assertArrayEquals(ints(g.get("test")), ids(test));
        assertTrue(out.toString().endsWith("(test_size=0.2, random_state=42, stratified by 'species')\n"), out.toString());
    }

    @Test
    void dataErrorsExit1WithOneErrorLine() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "a,b,y\n1,2,x\n3,abc,y\n");
        assertEquals(1, run("split", "--data", bad.toString(), "--train", dir.resolve("t.csv").toString(),
                "--test", dir.resolve("u.csv").toString()));
        assertEquals("error: " + bad + " line 3, column 'b': 'abc' is not a number\n", err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void impossibleSizesExit1WithScikitLearnsMessage() {
        assertEquals(1, run("split", "--data", all.toString(), "--train", dir.resolve("t.csv").toString(),
                "--test", dir.resolve("u.csv").toString(), "--test-size", "150"));
        assertEquals("error: test_size=150 should be either positive and smaller than the number of samples 150 or a float "
                + "in the (0, 1) range\n", err.toString());
    }

    @Test
    void usageErrorsExit2() {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"split", "--data", all.toString(), "--train", "a.csv"});
        cases.add(new String[] {"split", "--data", all.toString(), "--train", "a.csv", "--test", "b.csv", "--test-size", "big"});
        cases.add(new String[] {"split", "--data", all.toString(), "--train", "a.csv", "--test", "b.csv", "--random-state", "-1"});
        cases.add(new String[] {"split", "--data", all.toString(), "--train", "a.csv", "--test", "a.csv"});
        List<String> messages = new ArrayList<>();
        for (String[] args : cases) {
            StringWriter e = new StringWriter();
            assertEquals(2, PetalCli.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(e)), String.join(" ", args));
            messages.add(e.toString());
        }
        assertEquals("error: Missing required option: '--test=TEST.csv'\n", messages.get(0));
        assertEquals("error: --test-size must be a fraction in (0, 1) or a whole number of rows, got 'big'\n", messages.get(1));
        assertEquals("error: --random-state must be between 0 and 4294967295, got -1\n", messages.get(2));
        assertEquals("error: --train and --test name the same file: a.csv\n", messages.get(3));
    }
    @Test
    void eitherPartMayGoToStandardOutputWithTheSameBytes() throws IOException {
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        assertEquals(0, run("split", "--data", all.toString(), "--train", train.toString(), "--test", test.toString(),
                "--random-state", "42", "--stratify"), err.toString());
        for (String part : List.of("--train", "--test")) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            Path other = dir.resolve("other.csv");
            Files.deleteIfExists(other);
            String[] args = part.equals("--train")
                    ? new String[] {"split", "--data", all.toString(), "--train", "-", "--test", other.toString(), "--random-state", "42", "--stratify"}
                    : new String[] {"split", "--data", all.toString(), "--train", other.toString(), "--test", "-", "--random-state", "42", "--stratify"};
            assertEquals(0, run(args), err.toString());
            Path toStdout = part.equals("--train") ? train : test;
            Path toFile = part.equals("--train") ? test : train;
            assertEquals(Files.readString(toStdout), out.toString(), part);   // only the rows: the summary went to stderr
            assertEquals(Files.readString(toFile), Files.readString(other), part);
            assertTrue(err.toString().startsWith("wrote "), err.toString());
        }
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertEquals(2, run("split", "--data", all.toString(), "--train", "-", "--test", "-"));
        assertTrue(err.toString().contains("--train and --test name the same file: -"), err.toString());
        assertEquals("", out.toString());
    }
}
