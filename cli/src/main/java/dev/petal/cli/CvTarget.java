package dev.petal.cli;

import dev.petal.selection.CvOptions;

/** Where {@code petal cv} runs its (candidate, fold) fits: this machine's cores, or a task backend's target. */
final class CvTarget implements AutoCloseable {
    private final CvOptions options;
    private final AutoCloseable resource;

    private CvTarget(CvOptions options, AutoCloseable resource) {
        this.options = options;
        this.resource = resource;
    }

    /** Opens {@code target}: {@code local} keeps the options' local backend. */
    static CvTarget open(String target, CvOptions options) {
        if (target.equals("local")) {
            return new CvTarget(options, null);
        }
        throw new IllegalArgumentException("compute target '" + target + "' cannot run petal cv yet; use --target local");
    }

    CvOptions options() {
        return options;
    }

    @Override
    public void close() throws Exception {
        if (resource != null) {
            resource.close();
        }
    }
}
