package dev.petal.tracking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a source directory that a submitted run snapshots: everything except what {@code .petalignore}
 * (or, without it, {@code .gitignore}) excludes, {@code .git/} and workspace folders; at most Azure's 2,000 files
 * and 300 MB.
 */
final class Snapshot {
    static final int MAX_FILES = 2000;
    static final long MAX_BYTES = 300L * 1024 * 1024;

    private final Path root;
    private final List<Path> files;

    private Snapshot(Path root, List<Path> files) {
        this.root = root;
        this.files = List.copyOf(files);
    }

    /** Lists the files of {@code sourceDirectory} to snapshot, leaving out {@code workspaceRoot}; checks the limits. */
    static Snapshot of(Path sourceDirectory, Path workspaceRoot) {
        return of(sourceDirectory, workspaceRoot, MAX_FILES, MAX_BYTES);
    }

    static Snapshot of(Path sourceDirectory, Path workspaceRoot, int maxFiles, long maxBytes) {
        Path root = sourceDirectory.toAbsolutePath().normalize();
        IgnoreRules rules = rules(root);
        List<Path> files = new ArrayList<>();
        long[] bytes = {0};
        walk(root, root, rules, workspaceRoot.toAbsolutePath().normalize(), files, bytes, maxFiles, maxBytes);
        return new Snapshot(root, files);
    }

    private static IgnoreRules rules(Path root) {
        for (String name : List.of(".petalignore", ".gitignore")) {
            Path f = root.resolve(name);
            if (Files.isRegularFile(f)) {
                try {
                    return IgnoreRules.parse(Files.readString(f, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
                }
            }
        }
        return IgnoreRules.none();
    }

    private static void walk(Path root, Path dir, IgnoreRules rules, Path workspace, List<Path> files, long[] bytes,
                             int maxFiles, long maxBytes) {
        List<Path> children;
        try (Stream<Path> s = Files.list(dir)) {
            children = s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        for (Path p : children) {
            String rel = root.relativize(p).toString().replace('\\', '/');
            boolean isDir = Files.isDirectory(p);
            if (isDir && (p.equals(workspace) || p.getFileName().toString().equals(".git")
                    || p.getFileName().toString().equals(Workspace.FOLDER))) {
                continue;
            }
            if (rules.ignored(rel, isDir)) {
                continue;
            }
            if (isDir) {
                walk(root, p, rules, workspace, files, bytes, maxFiles, maxBytes);
            } else if (Files.isRegularFile(p)) {
                files.add(p);
                try {
                    bytes[0] += Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (bytes[0] > maxBytes) {
                    throw new IllegalArgumentException("While attempting to take snapshot of " + root
                            + " Your total snapshot size exceeds the limit of "
                            + String.format(java.util.Locale.ROOT, "%.1f", maxBytes / (1024.0 * 1024.0))
                            + " MB. Exclude files with a .petalignore file (gitignore syntax) in the source directory.");
                }
                if (files.size() > maxFiles) {
                    throw new IllegalArgumentException("While attempting to take snapshot of " + root
                            + " Your total snapshot exceeds the limit of " + maxFiles
                            + " files. Exclude files with a .petalignore file (gitignore syntax) in the source directory.");
                }
            }
        }
    }

    /** The snapshotted files as '/'-separated paths relative to the source directory. */
    List<String> relativeNames() {
        return files.stream().map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
    }

    /** Copies the files into {@code target}, keeping their relative paths. */
    void copyTo(Path target) {
        try {
            Files.createDirectories(target);
            for (Path p : files) {
                Path dest = target.resolve(root.relativize(p).toString());
                Files.createDirectories(dest.getParent());
                Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the snapshot of " + root + " to " + target + ": "
                    + e.getMessage(), e);
        }
    }
}
