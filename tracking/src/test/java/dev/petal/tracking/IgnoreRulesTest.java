package dev.petal.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IgnoreRulesTest {
    @TempDir
    Path dir;

    @Test
    void gitignoreSyntax() {
        IgnoreRules r = IgnoreRules.parse("""
                # comment
                *.log
                /outputs
                build/
                docs/**/*.tmp
                !keep.log
                data/?.bin
                [ab]c.txt
                """);
        assertTrue(r.ignored("a.log", false));
        assertTrue(r.ignored("deep/x/a.log", false));
        assertFalse(r.ignored("keep.log", false));
        assertTrue(r.ignored("outputs", true));
        assertFalse(r.ignored("src/outputs", true));
        assertTrue(r.ignored("build", true));
        assertTrue(r.ignored("src/build", true));
        assertFalse(r.ignored("build", false));
        assertTrue(r.ignored("docs/a/b/c.tmp", false));
        assertTrue(r.ignored("docs/c.tmp", false));
        assertTrue(r.ignored("data/1.bin", false));
        assertFalse(r.ignored("data/12.bin", false));
        assertTrue(r.ignored("bc.txt", false));
        assertFalse(r.ignored("cc.txt", false));
        assertFalse(r.ignored("# comment", false));
    }

    @Test
    void snapshotHonoursPetalignoreAndSkipsWorkspaces() throws Exception {
        Files.writeString(dir.resolve(".petalignore"), "data/\n*.tmp\n");
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/big.bin"), "x");
        Files.writeString(dir.resolve("a.tmp"), "x");
        Files.writeString(dir.resolve("Train.java"), "x");
        Files.createDirectories(dir.resolve("pkg"));
        Files.writeString(dir.resolve("pkg/util.txt"), "x");
        Workspace ws = Workspace.at(dir.resolve(".petal"));
        new Experiment(ws, "inside").startLogging().complete();
        Snapshot s = Snapshot.of(dir, ws.root());
        assertEquals(List.of(".petalignore", "Train.java", "pkg/util.txt"), s.relativeNames());
    }

    @Test
    void gitignoreIsTheFallback() throws Exception {
        Files.writeString(dir.resolve(".gitignore"), "target/\n");
        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("target/x.class"), "x");
        Files.writeString(dir.resolve("A.java"), "x");
        assertEquals(List.of(".gitignore", "A.java"), Snapshot.of(dir, dir.resolve(".petal")).relativeNames());
    }

    @Test
    void fileCountLimit() throws Exception {
        for (int i = 0; i < 6; i++) {
            Files.writeString(dir.resolve("f" + i), "x");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Snapshot.of(dir, dir.resolve(".petal"), 5, Snapshot.MAX_BYTES));
        assertEquals("While attempting to take snapshot of " + dir + " Your total snapshot exceeds the limit of 5"
                + " files. Exclude files with a .petalignore file (gitignore syntax) in the source directory.",
                e.getMessage());
    }

    @Test
    void sizeLimitOf300MegabytesUsesAzuresMessage() throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("huge.bin").toFile(), "rw")) {
            f.setLength(Snapshot.MAX_BYTES + 1); // sparse: no disk space used
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Snapshot.of(dir, dir.resolve(".petal")));
        assertEquals("While attempting to take snapshot of " + dir + " Your total snapshot size exceeds the limit of"
                + " 300.0 MB. Exclude files with a .petalignore file (gitignore syntax) in the source directory.",
                e.getMessage());
    }
}
