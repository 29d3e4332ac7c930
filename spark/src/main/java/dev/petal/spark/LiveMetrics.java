package dev.petal.spark;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The driver's view of running trials: which Spark stage belongs to which run (by the run's job group), when its
 * task starts and ends, and the accumulator values that executors send in their heartbeats while tasks run (the
 * live metric and log lines of {@link TrialTask}).
 */
final class LiveMetrics extends SparkListener {
    /** What a run's job reports back to the driver while it runs. */
    interface Watcher {
        /** The run's task started on {@code executor} at {@code host}. */
        void started(String executor, String host, int attempt);

        /** The executor sent the accumulator's current value (every line so far of this attempt). */
        void update(List<?> lines);

        /** The run's task ended (finished, failed or killed). */
        void ended(String reason);
    }

    private final SparkContext context;
    private final Map<String, Watcher> byGroup = new ConcurrentHashMap<>();
    private final Map<Long, Watcher> byAccumulator = new ConcurrentHashMap<>();
    private final Map<Integer, Watcher> byStage = new ConcurrentHashMap<>();

    LiveMetrics(SparkContext context) {
        this.context = context;
    }

    SparkContext context() {
        return context;
    }

    void watch(String jobGroup, long accumulatorId, Watcher w) {
        byGroup.put(jobGroup, w);
        byAccumulator.put(accumulatorId, w);
    }

    void unwatch(String jobGroup, long accumulatorId) {
        Watcher w = byGroup.remove(jobGroup);
        byAccumulator.remove(accumulatorId);
        byStage.values().removeIf(x -> x == w);
    }

    @Override
    public void onJobStart(SparkListenerJobStart e) {
        String group = e.properties() == null ? null : e.properties().getProperty("spark.jobGroup.id");
        Watcher w = group == null ? null : byGroup.get(group);
        if (w != null) {
            for (Object stage : CollectionConverters.asJava(e.stageIds())) {
                byStage.put((Integer) stage, w);
            }
        }
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart e) {
        Watcher w = byStage.get(e.stageId());
        if (w != null) {
            w.started(e.taskInfo().executorId(), e.taskInfo().host(), e.taskInfo().attemptNumber());
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
        Watcher w = byStage.get(e.stageId());
        if (w != null) {
            w.ended(e.reason().toString());
        }
    }

    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate e) {
        if (byAccumulator.isEmpty()) {
            return;
        }
        for (var update : CollectionConverters.asJava(e.accumUpdates())) {
            for (AccumulableInfo info : CollectionConverters.asJava(update._4())) {
                Watcher w = byAccumulator.get(info.id());
                if (w != null && info.update().isDefined() && info.update().get() instanceof List<?> lines) {
                    w.update(lines);
                }
            }
        }
    }
}
