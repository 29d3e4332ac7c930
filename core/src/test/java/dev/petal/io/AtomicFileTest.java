package dev.petal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesTheFile() throws IOException {
        Path p = dir.resolve("model.petal");
        AtomicFile.write(p, new byte[] {1, 2});
        AtomicFile.write(p, new byte[] {3});
        assertArrayEquals(new byte[] {3}, Files.readAllBytes(p));
        assertEquals(List.of("model.petal"), names());
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path p = dir.resolve("model.petal");
        AtomicFile.write(p, new byte[] {7, 7, 7});
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(p, out -> {
            out.write(new byte[1000]);
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertArrayEquals(new byte[] {7, 7, 7}, Files.readAllBytes(p));
        assertEquals(List.of("model.petal"), names());
        assertThrows(IllegalStateException.class, () -> AtomicFile.write(p, out -> {
            out.write(1);
            throw new IllegalStateException("encoder bug");
        }));
        assertArrayEquals(new byte[] {7, 7, 7}, Files.readAllBytes(p));
        assertEquals(List.of("model.petal"), names());
    }

    @Test
    void refusesFoldersWithClearMessages() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("out"));
        assertEquals("cannot write " + sub + ": it is a folder.",
                assertThrows(IOException.class, () -> AtomicFile.write(sub, new byte[1])).getMessage());
        Path nowhere = dir.resolve("missing").resolve("m.petal");
        assertEquals("cannot write " + nowhere + ": folder " + nowhere.getParent() + " does not exist.",
                assertThrows(IOException.class, () -> AtomicFile.write(nowhere, new byte[1])).getMessage());
    }
}
