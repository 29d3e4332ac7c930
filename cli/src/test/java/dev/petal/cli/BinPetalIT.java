package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/petal as a user runs it: the class-data archive, the options its child JVMs inherit, a full heap. */
class BinPetalIT {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private Result petal(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(ROOT.resolve("bin/petal").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("bin/petal " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theArchiveIsBuiltUsedAndInheritedByRunScripts() throws Exception {
        Result version = petal(Map.of(), "--version");
        assertEquals(0, version.code(), version.err());
        assertTrue(Files.isRegularFile(ROOT.resolve("cli/target/petal.jsa")));
        // -Xshare:on fails the JVM when the archive cannot be mapped: it is valid for this jar and JVM
        Result forced = petal(Map.of("PETAL_JAVA_OPTS", "-Xshare:on"), "--version");
        assertEquals(0, forced.code(), forced.err());
        assertTrue(forced.out().startsWith("petal "), forced.out());
        // picocli too comes from the archive: the build rewrites its Java 5 class files, which sharing skips
        Path log = dir.resolve("class-load.log");
        Result logged = petal(Map.of("PETAL_JAVA_OPTS", "-Xlog:class+load:file=" + log), "--version");
        assertEquals(0, logged.code(), logged.err());
        String commandLine = Files.readAllLines(log).stream().filter(l -> l.contains(" picocli.CommandLine source: ")).findFirst()
                .orElseThrow(() -> new AssertionError("picocli.CommandLine not loaded"));
        assertTrue(commandLine.endsWith("source: shared objects file (top)"), commandLine);

        Path script = dir.resolve("ShowArgs.java");
        Files.writeString(script, "public class ShowArgs { public static void main(String[] a) { System.out.println(\"jvm args: \" "
                + "+ java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()); } }\n");
        Result run = petal(Map.of(), "run", "--workspace", dir.resolve("ws").toString(), script.toString());
        assertEquals(0, run.code(), run.out() + run.err());
        String line = run.out().lines().filter(l -> l.contains("jvm args: ")).findFirst().orElseThrow(() -> new AssertionError(run.out()));
        assertTrue(line.contains("-XX:+UseSerialGC") && line.contains("-XX:SharedArchiveFile="), line);
        // run fits models: its child inherits the heap options for fitting
        assertTrue(line.contains("-XX:PretenureSizeThreshold=32k") && line.contains("-XX:-ResizeTLAB")
                && line.contains("-XX:TLABSize=16k"), line);
    }

    @Test
    void theCommandsThatFitModelsAllocateLargeArraysInTheOldGeneration() throws Exception {
        Map<String, String> flags = Map.of("PETAL_JAVA_OPTS", "-XX:+PrintCommandLineFlags");
        for (String command : new String[] {"train", "cv", "tune", "run", "tutorial"}) {
            Result r = petal(flags, command, "--help");
            assertEquals(0, r.code(), command + ": " + r.err());
            String printed = r.out().lines().filter(l -> l.contains("-XX:")).findFirst().orElseThrow(() -> new AssertionError(r.out()));
            assertTrue(printed.contains("-XX:PretenureSizeThreshold=32768") && printed.contains("-XX:-ResizeTLAB")
                    && printed.contains("-XX:TLABSize=16384"), command + ": " + printed);
        }
        // predict and score stream chunks whose buffers die young: they keep the defaults
        for (String command : new String[] {"predict", "score", "split"}) {
            Result r = petal(flags, command, "--help");
            assertEquals(0, r.code(), command + ": " + r.err());
            String printed = r.out().lines().filter(l -> l.contains("-XX:")).findFirst().orElseThrow(() -> new AssertionError(r.out()));
            assertTrue(printed.contains("-XX:+UseSerialGC") && !printed.contains("PretenureSizeThreshold"), command + ": " + printed);
        }
    }

    @Test
    void theShadedJarTrainsAndPredictsOnParquet() throws Exception {
        // the jar keeps only the Hadoop classes Parquet's reader loads: this runs it on a Snappy-compressed file
        Path data = dir.resolve("d.parquet");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        try (var o = Files.newOutputStream(data);
             var t = dev.petal.datasets.ParquetOutput.create(o, List.of("a", "b", "y"), new boolean[] {false, false, true})) {
            for (int i = 0; i < 300; i++) {
                int y = i % 2;
                t.number(0, rnd.nextGaussian() + 2 * y).number(1, rnd.nextGaussian() - y).text(2, y == 0 ? "no" : "yes").endRow();
            }
        }
        Path model = dir.resolve("p.petal");
        Result train = petal(Map.of(), "train", "--data", data.toString(), "--model", model.toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("on 300 rows x 2 features, 2 classes"), train.out());
        Path out = dir.resolve("p.parquet");
        Result predict = petal(Map.of(), "predict", "--model", model.toString(), "--data", data.toString(), "--output",
                out.toString(), "--decision-function");
        assertEquals(0, predict.code(), predict.err());
        try (var rows = dev.petal.datasets.CsvRows.open(out, dev.petal.datasets.CsvOptions.defaults())) {
            assertEquals(List.of("prediction", "decision_0"), rows.header());
            int n = 0;
            while (rows.next()) {
                assertTrue(List.of("no", "yes").contains(rows.text(0)), rows.text(0));
                n++;
            }
            assertEquals(300, n);
        }
    }

    @Test
    void aFullHeapIsOneLineNamingTheFile() throws Exception {
        Path big = dir.resolve("big.csv");
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < 50; j++) {
            sb.append('f').append(j).append(',');
        }
        sb.append("y\n");
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        try (var w = Files.newBufferedWriter(big)) {
            w.write(sb.toString());
            for (int i = 0; i < 60_000; i++) {
                StringBuilder row = new StringBuilder();
                for (int j = 0; j < 50; j++) {
                    row.append(rnd.nextDouble()).append(',');
                }
                w.write(row.append(i % 2).append('\n').toString());
            }
        }
        Result r = petal(Map.of("PETAL_JAVA_OPTS", "-Xmx20m"), "train", "--data", big.toString(), "--model", dir.resolve("m.petal").toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: out of memory with " + big + " ("), r.err());
        assertTrue(r.err().contains("PETAL_JAVA_OPTS=-Xmx"), r.err());
    }
}
