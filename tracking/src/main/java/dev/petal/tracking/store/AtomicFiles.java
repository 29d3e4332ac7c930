package dev.petal.tracking.store;

import dev.petal.io.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** Atomic replacement (through core's {@link AtomicFile}), single-write appends and cross-process locks. */
public final class AtomicFiles {
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with {@code bytes} so readers see the old or the new content, never a mix: Petal's one
     * atomic write, {@link AtomicFile#write(Path, byte[])} (temporary file, fsync, rename, fsync of the folder),
     * after creating the folder.
     */
    public static void replace(Path target, byte[] bytes) {
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            AtomicFile.write(target, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Appends one newline-terminated record to {@code file} with one write while holding an exclusive lock on it;
     * if a killed writer left a torn last line, a newline first closes it off so this record stays intact.
     */
    public static void appendLine(Path file, byte[] line) {
        if (line.length == 0 || line[line.length - 1] != '\n') {
            throw new IllegalArgumentException("a record must end with a newline");
        }
        append(file, line, true);
    }

    /** Appends {@code bytes} to {@code file} with one write while holding an exclusive lock on it. */
    public static void append(Path file, byte[] bytes) {
        append(file, bytes, false);
    }

    private static void append(Path file, byte[] bytes, boolean closeTornLine) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent() + ": " + e.getMessage(), e);
        }
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), p -> new ReentrantLock());
        jvmLock.lock();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            FileLock lock = ch.lock();
            try {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                long size = ch.size();
                if (closeTornLine && size > 0) {
                    ByteBuffer last = ByteBuffer.allocate(1);
                    ch.read(last, size - 1);
                    if (last.get(0) != '\n') {
                        byte[] fixed = new byte[bytes.length + 1];
                        fixed[0] = '\n';
                        System.arraycopy(bytes, 0, fixed, 1, bytes.length);
                        buf = ByteBuffer.wrap(fixed);
                    }
                }
                ch.position(size);
                writeFully(ch, buf);
            } finally {
                lock.release();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        } finally {
            jvmLock.unlock();
        }
    }

    /**
     * Runs {@code action} while holding an exclusive lock on {@code lockFile}, across threads of this JVM and
     * across processes; use it around every read-modify-write of a shared file.
     */
    public static <T> T locked(Path lockFile, Supplier<T> action) {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(key, p -> new ReentrantLock());
        jvmLock.lock();
        try {
            if (jvmLock.getHoldCount() > 1) {
                return action.get();
            }
            Files.createDirectories(key.getParent());
            try (FileChannel ch = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = ch.lock();
                try {
                    return action.get();
                } finally {
                    lock.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException("lock " + lockFile + " is already held in this JVM", e);
        } finally {
            jvmLock.unlock();
        }
    }

    /** Runs {@code action} under {@link #locked(Path, Supplier)} for its side effect. */
    public static void locked(Path lockFile, Runnable action) {
        locked(lockFile, () -> {
            action.run();
            return null;
        });
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
