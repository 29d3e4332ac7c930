package dev.petal.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.tracking.store.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Decides whether the process owning an unfinished run is still alive: on the same host by pid and process start
 * time, from another host by the age of the run's {@code .heartbeat} file, which owners touch every few seconds.
 */
final class Liveness {
    static final long PID = ProcessHandle.current().pid();
    static final String HOST = hostName();
    static final Duration HEARTBEAT_PERIOD = Duration.ofSeconds(10);
    static final Duration LEASE = Duration.ofSeconds(60);
    private static final Set<Path> ACTIVE = ConcurrentHashMap.newKeySet();
    private static volatile ScheduledExecutorService beater;

    private Liveness() {
    }

    /** Stamps this process as the owner of the run described by {@code n}. */
    static void stampOwner(ObjectNode n) {
        n.put("pid", PID);
        n.put("pidStartTime", Json.time(ProcessHandle.current().info().startInstant().orElse(null)));
        n.put("host", HOST);
    }

    /** Starts touching the run's heartbeat file until {@link #release(Path)}. */
    static void hold(Path runFolder) {
        touch(runFolder);
        ACTIVE.add(runFolder);
        if (beater == null) {
            synchronized (Liveness.class) {
                if (beater == null) {
                    ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "petal-heartbeat");
                        t.setDaemon(true);
                        return t;
                    });
                    s.scheduleAtFixedRate(() -> ACTIVE.forEach(Liveness::touch), HEARTBEAT_PERIOD.toMillis(),
                            HEARTBEAT_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
                    beater = s;
                }
            }
        }
    }

    /** Stops the heartbeat of a run that reached a terminal status. */
    static void release(Path runFolder) {
        ACTIVE.remove(runFolder);
    }

    /** True when the owner recorded in {@code n} may still be running the run. */
    static boolean ownerAlive(JsonNode n, Path runFolder) {
        long pid = n.path("pid").asLong(0);
        String host = Json.text(n, "host");
        if (pid == 0) {
            return true;
        }
        if (HOST.equals(host)) {
            if (pid == PID) {
                return true;
            }
            Optional<ProcessHandle> ph = ProcessHandle.of(pid);
            if (ph.isEmpty() || !ph.get().isAlive()) {
                return false;
            }
            Instant recorded = Json.time(n.get("pidStartTime"));
            Optional<Instant> actual = ph.get().info().startInstant();
            return recorded == null || actual.isEmpty()
                    || Duration.between(recorded, actual.get()).abs().compareTo(Duration.ofSeconds(2)) < 0;
        }
        try {
            FileTime t = Files.getLastModifiedTime(runFolder.resolve(".heartbeat"));
            return Duration.between(t.toInstant(), Instant.now()).compareTo(LEASE) < 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void touch(Path runFolder) {
        try {
            Path f = runFolder.resolve(".heartbeat");
            if (!Files.exists(f)) {
                Files.createFile(f);
            }
            Files.setLastModifiedTime(f, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // the next beat retries; a missing heartbeat only matters to readers on other hosts
        }
    }

    private static String hostName() {
        try {
            String k = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!k.isEmpty()) {
                return k;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        String h = System.getenv("HOSTNAME");
        if (h != null && !h.isBlank()) {
            return h;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
