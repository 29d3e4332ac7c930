package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code petal ui}'s errors; the app itself is tested in the ui module (UiApiTest, UiBrowserIT). */
class UiCommandTest {
    @TempDir
    Path dir;

    @Test
    void aMissingWorkspaceOrABadPortIsOneLine() {
        CliResult r = CliResult.petal("ui", "--workspace", dir.resolve("none").toString());
        assertEquals(1, r.code());
        assertEquals("error: no workspace at " + dir.resolve("none") + " (no config.json there); check --workspace DIR\n",
                r.err());
        r = CliResult.petal("ui", "--port", "70000", "--workspace", dir.toString());
        assertEquals(2, r.code());
        assertEquals("error: --port must be between 0 and 65535, got 70000\n", r.err());
    }
}
