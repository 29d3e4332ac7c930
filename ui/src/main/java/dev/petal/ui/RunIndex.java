package dev.petal.ui;

import dev.petal.tracking.Metric;
import dev.petal.tracking.Run;
import dev.petal.tracking.RunDetails;
import dev.petal.tracking.RunListing;
import dev.petal.tracking.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The runs of a workspace as the UI sees them, kept in memory: {@link #refresh()} (called by the server's index
 * thread about once a second) parses a run's {@code run.json} again only when its size or modification time
 * changed and reads its metrics incrementally; requests read the latest snapshot and never wait for a rescan
 * (only the very first one waits for the first scan). Nothing is ever written. A damaged run is listed apart.
 */
final class RunIndex {
    /** One run: its details and a handle (for metrics and files). */
    record View(RunDetails details, Run run) {
        /** The latest value of each metric, read now (incrementally: only lines appended since the last call). */
        Map<String, Metric> latest() {
            return run.getLatestMetrics();
        }
    }

    /** One consistent listing. */
    record Snapshot(List<View> runs, Map<String, View> byId, Map<String, List<View>> children,
                    List<RunListing.Damaged> damaged, long scannedAtMillis) {
    }

    private record Cached(FileTime modified, long size, RunDetails details, Run run) {
    }

    private final Workspace workspace;
    private final Map<Path, Cached> cache = new HashMap<>();
    private volatile Snapshot snapshot;

    RunIndex(Workspace workspace) {
        this.workspace = workspace;
    }

    /** The latest listing (the first call scans the workspace). */
    Snapshot current() {
        Snapshot s = snapshot;
        if (s != null) {
            return s;
        }
        synchronized (this) {
            return snapshot != null ? snapshot : refresh();
        }
    }

    /** Rescans the workspace: new runs, changed run.json files, new metric lines. */
    synchronized Snapshot refresh() {
        snapshot = scan(System.currentTimeMillis());
        return snapshot;
    }

    private Snapshot scan(long now) {
        List<View> runs = new ArrayList<>();
        List<RunListing.Damaged> damaged = new ArrayList<>();
        Map<Path, Cached> seen = new HashMap<>();
        for (Path expDir : list(workspace.experimentsDir())) {
            if (!Files.isDirectory(expDir)) {
                continue;
            }
            String experiment = expDir.getFileName().toString();
            for (Path folder : list(expDir)) {
                Path json = folder.resolve("run.json");
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(json, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    continue;
                } catch (IOException e) {
                    damaged.add(new RunListing.Damaged(experiment, folder.getFileName().toString(), folder,
                            "cannot read run.json: " + e.getMessage()));
                    continue;
                }
                Cached c = cache.get(folder);
                try {
                    if (c == null || !c.modified().equals(a.lastModifiedTime()) || c.size() != a.size()
                            || !c.details().status().isTerminal()) {
                        RunDetails d = RunListing.peek(folder);
                        if (d.id() == null || d.createdTime() == null) {
                            throw new IllegalArgumentException(json + " has no id or createdTime");
                        }
                        Run run = c != null && c.details().id().equals(d.id()) ? c.run() : workspace.getRun(d.id());
                        c = new Cached(a.lastModifiedTime(), a.size(), d, run);
                    }
                    seen.put(folder, c);
                    runs.add(new View(c.details(), c.run()));
                } catch (RuntimeException e) {
                    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    damaged.add(new RunListing.Damaged(experiment, folder.getFileName().toString(), folder,
                            m.strip().replaceAll("\\s*\\R\\s*", " ")));
                }
            }
        }
        cache.clear();
        cache.putAll(seen);
        runs.sort(Comparator.comparing((View v) -> v.details().createdTime()).thenComparing(v -> v.details().id())
                .reversed());
        Map<String, View> byId = new LinkedHashMap<>();
        Map<String, List<View>> children = new HashMap<>();
        for (View v : runs) {
            byId.put(v.details().id(), v);
            if (v.details().parentId() != null) {
                children.computeIfAbsent(v.details().parentId(), k -> new ArrayList<>()).add(v);
            }
        }
        return new Snapshot(runs, byId, children, damaged, now);
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
