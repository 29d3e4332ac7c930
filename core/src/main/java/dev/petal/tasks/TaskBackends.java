package dev.petal.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Opens the {@link TaskBackend} for a compute target. */
public final class TaskBackends {
    private TaskBackends() {
    }

    /** Threads of this JVM: at most {@code threads} tasks at once (1 runs them one after another on the caller). */
    public static TaskBackend local(int threads) {
        return new LocalTaskBackend(threads);
    }

    /**
     * The backend for {@code target}: {@code local} (one thread per core), or one a {@link TaskBackendProvider}
     * on the class path opens (the {@code spark} module opens {@code spark:local[N]} and {@code spark://HOST:PORT}).
     *
     * @throws IllegalArgumentException when no provider runs {@code target}
     */
    public static TaskBackend open(String target) {
        if (target.equals("local")) {
            return local(Runtime.getRuntime().availableProcessors());
        }
        List<String> seen = new ArrayList<>();
        for (TaskBackendProvider p : ServiceLoader.load(TaskBackendProvider.class, TaskBackends.class.getClassLoader())) {
            Optional<TaskBackend> b = p.open(target);
            if (b.isPresent()) {
                return b.get();
            }
            seen.add(p.getClass().getName());
        }
        throw new IllegalArgumentException("no task backend runs compute target '" + target + "'"
                + (seen.isEmpty() ? "; Spark targets need the petal-spark module on the class path" : "; providers: " + seen));
    }

    /** A new instance of {@code function} by its public no-argument constructor, with a clear error otherwise. */
    public static TaskFunction instantiate(Class<? extends TaskFunction> function) {
        try {
            return function.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("task function " + function.getName()
                    + " needs a public no-argument constructor: " + e, e);
        }
    }
}
