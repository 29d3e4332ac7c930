package dev.petal.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java quick start exactly as printed: the first {@code java} code block after "## Java quick
 * start" is written to {@code QuickStart.java} in an empty folder and run with {@code java -cp CLASSPATH
 * QuickStart.java} (the JDK compiles it), with this module's test class path (Petal and petal-examples).
 */
class ReadmeQuickStartIT {
    @TempDir
    Path dir;

    static String quickStartBlock() throws Exception {
        Path readme = Path.of(System.getProperty("user.dir")).resolve("../README.md").normalize();
        String text = Files.readString(readme);
        int section = text.indexOf("\n## Java quick start\n");
        assertTrue(section >= 0, "README.md has no '## Java quick start' section");
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(text);
        assertTrue(m.find(section), "no java code block after '## Java quick start'");
        return m.group(1);
    }

    @Test
    void theReadmesJavaQuickStartCompilesAndRunsAsPrinted() throws Exception {
        String code = quickStartBlock();
        assertTrue(code.contains("public class QuickStart"), code);
        Path source = Files.writeString(dir.resolve("QuickStart.java"), code);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), source.toString())
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().toList();
        assertTrue(lines.contains("accuracy 0.9736842105263158"), out);
        assertTrue(out.contains("[[13  0  0]\n [ 0 15  1]\n [ 0  0  9]]"), out);
        assertTrue(lines.contains("    accuracy                           0.97        38"), out);
        assertTrue(lines.contains("Accuracy of SVM classifier on test set: 0.97"), out);   // TrainIris, streamed
        assertTrue(lines.contains("service answered [1]"), out);
        assertTrue(Files.isRegularFile(dir.resolve("outputs/model.petal")));
        assertTrue(Files.isDirectory(dir.resolve(".petal/experiments/Tutorial-TrainIRIS")));
    }
}
