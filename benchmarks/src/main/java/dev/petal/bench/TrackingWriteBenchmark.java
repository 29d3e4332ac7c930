package dev.petal.bench;

import dev.petal.tracking.Run;
import dev.petal.tracking.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the tracking write rate from one thread, values per second: {@code run.log(name, value, step)} one value
 * per call, and {@code run.logMetrics(map, step)} ten values per call (score x 10 = values/s); and the cost of
 * re-reading a 2,000-value history through one handle that keeps its read offset. Run with
 * {@code java -jar benchmarks/target/petal-benchmarks.jar TrackingWriteBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(1)
public class TrackingWriteBenchmark {
    private Path dir;
    private Run run;
    private Run reader;
    private long step;
    private final Map<String, Object> batch = new LinkedHashMap<>();

    /** A fresh workspace and interactive run. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("petal-bench-tracking");
        run = Workspace.at(dir).experiment("bench").startLogging();
        for (int i = 0; i < 2000; i++) {
            run.log("history", i, i);
        }
        reader = run.workspace().getRun(run.id());
        reader.getMetricHistory();
        for (int i = 0; i < 10; i++) {
            batch.put("m" + i, 0.0);
        }
    }

    /** Completes the run and deletes the workspace. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        run.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** One value per call. */
    @Benchmark
    public void logOne() {
        run.log("loss", 1.0 / (step + 1), step++);
    }

    /** Ten values per call, one write. */
    @Benchmark
    public void logTen() {
        batch.replaceAll((k, v) -> (double) step);
        run.logMetrics(batch, step++);
    }

    /** A poll of a run's history by a handle that has read it before (what a sweep does every 50 ms). */
    @Benchmark
    public int pollHistory() {
        return reader.getMetricHistory("history").size();
    }
}
