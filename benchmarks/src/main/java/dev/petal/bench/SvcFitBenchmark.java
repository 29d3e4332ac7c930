package dev.petal.bench;

import dev.petal.svm.Kernel;
import dev.petal.svm.SVC;
import dev.petal.svm.SVCModel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: one SVC fit per measured iteration (single-shot, so each iteration's {@link HeapCounters} belong to
 * exactly one fit), on every benchmark data set and kernel; 12 warm-up fits let the JIT settle. Run with
 * {@code java -jar benchmarks/target/petal-benchmarks.jar SvcFitBenchmark} (add {@code -p data=...},
 * {@code -p kernel=...} to narrow, {@code -prof gc} for allocation rates).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 12)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class SvcFitBenchmark {
    /** The data set: binary20_N (20 features, 2 classes), multi4x30_N (30 features, 4 classes) or digits. */
    @Param({"binary20_1500", "binary20_3750", "binary20_7500", "binary20_15000", "multi4x30_3750", "digits"})
    public String data;

    /** The kernel. */
    @Param({"rbf", "linear"})
    public String kernel;

    private BenchData train;
    private SVC svc;

    /** Builds the training set once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        train = Sets.trainTest(data)[0];
        svc = SVC.defaults().withKernel(Kernel.parse(kernel));
    }

    /** One fit with scikit-learn's defaults (C=1, gamma='scale', tol 1e-3, cache 200 MB). */
    @Benchmark
    public SVCModel fit(HeapCounters heap) {
        SVCModel m = svc.fit(train.x(), train.y());
        heap.stop();
        return m;
    }
}
