package dev.petal.tracking;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Binds runs to the code that logs into them: an inheritable thread-local for in-process scripts, environment
 * variables (or system properties) for child JVMs, and a stdout/stderr router, present only while in-process
 * scripts run, so that their output lands in their own run's log. Nothing here installs a JVM-wide handler or
 * shutdown hook: an application embedding Petal keeps its own.
 */
final class RunContext {
    /** Environment variable (or system property {@code petal.run.id}) naming the submitted run. */
    static final String ENV_RUN_ID = "PETAL_RUN_ID";
    /** Environment variable (or system property {@code petal.experiment}) naming its experiment. */
    static final String ENV_EXPERIMENT = "PETAL_EXPERIMENT";
    static final InheritableThreadLocal<Run> BOUND = new InheritableThreadLocal<>();
    private static final Object ROUTER_LOCK = new Object();
    private static Run processRun;
    private static int routerUsers;
    private static PrintStream originalOut;
    private static PrintStream originalErr;
    private static PrintStream routedOut;
    private static PrintStream routedErr;

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
        Run run = Run.createInteractive(new Experiment(ws, "Default"), null, null, true);
        System.err.println("petal: not in a submitted run; logging into interactive run " + run.id()
                + " in " + run.folder());
        processRun = run;
        return run;
    }

    /**
     * Routes System.out and System.err writes of threads bound to a run with a log sink into that sink, for as
     * long as at least one in-process run is running; the last one to end puts the JVM's own streams back (unless
     * someone else replaced them meanwhile). Threads not bound to a run write through to the original streams.
     */
    static void acquireRouter() {
        synchronized (ROUTER_LOCK) {
            if (routerUsers++ == 0) {
                originalOut = System.out;
                originalErr = System.err;
                routedOut = new PrintStream(new Router(originalOut), true);
                routedErr = new PrintStream(new Router(originalErr), true);
                System.setOut(routedOut);
                System.setErr(routedErr);
            }
        }
    }

    /** Ends one {@link #acquireRouter()}: the last release restores the JVM's streams. */
    static void releaseRouter() {
        synchronized (ROUTER_LOCK) {
            if (routerUsers == 0 || --routerUsers > 0) {
                return;
            }
            routedOut.flush();
            routedErr.flush();
            if (System.out == routedOut) {
                System.setOut(originalOut);
            }
            if (System.err == routedErr) {
                System.setErr(originalErr);
            }
            routedOut = null;
            routedErr = null;
            originalOut = null;
            originalErr = null;
        }
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
