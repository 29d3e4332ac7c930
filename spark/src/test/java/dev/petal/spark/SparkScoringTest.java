package dev.petal.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.petal.cli.PetalCli;
import dev.petal.datasets.Dataset;
import dev.petal.datasets.Datasets;
import dev.petal.tracking.ComputeTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch scoring on {@code spark:local[2]} writes byte for byte what {@code petal predict} writes. */
class SparkScoringTest {
    @TempDir
    Path dir;

    @AfterAll
    static void stopSpark() {
        SparkSessions.stop();
    }

    /** Iris with a header and the class names as labels, rows repeated {@code times} (shuffled by a fixed stride). */
    static void writeIris(Path file, int times) throws Exception {
        Dataset iris = Datasets.iris();
        StringBuilder b = new StringBuilder(String.join(",", iris.featureNames())).append(",species\n");
        int n = iris.nSamples();
        for (int t = 0; t < times; t++) {
            for (int k = 0; k < n; k++) {
                int i = (k * 37 + t) % n;
                for (int j = 0; j < iris.nFeatures(); j++) {
                    b.append(iris.x().get(i, j) + (t % 7) * 0.1).append(',');
                }
                b.append(iris.targetNames().get(iris.y()[i])).append('\n');
            }
        }
        Files.writeString(file, b);
    }

    static String petal(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PetalCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        return out.toString();
    }

    @Test
    void scoresACsvExactlyAsPredictDoes() throws Exception {
        Path train = dir.resolve("train.csv");
        writeIris(train, 1);
        Path model = dir.resolve("m.petal");
        petal("train", "--data", train.toString(), "--model", model.toString(), "--probability", "--random-state", "0");
        Path data = dir.resolve("big.csv");
        writeIris(data, 40);
        Path expected = dir.resolve("expected.csv");
        petal("predict", "--model", model.toString(), "--data", data.toString(), "--output", expected.toString(),
                "--decision-function", "--proba");
        SparkSession spark = SparkSessions.session(ComputeTarget.spark("local[2]", Map.of()));
        Path got = dir.resolve("got.csv");
        long n = SparkScoring.scoreFile(spark, model, data.toString(), got, true, true);
        assertEquals(6000, n);
        assertEquals(Files.readString(expected), Files.readString(got));

        Path parquet = dir.resolve("in.parquet");
        spark.read().option("header", true).option("inferSchema", true).csv(data.toString()).coalesce(1)
                .write().parquet(parquet.toString());
        Path fromParquet = dir.resolve("from-parquet.csv");
        SparkScoring.scoreFile(spark, model, parquet.toString(), fromParquet, true, true);
        assertEquals(Files.readString(expected), Files.readString(fromParquet));
    }

    @Test
    void columnsThatDoNotMatchTheModelAreRefused() throws Exception {
        Path train = dir.resolve("train.csv");
        writeIris(train, 1);
        Path model = dir.resolve("m.petal");
        petal("train", "--data", train.toString(), "--model", model.toString());
        Path data = dir.resolve("other.csv");
        Files.writeString(data, "a,b,c\n1,2,3\n");
        SparkSession spark = SparkSessions.session(ComputeTarget.spark("local[2]", Map.of()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SparkScoring.scoreFile(spark, model, data.toString(), dir.resolve("o.csv"), false, false));
        assertEquals(data + " has no column 'sepal length (cm)', a feature the model was trained on (model features:"
                + " sepal length (cm), sepal width (cm), petal length (cm), petal width (cm); file columns: a, b, c)",
                e.getMessage());
    }
}
