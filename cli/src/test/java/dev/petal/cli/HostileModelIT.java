package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crafted model in a real {@code petal predict} process with a 512 MB heap: a 2 KB file declaring a
 * linear svc of 100 classes and 2^20 features used to run minutes up to 6 GiB and die with an OutOfMemoryError
 * trace; now it ends with one line and exit status 1.
 */
class HostileModelIT {
    @TempDir
    Path dir;

    @Test
    void theCraftedLinearModelFailsWithOneLineUnderASmallHeap() throws Exception {
        Path model = CraftedModels.svc(dir.resolve("crafted.petal"), 100, 1 << 20, "linear", 3);
        Path data = Files.writeString(dir.resolve("x.csv"), "a,b\n1,2\n");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                PetalCli.class.getName(), "predict", "--model", model.toString(), "--data", data.toString(),
                "--output", dir.resolve("out.csv").toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        // a guard against the old behaviour (minutes, then OutOfMemoryError), not a speed assertion
        boolean ended = p.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly();
        }
        assertTrue(ended, "petal predict was still running after 120 s");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), err);
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.size(), err);
        assertTrue(lines.get(0).startsWith("error: " + model + ": an svc with 100 classes, 1048576 features and 0"
                + " support vectors needs about 77.3 GiB of memory, more than the "), err);
    }
}
