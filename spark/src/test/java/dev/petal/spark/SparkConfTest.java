package dev.petal.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.petal.cli.PetalCli;
import dev.petal.tracking.ComputeTarget;
import dev.petal.tracking.Workspace;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --spark-conf KEY=VALUE} on run, tune, cv and score reaches the Spark session the command runs on. */
class SparkConfTest {
    static final ComputeTarget LOCAL2 = ComputeTarget.parse("spark:local[2]");

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    @BeforeEach
    @AfterEach
    void stopSpark() {
        SparkSessions.stop();
    }

    static Result petal(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PetalCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    /** The setting {@code key} of the session Petal started (the command leaves it running in this JVM). */
    private static String setting(String key) {
        return SparkSessions.session(LOCAL2).sparkContext().getConf().get(key, null);
    }

    @Test
    void runAndTuneTasksGetTheCoresOfSparkTaskCpus() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("Threads.java"), """
                public class Threads {
                    public static void main(String[] a) {
                        System.out.println("threads=" + System.getProperty("petal.threads"));
                        dev.petal.tracking.Run.getContext().log("m", 1.0);
                    }
                }
                """);
        String ws = dir.resolve("ws").toString();
        String script = src.resolve("Threads.java").toString();
        Result r = petal("run", "--workspace", ws, "--target", "spark:local[2]", "--spark-conf", "spark.task.cpus=2",
                "--spark-conf", "spark.app.name=petal-conf-test", script);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("threads=2\n"), r.out());
        assertEquals("petal-conf-test", setting("spark.app.name"));
        SparkSessions.stop();

        r = petal("tune", "--workspace", ws, "--target", "spark:local[2]", "--spark-conf", "spark.task.cpus=2",
                "--sampling", "grid", "--param", "x=choice(1)", "--primary-metric", "m", "--goal", "maximize",
                "--max-total-runs", "1", "--json", script);
        assertEquals(0, r.code(), r.err());
        JsonNode child = new ObjectMapper().readTree(r.out()).get("children").get(0);
        Path log = Workspace.at(Path.of(ws)).getRun(child.get("id").asText()).folder().resolve("logs/std_log.txt");
        assertTrue(Files.readString(log).contains("threads=2\n"), Files.readString(log));
        assertEquals("2", setting("spark.task.cpus"));
    }

    @Test
    void scoreAndCvStartTheirSessionWithTheSettings() throws Exception {
        Path train = dir.resolve("train.csv");
        SparkScoringTest.writeIris(train, 1);
        Path model = dir.resolve("m.petal");
        SparkScoringTest.petal("train", "--data", train.toString(), "--model", model.toString());
        Result r = petal("score", "--model", model.toString(), "--data", train.toString(), "--output",
                dir.resolve("out.csv").toString(), "--target", "spark:local[2]", "--spark-conf", "spark.sql.shuffle.partitions=3");
        assertEquals(0, r.code(), r.err());
        assertEquals("3", setting("spark.sql.shuffle.partitions"));
        SparkSessions.stop();

        String local = SparkScoringTest.petal("cv", "--data", train.toString(), "--cv", "3");
        r = petal("cv", "--data", train.toString(), "--cv", "3", "--target", "spark:local[2]", "--spark-conf",
                "spark.task.cpus=2");
        assertEquals(0, r.code(), r.err());
        assertEquals(local, r.out());
        assertEquals("2", setting("spark.task.cpus"));
    }

    @Test
    void settingsNeedASparkTargetAndSparkKeys() {
        Result r = petal("run", "--workspace", dir.resolve("ws").toString(), "--target", "local", "--spark-conf",
                "spark.task.cpus=2", "dev.petal.examples.TrainIris");
        assertEquals(2, r.code());
        assertEquals("error: --spark-conf: Spark settings need a Spark target (spark:local[N], spark://HOST:PORT or a named"
                + " Spark target); compute target 'local' is not one", r.err().lines().findFirst().orElse(""));
        r = petal("score", "--model", "m.petal", "--data", "in.csv", "--output", "out.csv", "--target", "spark:local[2]",
                "--spark-conf", "executor.memory=2g");
        assertEquals(2, r.code());
        assertEquals("error: --spark-conf: Spark setting 'executor.memory' must start with 'spark.'",
                r.err().lines().findFirst().orElse(""));
    }

    @Test
    void aSessionStartedWithOtherSettingsIsNotReusedSilently() {
        SparkSessions.session(LOCAL2);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SparkSessions.session(ComputeTarget.spark("local[2]", Map.of("spark.task.cpus", "2"))));
        assertEquals("this JVM already runs Spark on local[2] without spark.task.cpus; it cannot also run spark:local[2]"
                + " with spark.task.cpus=2 (Spark allows one context per JVM; SparkSessions.stop() ends the one Petal"
                + " started)", e.getMessage());
    }
}
