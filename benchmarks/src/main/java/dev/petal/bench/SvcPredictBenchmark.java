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
 * JMH: predicting the held-out rows (5,000; digits 297) with a model fitted once per trial, on every
 * benchmark data set and kernel. Run with {@code java -jar benchmarks/target/petal-benchmarks.jar SvcPredictBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
public class SvcPredictBenchmark {
    /** The data set: binary20_N (20 features, 2 classes), multi4x30_N (30 features, 4 classes) or digits. */
    @Param({"binary20_1500", "binary20_3750", "binary20_7500", "binary20_15000", "multi4x30_3750", "digits"})
    public String data;

    /** The kernel. */
    @Param({"rbf", "linear"})
    public String kernel;

    private BenchData test;
    private SVCModel model;

    /** Fits the model once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        BenchData[] tt = Sets.trainTest(data);
        test = tt[1];
        model = SVC.defaults().withKernel(Kernel.parse(kernel)).fit(tt[0].x(), tt[0].y());
    }

    /** Predicts every held-out row. */
    @Benchmark
    public int[] predict() {
        return model.predict(test.x());
    }
}
