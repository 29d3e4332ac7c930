package dev.petal.tracking;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The files of a run: uploads, listing, downloads, logs and following {@code logs/std_log.txt}. */
final class RunFiles {
    static final String STD_LOG = "logs/std_log.txt";
    private static final Set<String> RESERVED = Set.of(RunStore.FILE, MetricLog.FILE, "snapshot");

    private RunFiles() {
    }

    /** Checks a run-relative file name and resolves it inside the run folder. */
    static Path resolve(Run run, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("run file name must not be blank");
        }
        String n = name.replace('\\', '/');
        Path p = run.folder().resolve(n).normalize();
        if (Path.of(n).isAbsolute() || !p.startsWith(run.folder()) || p.equals(run.folder())) {
            throw new IllegalArgumentException("run file name '" + name + "' must be a relative path inside the run");
        }
        String first = run.folder().relativize(p).getName(0).toString();
        if (RESERVED.contains(first) || first.startsWith(".")) {
            throw new IllegalArgumentException("run file name '" + name + "' is reserved for Petal's own files");
        }
        return p;
    }

    static void upload(Run run, String name, Path source) {
        Path target = resolve(run, name);
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("file to upload " + source + " does not exist or is not a file");
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".upload", ".tmp");
            Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot upload " + source + " as " + name + ": " + e.getMessage(), e);
        }
    }

    static List<String> names(Run run) {
        List<String> names = new ArrayList<>();
        Path root = run.folder();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).forEach(p -> {
                Path rel = root.relativize(p);
                for (Path part : rel) {
                    if (part.toString().startsWith(".")) {
                        return;
                    }
                }
                if (rel.getNameCount() == 1 && RESERVED.contains(rel.toString())
                        || RESERVED.contains(rel.getName(0).toString())) {
                    return;
                }
                names.add(rel.toString().replace('\\', '/'));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list files of run " + run.id() + ": " + e.getMessage(), e);
        }
        names.sort(null);
        return names;
    }

    static Path download(Run run, String name, Path target) {
        Path source = resolve(run, name);
        if (!Files.isRegularFile(source)) {
            throw new IllegalArgumentException("run " + run.id() + " has no file '" + name + "'; its files are "
                    + names(run));
        }
        Path dest = Files.isDirectory(target) ? target.resolve(source.getFileName().toString()) : target;
        try {
            if (dest.getParent() != null) {
                Files.createDirectories(dest.toAbsolutePath().getParent());
            }
            Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot download " + name + " to " + dest + ": " + e.getMessage(), e);
        }
        return dest;
    }

    static void appendLog(Run run, String logName, String text) {
        Path f = run.folder().resolve("logs").resolve(logName);
        try {
            Files.createDirectories(f.getParent());
            Files.writeString(f, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + f + ": " + e.getMessage(), e);
        }
    }

    /** Waits for the run to end, copying complete lines of its std_log to {@code out} as they appear. */
    static RunDetails follow(Run run, PrintWriter out) {
        Path log = run.folder().resolve(STD_LOG);
        if (out != null) {
            out.println("RunId: " + run.id());
            out.println("Run folder: " + run.folder());
            out.println();
            out.println("Streaming " + STD_LOG);
            out.println("========================");
            out.println();
            out.flush();
        }
        long offset = 0;
        byte[] pending = new byte[0];
        RunDetails d;
        while (true) {
            d = run.getDetails();
            boolean done = d.status().isTerminal();
            Submission s = run.submission;
            if (done && s != null) {
                s.awaitEnd();
            }
            if (out != null && Files.exists(log)) {
                try (InputStream in = Files.newInputStream(log)) {
                    in.skipNBytes(offset);
                    byte[] fresh = in.readAllBytes();
                    offset += fresh.length;
                    byte[] all = new byte[pending.length + fresh.length];
                    System.arraycopy(pending, 0, all, 0, pending.length);
                    System.arraycopy(fresh, 0, all, pending.length, fresh.length);
                    int cut = done ? all.length : lastNewline(all) + 1;
                    out.print(new String(all, 0, cut, StandardCharsets.UTF_8));
                    out.flush();
                    pending = java.util.Arrays.copyOfRange(all, cut, all.length);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + log + ": " + e.getMessage(), e);
                }
            }
            if (done) {
                break;
            }
            try {
                Thread.sleep(s != null ? 50 : 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for run " + run.id(), e);
            }
        }
        d = run.getDetails();
        if (out != null) {
            out.println();
            out.println("Execution Summary");
            out.println("=================");
            out.println("RunId: " + d.id());
            out.println("Status: " + d.status());
            if (d.error() != null) {
                out.println("Error: " + d.error());
            }
            out.println();
            out.flush();
        }
        return d;
    }

    private static int lastNewline(byte[] b) {
        for (int i = b.length - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
