package dev.petal.tracking;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.tracking.store.Json;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A submitted script run owned by this JVM: takes the snapshot, then drives the run through Queued, Preparing,
 * Running, Finalizing and Completed, Failed or Canceled on a lifecycle thread.
 */
final class Submission {
    private final Run run;
    private final ScriptRunConfig config;
    private final Snapshot snapshot;
    private final Path workDir;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Process process;
    private volatile Thread scriptThread;
    private volatile String cancelReason;
    private volatile Throwable scriptError;
    private volatile ScriptJob job;
    private ComputeBackend backend;

    private Submission(Run run, ScriptRunConfig config, Snapshot snapshot) {
        this.run = run;
        this.config = config;
        this.snapshot = snapshot;
        this.workDir = run.folder().resolve(".work");
    }

    static Run submit(Experiment exp, ScriptRunConfig config, Map<String, String> tags, String parentId) {
        Workspace ws = exp.workspace();
        ComputeBackend backend = config.computeTarget().isSpark() ? backendFor(config.computeTarget()) : null;
        Snapshot snap = config.sourceDirectory() == null ? null : Snapshot.of(config.sourceDirectory(), ws.root());
        tags.keySet().forEach(k -> RunLogging.checkName("tag", k));
        String id = Run.newId(exp.name());
        Run run = Run.handle(ws, exp.name(), id, false);
        ObjectNode n = Run.newRecord(id, exp.name(), "script", parentId, null);
        n.set("runDefinition", definition(config));
        tags.forEach(n.withObjectProperty("tags")::put);
        RunStore.setStatus(n, RunStatus.QUEUED, null);
        try {
            Files.createDirectories(run.folder().resolve("logs"));
            Files.createFile(run.folder().resolve(RunFiles.STD_LOG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run folder " + run.folder() + ": " + e.getMessage(), e);
        }
        RunStore.write(run.folder(), n);
        Liveness.hold(run.folder());
        Submission s = new Submission(run, config, snap);
        s.backend = backend;
        run.submission = s;
        Thread t = new Thread(s::lifecycle, "petal-run-" + id);
        t.start();
        return run;
    }

    /** The backend on the class path that runs {@code target}, else IllegalArgumentException saying what is missing. */
    static ComputeBackend backendFor(ComputeTarget target) {
        for (ComputeBackend b : java.util.ServiceLoader.load(ComputeBackend.class, Submission.class.getClassLoader())) {
            if (b.runs(target)) {
                return b;
            }
        }
        throw new IllegalArgumentException("compute target " + target.id() + " needs the petal-spark module on the"
                + " class path (the petal command starts a Spark driver JVM with it)");
    }

    private static ObjectNode definition(ScriptRunConfig c) {
        ObjectNode d = Json.object();
        d.put("script", c.script());
        ArrayNode args = d.putArray("arguments");
        c.arguments().forEach(args::add);
        d.put("sourceDirectory", c.sourceDirectory() == null ? null : c.sourceDirectory().toString());
        d.put("computeTarget", c.computeTarget().id());
        ObjectNode env = d.putObject("environment");
        env.put("name", c.environment().name());
        ArrayNode opts = env.putArray("jvmOptions");
        c.environment().jvmOptions().forEach(opts::add);
        env.set("variables", Json.fromStringMap(new java.util.TreeMap<>(c.environment().variables())));
        ArrayNode classpath = env.putArray("classpath");
        c.environment().classpath().forEach(p -> classpath.add(p.toString()));
        d.put("maxRunDurationMillis", c.maxRunDuration().toMillis());
        return d;
    }

    Path workDir() {
        return workDir;
    }

    /** Blocks until the lifecycle thread has finished everything. */
    void awaitEnd() {
        try {
            ended.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for run " + run.id(), e);
        }
    }

    /** Stops the script; the lifecycle thread then marks the run Canceled with {@code reason}. */
    void cancel(String reason) {
        if (cancelReason == null) {
            cancelReason = reason;
        }
        Process p = process;
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        Thread t = scriptThread;
        if (t != null) {
            t.interrupt();
        }
        ScriptJob j = job;
        if (j != null) {
            j.cancel(reason);
        }
    }

    private void status(RunStatus s, String error) {
        RunStore.update(run.folder(), n -> RunStore.setStatus(n, s, error));
    }

    private void lifecycle() {
        try {
            status(RunStatus.PREPARING, null);
            if (snapshot != null) {
                snapshot.copyTo(run.folder().resolve("snapshot"));
                snapshot.copyTo(workDir);
            }
            Files.createDirectories(workDir.resolve("outputs"));
            String failure = null;
            if (cancelReason == null) {
                if (backend != null) {
                    failure = runOnBackend();
                } else {
                    failure = config.computeTarget() == ComputeTarget.LOCAL ? runChildJvm() : runInProcess();
                }
            }
            status(RunStatus.FINALIZING, null);
            collect();
            boolean requested = RunStore.read(run.folder()).path("cancelRequested").asBoolean(false);
            if (cancelReason != null || requested) {
                status(RunStatus.CANCELED, cancelReason != null ? cancelReason : "the run was canceled");
            } else if (failure != null) {
                status(RunStatus.FAILED, failure);
            } else {
                status(RunStatus.COMPLETED, null);
            }
        } catch (Throwable t) {
            try (PrintStream ps = new PrintStream(Files.newOutputStream(run.folder().resolve(RunFiles.STD_LOG),
                    java.nio.file.StandardOpenOption.APPEND), true, StandardCharsets.UTF_8)) {
                t.printStackTrace(ps);
            } catch (IOException | RuntimeException ignored) {
                // the status below still records the failure
            }
            try {
                status(RunStatus.FAILED, "Petal could not run the script: " + t);
            } catch (RuntimeException ignored) {
                // nothing more can be recorded
            }
        } finally {
            deleteTree(workDir);
            Liveness.release(run.folder());
            run.logSink = null;
            ended.countDown();
        }
    }

    private String runOnBackend() throws Exception {
        ScriptJob j = new ScriptJob(run, config, workDir);
        job = j;
        if (cancelReason != null) {
            j.cancel(cancelReason);
        }
        return backend.execute(j);
    }

    private String runChildJvm() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(StartupOptions.inherited());   // bin/petal's class-data archive and collector; the run's own options win
        cmd.addAll(config.environment().jvmOptions());
        List<String> entries = new ArrayList<>();
        String own = ChildClassPath.of(Thread.currentThread().getContextClassLoader());
        if (!own.isBlank()) {
            entries.add(own);
        }
        config.environment().classpath().forEach(p -> entries.add(p.toString()));
        String target = config.isSourceFile() ? workDir.resolve(config.script()).toString() : config.script();
        if (config.isSourceFile()) {
            List<Path> sources = ScriptSources.sources(workDir);
            if (sources.size() > 1) {
                try {
                    target = ScriptSources.compile(workDir, config.script(), sources, String.join(File.pathSeparator, entries));
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
                entries.add(workDir.resolve(ScriptSources.CLASSES).toString());
            }
        }
        if (!entries.isEmpty()) {
            cmd.add("-cp");
            cmd.add(String.join(File.pathSeparator, entries));
        }
        cmd.add(target);
        cmd.addAll(config.arguments());
        ProcessBuilder pb = new ProcessBuilder(TiedProcess.command(cmd)).directory(workDir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.putAll(config.environment().variables());
        env.put(RunContext.ENV_RUN_ID, run.id());
        env.put(RunContext.ENV_EXPERIMENT, run.experimentName());
        env.put(Workspace.ENV_WORKSPACE, run.workspace().root().toString());
        Process p = pb.start();
        process = p;
        if (cancelReason == null && run.cancelRequested()) {
            cancelReason = "the run was canceled";   // requested by another process before the script started
        }
        if (cancelReason != null) {
            cancel(cancelReason);
        }
        RunStore.update(run.folder(), n -> {
            n.put("scriptPid", p.pid());
            RunStore.setStatus(n, RunStatus.RUNNING, null);
        });
        Thread pump = new Thread(() -> pump(p.getInputStream()), "petal-log-" + run.id());
        pump.start();
        Thread onExit = new Thread(() -> stopOnExit(p), "petal-stop-" + run.id());
        Runtime.getRuntime().addShutdownHook(onExit);
        if (!p.waitFor(config.maxRunDuration().toMillis(), TimeUnit.MILLISECONDS)) {
            cancel("the run exceeded its maximum duration of " + config.maxRunDuration() + " and was canceled");
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
            }
        }
        pump.join();
        p.getOutputStream().close(); // the tie's pipe: lets the watching shell's reader end
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or will run: it records the cancellation
        }
        int code = p.exitValue();
        if (code == 0) {
            return null;
        }
        if (code > 128 && code < 160) {
            int signal = code - 128;
            return "the script's process was killed by signal " + signal + (signal == 9 ? " (SIGKILL)"
                    : signal == 15 ? " (SIGTERM)" : "") + "; see logs/std_log.txt";
        }
        String cause = lastErrorLine();
        return "the script exited with status " + code + (cause == null ? "" : ": " + cause)
                + "; see logs/std_log.txt";
    }

    /** When the submitting JVM exits (e.g. Ctrl-C) while the script runs: stop the script, record Canceled. */
    private void stopOnExit(Process p) {
        if (!p.isAlive()) {
            return;
        }
        String reason = "the submitting process (pid " + Liveness.PID + ") exited while the script was running";
        cancel(reason);
        try {
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            RunStore.update(run.folder(), n -> RunStore.setStatus(n, RunStatus.CANCELED, reason));
        } catch (InterruptedException | RuntimeException e) {
            // exiting anyway: readers will see the dead owner and report the run as Failed
        }
    }

    private void pump(InputStream in) {
        try (in; OutputStream out = Files.newOutputStream(run.folder().resolve(RunFiles.STD_LOG),
                java.nio.file.StandardOpenOption.APPEND)) {
            byte[] buf = new byte[8192];
            int r;
            while ((r = in.read(buf)) >= 0) {
                out.write(buf, 0, r);
                out.flush();
            }
        } catch (IOException e) {
            // the process ended or its pipe broke: what was read so far is in the log
        }
    }

    private String lastErrorLine() {
        try {
            String last = null;
            for (String line : Files.readAllLines(run.folder().resolve(RunFiles.STD_LOG), StandardCharsets.UTF_8)) {
                if (line.startsWith("Exception in thread") || line.startsWith("error:")
                        || line.startsWith("Caused by:")) {
                    last = line.strip();
                }
            }
            return last;
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    private String runInProcess() throws IOException, InterruptedException {
        Method main;
        try {
            Class<?> cls = Class.forName(config.script(), true, Thread.currentThread().getContextClassLoader());
            main = cls.getMethod("main", String[].class);
            if (!Modifier.isStatic(main.getModifiers())) {
                return "main class " + config.script() + " has no static main(String[]) method";
            }
        } catch (ClassNotFoundException e) {
            return "main class " + config.script() + " is not on the class path";
        } catch (NoSuchMethodException e) {
            return "main class " + config.script() + " has no public static void main(String[]) method";
        }
        OutputStream file = Files.newOutputStream(run.folder().resolve(RunFiles.STD_LOG),
                java.nio.file.StandardOpenOption.APPEND);
        run.logSink = new SynchronizedStream(file);
        RunContext.acquireRouter();
        try {
            return runScriptThread(main);
        } finally {
            run.logSink = null;
            RunContext.releaseRouter();
            file.close();
        }
    }

    private String runScriptThread(Method main) throws InterruptedException {
        String[] args = config.arguments().toArray(new String[0]);
        Thread t = new Thread(() -> {
            RunContext.BOUND.set(run);
            try {
                main.invoke(null, (Object) args);
            } catch (InvocationTargetException e) {
                scriptError = e.getCause();
                System.err.print("Exception in thread \"" + Thread.currentThread().getName() + "\" ");
                e.getCause().printStackTrace();
            } catch (IllegalAccessException e) {
                scriptError = e;
                System.err.println("error: cannot call " + config.script() + ".main: " + e.getMessage());
            } finally {
                System.out.flush();
                System.err.flush();
            }
        }, "petal-inprocess-" + run.id());
        t.setDaemon(true);
        scriptThread = t;
        status(RunStatus.RUNNING, null);
        t.start();
        long deadline = System.nanoTime() + config.maxRunDuration().toNanos();
        while (t.isAlive() && deadline - System.nanoTime() > 0) {
            t.join(Math.max(1, Math.min(1000, (deadline - System.nanoTime()) / 1_000_000)));
            if (t.isAlive() && cancelReason == null && run.cancelRequested()) {
                cancel("the run was canceled");   // Run.cancel() in another process
            }
        }
        if (t.isAlive()) {
            cancel("the run exceeded its maximum duration of " + config.maxRunDuration() + " and was canceled");
            t.join(2000);
        }
        Throwable err = scriptError;
        return err == null ? null : "the script failed: " + err + "; see logs/std_log.txt";
    }

    private void collect() throws IOException {
        collect(workDir, run.folder());
    }

    /**
     * Collects what a run whose submitting process died left in its working folder (its outputs and logs), then
     * removes the folder; called by the reader that finds the dead owner and ends the run.
     */
    static void salvage(Path runFolder) {
        Path work = runFolder.resolve(".work");
        if (!Files.isDirectory(work)) {
            return;
        }
        try {
            collect(work, runFolder);
        } catch (IOException | RuntimeException e) {
            return; // keep the working folder: its files are still there to be copied by hand
        }
        deleteTree(work);
    }

    private static void collect(Path workDir, Path runFolder) throws IOException {
        Path outputs = workDir.resolve("outputs");
        if (Files.isDirectory(outputs)) {
            copyTree(outputs, runFolder.resolve("outputs"));
        } else {
            Files.createDirectories(runFolder.resolve("outputs"));
        }
        Path logs = workDir.resolve("logs");
        if (Files.isDirectory(logs)) {
            try (var s = Files.walk(logs)) {
                for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                    Path rel = logs.relativize(p);
                    Path dest = runFolder.resolve("logs").resolve(rel.toString());
                    if (rel.toString().equals("std_log.txt")) {
                        dest = runFolder.resolve("logs").resolve("user_std_log.txt");
                    }
                    Files.createDirectories(dest.getParent());
                    Files.copy(p, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, dest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover working folder is hidden from the run's file list
        }
    }

    /** Serializes writes of several script threads into one log file. */
    private static final class SynchronizedStream extends OutputStream {
        private final OutputStream out;

        SynchronizedStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public synchronized void flush() throws IOException {
            out.flush();
        }
    }
}
