package dev.petal.spark.tasks;

import dev.petal.spark.SparkSessions;
import dev.petal.tasks.TaskBackend;
import dev.petal.tasks.TaskBackends;
import dev.petal.tasks.TaskFailedException;
import dev.petal.tasks.TaskFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

/**
 * A {@link TaskBackend} on Spark: one job per call, one task per input (its own partition), the shared bytes
 * broadcast once per executor, the function created once per executor JVM. A throwing function comes back as a
 * result (so Spark retries a task only when its executor is lost) and fails the call with {@link TaskFailedException}.
 */
public final class SparkTaskBackend implements TaskBackend {
    private static final String FAILED = "\u0000petal-task-failed\u0000";
    private static final Map<String, TaskFunction> FUNCTIONS = new ConcurrentHashMap<>();

    private final SparkSession spark;
    private final boolean stopOnClose;

    /** Tasks on {@code spark}'s cluster; {@code stopOnClose} stops the session in {@link #close()}. */
    public SparkTaskBackend(SparkSession spark, boolean stopOnClose) {
        this.spark = spark;
        this.stopOnClose = stopOnClose;
    }

    @Override
    public String target() {
        return "spark:" + spark.sparkContext().master();
    }

    @Override
    public int parallelism() {
        // the application's task slots, as SparkSessions counts them: default parallelism / cpus per task
        SparkContext sc = spark.sparkContext();
        return Math.max(1, sc.defaultParallelism() / Integer.parseInt(sc.getConf().get("spark.task.cpus", "1")));
    }

    @Override
    public List<String> evaluate(Class<? extends TaskFunction> function, byte[] shared, List<String> inputs)
            throws InterruptedException {
        TaskBackends.instantiate(function);
        if (inputs.isEmpty()) {
            return List.of();
        }
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<byte[]> bytes = jsc.broadcast(shared);
        List<Tuple2<Integer, String>> indexed = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            indexed.add(new Tuple2<>(i, inputs.get(i)));
        }
        String group = "petal-tasks-" + UUID.randomUUID();
        spark.sparkContext().setJobGroup(group, "petal tasks: " + function.getSimpleName(), true);
        JavaFutureAction<List<String>> future;
        try {
            future = jsc.parallelize(indexed, inputs.size()).map(new Apply(function, bytes)).collectAsync();
        } finally {
            spark.sparkContext().clearJobGroup();
        }
        List<String> out;
        try {
            out = future.get();
        } catch (InterruptedException e) {
            spark.sparkContext().cancelJobGroup(group);
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the Spark job failed: " + e.getCause().getMessage().lines().findFirst()
                    .orElse(""), e.getCause());
        } finally {
            bytes.destroy();
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).startsWith(FAILED)) {
                throw new TaskFailedException(i, out.get(i).substring(FAILED.length()), null);
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (stopOnClose) {
            SparkSessions.stop();
        }
    }

    /** Applies the function to one (index, input) pair on an executor. */
    private static final class Apply implements Function<Tuple2<Integer, String>, String> {
        private static final long serialVersionUID = 1L;
        private final Class<? extends TaskFunction> function;
        private final Broadcast<byte[]> shared;

        Apply(Class<? extends TaskFunction> function, Broadcast<byte[]> shared) {
            this.function = function;
            this.shared = shared;
        }

        @Override
        public String call(Tuple2<Integer, String> task) {
            try {
                TaskFunction fn = FUNCTIONS.computeIfAbsent(function.getName(), n -> TaskBackends.instantiate(function));
                return fn.apply(shared.value(), task._2());
            } catch (Exception e) {
                return FAILED + e;
            }
        }
    }
}
