package dev.petal.spark.tasks;

import dev.petal.spark.SparkSessions;
import dev.petal.tasks.TaskBackend;
import dev.petal.tasks.TaskBackends;
import dev.petal.tasks.TaskFailedException;
import dev.petal.tasks.TaskFunction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.ObjIntConsumer;
import org.apache.spark.FutureAction;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

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
        return evaluate(function, shared, inputs, (o, i) -> { });
    }

    /**
     * Runs the tasks as one Spark job and gives each output to {@code done} on the calling thread as soon as its
     * task has finished (Spark's result handler only queues it, so a slow {@code done} never holds up the scheduler).
     */
    @Override
    public List<String> evaluate(Class<? extends TaskFunction> function, byte[] shared, List<String> inputs,
                                 ObjIntConsumer<String> done) throws InterruptedException {
        TaskBackends.instantiate(function);
        if (inputs.isEmpty()) {
            return List.of();
        }
        int n = inputs.size();
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<byte[]> bytes = jsc.broadcast(shared);
        List<Tuple2<Integer, String>> indexed = new ArrayList<>();
        List<Object> partitions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            indexed.add(new Tuple2<>(i, inputs.get(i)));
            partitions.add(i);
        }
        String group = "petal-tasks-" + UUID.randomUUID();
        BlockingQueue<Tuple2<Integer, String>> arrived = new LinkedBlockingQueue<>();
        SparkContext sc = spark.sparkContext();
        sc.setJobGroup(group, "petal tasks: " + function.getSimpleName(), true);
        FutureAction<BoxedUnit> job;
        try {
            job = sc.submitJob(jsc.parallelize(indexed, n).map(new Apply(function, bytes)).rdd(), new OnlyElement(),
                    CollectionConverters.asScala(partitions).toSeq(), new Arrived(arrived), new NoResult());
        } finally {
            sc.clearJobGroup();
        }
        String[] out = new String[n];
        int received = 0;
        try {
            while (received < n) {
                Tuple2<Integer, String> t = arrived.poll(50, TimeUnit.MILLISECONDS);
                if (t == null) {
                    if (job.isCompleted() && arrived.isEmpty()) {
                        failed(job);
                    }
                    continue;
                }
                out[t._1()] = t._2();
                received++;
                if (!t._2().startsWith(FAILED)) {
                    done.accept(t._2(), t._1());
                }
            }
        } catch (InterruptedException e) {
            sc.cancelJobGroup(group);
            throw e;
        } catch (RuntimeException | Error e) {
            sc.cancelJobGroup(group);
            throw e;
        } finally {
            bytes.destroy();
        }
        for (int i = 0; i < n; i++) {
            if (out[i].startsWith(FAILED)) {
                throw new TaskFailedException(i, out[i].substring(FAILED.length()), null);
            }
        }
        return List.of(out);
    }

    /** The job ended without every output: its error, as one line. */
    private static void failed(FutureAction<BoxedUnit> job) {
        try {
            job.get();
        } catch (Exception e) {
            Throwable c = e.getCause() != null && e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("the Spark job failed: " + String.valueOf(c.getMessage()).lines().findFirst()
                    .orElse(""), c);
        }
        throw new IllegalStateException("the Spark job ended without the outputs of all its tasks");
    }

    /** A partition's one output (each task is its own partition). */
    private static final class OnlyElement extends AbstractFunction1<scala.collection.Iterator<String>, String>
            implements Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public String apply(scala.collection.Iterator<String> it) {
            return it.next();
        }
    }

    /** On the driver: queues each task's output with its index for the calling thread. */
    private static final class Arrived extends AbstractFunction2<Object, String, BoxedUnit> {
        private final BlockingQueue<Tuple2<Integer, String>> queue;

        Arrived(BlockingQueue<Tuple2<Integer, String>> queue) {
            this.queue = queue;
        }

        @Override
        public BoxedUnit apply(Object index, String output) {
            queue.add(new Tuple2<>((Integer) index, output));
            return BoxedUnit.UNIT;
        }
    }

    /** The job's own result: nothing (the outputs come through {@link Arrived}). */
    private static final class NoResult extends AbstractFunction0<BoxedUnit> {
        @Override
        public BoxedUnit apply() {
            return BoxedUnit.UNIT;
        }
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
