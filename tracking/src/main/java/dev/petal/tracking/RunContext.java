package dev.petal.tracking;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Binds runs to the code that logs into them: an inheritable thread-local for in-process scripts, environment
 * variables (or system properties) for child JVMs, and a stdout/stderr router so that in-process scripts'
 * output lands in their own run's log.
 */
final class RunContext {
    /** Environment variable (or system property {@code petal.run.id}) naming the submitted run. */
    static final String ENV_RUN_ID = "PETAL_RUN_ID";
    /** Environment variable (or system property {@code petal.experiment}) naming its experiment. */
    static final String ENV_EXPERIMENT = "PETAL_EXPERIMENT";
    static final InheritableThreadLocal<Run> BOUND = new InheritableThreadLocal<>();
    private static Run processRun;
    private static boolean routerInstalled;

    private RunContext() {
    }

    /** The system property {@code prop}, else the environment variable {@code env}, else null. */
    static String setting(String prop, String env) {
        String v = System.getProperty(prop);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        return v == null || v.isBlank() ? null : v;
    }

    /** The run of this thread, of this submitted JVM, or an interactive run of the default workspace. */
    static synchronized Run current() {
        Run bound = BOUND.get();
        if (bound != null) {
            return bound;
        }
        if (processRun != null) {
            return processRun;
        }
        String id = setting("petal.run.id", ENV_RUN_ID);
        Workspace ws = Workspace.fromConfig();
        if (id != null) {
            String exp = setting("petal.experiment", ENV_EXPERIMENT);
            processRun = exp != null ? Run.load(ws, exp, id) : ws.getRun(id);
            return processRun;
        }
        Run run = Run.createInteractive(new Experiment(ws, "Default"), null, null, false);
        System.err.println("petal: not in a submitted run; logging into interactive run " + run.id()
                + " in " + run.folder());
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            if (!run.getStatus().isTerminal()) {
                run.fail(e);
            }
            if (previous != null) {
                previous.uncaughtException(t, e);
            } else {
                System.err.print("Exception in thread \"" + t.getName() + "\" ");
                e.printStackTrace();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!run.getStatus().isTerminal()) {
                run.complete();
            }
        }, "petal-complete-" + run.id()));
        processRun = run;
        return run;
    }

    /** Routes System.out and System.err writes of threads bound to a run with a log sink into that sink. */
    static synchronized void installRouter() {
        if (routerInstalled) {
            return;
        }
        System.setOut(new PrintStream(new Router(System.out), true));
        System.setErr(new PrintStream(new Router(System.err), true));
        routerInstalled = true;
    }

    /** An output stream writing to the bound run's log sink, or to the original stream. */
    private static final class Router extends OutputStream {
        private final PrintStream original;

        Router(PrintStream original) {
            this.original = original;
        }

        private OutputStream target() {
            Run r = BOUND.get();
            OutputStream sink = r == null ? null : r.logSink;
            return sink == null ? original : sink;
        }

        @Override
        public void write(int b) throws IOException {
            target().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target().write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            target().flush();
        }
    }
}
