package dev.petal.cli;

import dev.petal.search.TaskCvBackend;
import dev.petal.selection.CvOptions;
import dev.petal.tasks.TaskBackend;
import dev.petal.tasks.TaskBackends;

/** Where {@code petal cv} runs its (candidate, fold) fits: this machine's cores, or a task backend's target. */
final class CvTarget implements AutoCloseable {
    private final CvOptions options;
    private final TaskBackend resource;

    private CvTarget(CvOptions options, TaskBackend resource) {
        this.options = options;
        this.resource = resource;
    }

    /**
     * Opens {@code target}: {@code local} keeps the options' local backend; any other target is a
     * {@link TaskBackends task backend} (a Spark target when the spark module is on the class path).
     */
    static CvTarget open(String target, CvOptions options) {
        if (target.equals("local")) {
            return new CvTarget(options, null);
        }
        TaskBackend tasks = TaskBackends.open(target);
        return new CvTarget(options.withBackend(new TaskCvBackend(tasks)), tasks);
    }

    CvOptions options() {
        return options;
    }

    @Override
    public void close() {
        if (resource != null) {
            resource.close();
        }
    }
}
