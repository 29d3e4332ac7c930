package dev.petal.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Output paths given by a user: {@code -} is standard output; a symbolic link is written through (its
 * target is replaced, the link stays); an existing path that is not a regular file (a device, a FIFO,
 * a folder) is refused; everything else is replaced atomically, so the old file survives any failure.
 * {@link #writeBoth} replaces two files together: both or neither.
 */
public final class OutputFiles {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_LINKS = 40;

    private OutputFiles() {
    }

    /** Whether {@code path} is {@code -}. */
    public static boolean isStdout(Path path) {
        return path.toString().equals("-");
    }

    /** Writes what {@code content} writes to {@code target} (see the class comment). */
    public static void write(Path target, AtomicFile.Content content) throws IOException {
        write(target, content, null);
    }

    /** Writes what {@code content} writes to {@code target}; {@code -} goes to {@code stdout} (null: {@code System.out}). */
    public static void write(Path target, AtomicFile.Content content, OutputStream stdout) throws IOException {
        if (isStdout(target) && stdout != null) {
            content.writeTo(stdout);
            stdout.flush();
            return;
        }
        if (isStdout(target)) {
            OutputStream out = new BufferedOutputStream(new FilterOutputStream(System.out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush();   // standard output stays open
                }
            }, 1 << 16);
            content.writeTo(out);
            out.flush();
            if (System.out.checkError()) {
                throw new IOException("cannot write to standard output");
            }
            return;
        }
        Path real = resolve(target);
        Path tmp = stage(target, real, content);
        try {
            commit(tmp, real);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Writes {@code first} and {@code second} so that both are replaced or neither is. */
    public static void writeBoth(Path first, AtomicFile.Content firstContent, Path second, AtomicFile.Content secondContent)
            throws IOException {
        writeBoth(first, firstContent, second, secondContent, null);
    }

    /**
     * {@link #writeBoth(Path, AtomicFile.Content, Path, AtomicFile.Content)}, where one of the two may be {@code -}
     * ({@code stdout}; null: {@code System.out}): the file is staged, standard output written, and only then the
     * file put in place, so a failure on either side leaves the file as it was (what reached standard output
     * cannot be taken back).
     */
    public static void writeBoth(Path first, AtomicFile.Content firstContent, Path second, AtomicFile.Content secondContent,
                                 OutputStream stdout) throws IOException {
        if (isStdout(first) || isStdout(second)) {
            if (isStdout(first) && isStdout(second)) {
                throw new IOException("both outputs are '-' (standard output); give at least one of them as a file");
            }
            boolean firstIsStdout = isStdout(first);
            Path file = firstIsStdout ? second : first;
            Path real = resolve(file);
            Path tmp = stage(file, real, firstIsStdout ? secondContent : firstContent);
            try {
                write(Path.of("-"), firstIsStdout ? firstContent : secondContent, stdout);
                commit(tmp, real);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
            return;
        }
        Path realFirst = resolve(first);
        Path realSecond = resolve(second);
        if (realFirst.equals(realSecond)) {
            throw new IOException(first + " and " + second + " are the same file");
        }
        Path tmpFirst = stage(first, realFirst, firstContent);
        Path tmpSecond;
        try {
            tmpSecond = stage(second, realSecond, secondContent);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmpFirst);
            throw e;
        }
        Path backup = null;
        try {
            if (Files.exists(realFirst, LinkOption.NOFOLLOW_LINKS)) {
                backup = sibling(realFirst, ".old");
                Files.createLink(backup, realFirst);
            }
            commit(tmpFirst, realFirst);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmpFirst);
            Files.deleteIfExists(tmpSecond);
            if (backup != null) {
                Files.deleteIfExists(backup);
            }
            throw e;
        }
        try {
            commit(tmpSecond, realSecond);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmpSecond);
            try {
                if (backup != null) {
                    move(backup, realFirst);   // the first file as it was
                    backup = null;
                } else {
                    Files.deleteIfExists(realFirst);
                }
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            if (backup != null) {
                Files.deleteIfExists(backup);
            }
        }
    }

    /**
     * The path that writing {@code target} replaces: the end of its chain of symbolic links, if any.
     * An existing path that is not a regular file is refused with a one-line message.
     */
    public static Path resolve(Path target) throws IOException {
        Path p = target.toAbsolutePath();
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == MAX_LINKS) {
                throw new IOException("cannot write " + target + ": too many symbolic links");
            }
            Path link = Files.readSymbolicLink(p);
            p = p.getParent().resolve(link).normalize();
        }
        if (Files.exists(p) && !Files.isRegularFile(p)) {
            String what = Files.isDirectory(p) ? "a folder" : "not a regular file (a device, pipe or socket)";
            throw new IOException("cannot write " + target + ": it is " + what + "; give a file path, or '-' for standard output");
        }
        Path dir = p.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("cannot write " + target + ": folder " + dir + " does not exist");
        }
        return p;
    }

    /** Writes {@code content} to a new temporary file beside {@code real}, forced to disk. */
    private static Path stage(Path target, Path real, AtomicFile.Content content) throws IOException {
        Path tmp = sibling(real, ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            return tmp;
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof IOException io && !io.getMessage().startsWith("cannot write")) {
                throw new IOException("cannot write " + target + ": " + io.getMessage(), io);
            }
            throw e;
        }
    }

    private static void commit(Path tmp, Path real) throws IOException {
        move(tmp, real);
        try (FileChannel ch = FileChannel.open(real.getParent(), StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some platforms cannot open a folder as a channel; the rename is still atomic
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path sibling(Path real, String suffix) {
        return real.getParent().resolve("." + real.getFileName() + "." + Long.toHexString(RANDOM.nextLong()) + suffix);
    }
}
