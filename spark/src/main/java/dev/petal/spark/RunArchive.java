package dev.petal.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The ZIP archives that carry a run between driver and executor: the snapshot going out, the run's files coming
 * back. Reading refuses path-like entry names (zip slip) and bounds the total size.
 */
final class RunArchive {
    /** Results larger than this should go to an artifact store; Spark's own limit is spark.driver.maxResultSize. */
    static final long MAX_BYTES = 512L * 1024 * 1024;

    private RunArchive() {
    }

    /** Zips every regular file under {@code root} (names relative to it, '/'-separated), in name order. */
    static byte[] zipTree(Path root) {
        Map<String, Path> files = new LinkedHashMap<>();
        if (Files.isDirectory(root)) {
            try (var s = Files.walk(root)) {
                s.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString))
                        .forEach(p -> files.put(root.relativize(p).toString().replace('\\', '/'), p));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + root + ": " + e.getMessage(), e);
            }
        }
        return zip(files, Map.of());
    }

    /** Zips {@code files} (entry name to file) and {@code extra} (entry name to content). */
    static byte[] zip(Map<String, Path> files, Map<String, byte[]> extra) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (var e : extra.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
            for (var e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                Files.copy(e.getValue(), z);
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive run files: " + e.getMessage(), e);
        }
        return bytes.toByteArray();
    }

    /** Unzips {@code zip} under {@code dest}; entry names must be relative paths that stay inside it. */
    static void unzip(byte[] zip, Path dest) {
        read(zip, (name, content) -> {
            Path target = dest.resolve(name).normalize();
            Files.createDirectories(target.getParent());
            Files.write(target, content);
        }, dest);
    }

    /** Every entry of {@code zip}, by name, in archive order. */
    static Map<String, byte[]> entries(byte[] zip) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        read(zip, out::put, Path.of("/check"));
        return out;
    }

    private interface EntrySink {
        void accept(String name, byte[] content) throws IOException;
    }

    private static void read(byte[] zip, EntrySink sink, Path base) {
        long total = 0;
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                String name = e.getName();
                if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")
                        || !base.resolve(name).normalize().startsWith(base) || name.endsWith("/")) {
                    if (name.endsWith("/") && !name.startsWith("/") && !name.contains("..")) {
                        continue;
                    }
                    throw new IllegalArgumentException("run archive entry '" + name + "' is not a relative path inside the run");
                }
                byte[] content = z.readAllBytes();
                total += content.length;
                if (total > MAX_BYTES) {
                    throw new IllegalArgumentException("run archive is larger than " + MAX_BYTES + " bytes");
                }
                sink.accept(name, content);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read run archive: " + ex.getMessage(), ex);
        }
    }

    /** Deletes {@code root} and everything under it; quietly leaves what cannot be deleted. */
    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var s = Files.walk(root)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover temporary file
                }
            });
        } catch (IOException ignored) {
            // a leftover temporary folder
        }
    }
}
