package dev.petal.spark.tasks;

import dev.petal.spark.SparkSessions;
import dev.petal.tasks.TaskBackend;
import dev.petal.tasks.TaskBackendProvider;
import dev.petal.tracking.ComputeTarget;
import java.util.Optional;

/** Opens {@link SparkTaskBackend}s for {@code spark:local[N]} and {@code spark://HOST:PORT}. */
public final class SparkTaskBackendProvider implements TaskBackendProvider {
    @Override
    public Optional<TaskBackend> open(String target) {
        if (!target.startsWith("spark:")) {
            return Optional.empty();
        }
        return Optional.of(open(ComputeTarget.parse(target)));
    }

    /** A backend on {@code target}'s session (started here, and stopped on close, unless one was running). */
    public static TaskBackend open(ComputeTarget target) {
        boolean running = org.apache.spark.sql.SparkSession.getActiveSession().isDefined()
                || org.apache.spark.sql.SparkSession.getDefaultSession().isDefined();
        return new SparkTaskBackend(SparkSessions.session(target), !running);
    }
}
