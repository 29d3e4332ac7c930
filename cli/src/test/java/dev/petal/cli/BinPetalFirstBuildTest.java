package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/petal}'s first build, with a stand-in for {@code ./mvnw} that prints Maven's progress lines: one
 * progress line per module on stderr, and on a failed build the end of Maven's log instead of silence.
 */
class BinPetalFirstBuildTest {
    private static final String MAVEN_LINES = "[INFO] Scanning for projects...\n"
            + "[INFO] Building Petal 0.1.0-SNAPSHOT                                     [1/3]\n"
            + "[INFO] Building Petal core 0.1.0-SNAPSHOT                                [2/3]\n"
            + "[INFO] --- compiler:3.13.0:compile (default-compile) @ petal-core ---\n"
            + "[INFO] Building Petal cli 0.1.0-SNAPSHOT                                 [3/3]\n";

    @TempDir
    Path root;

    private record Result(int code, String out, String err) {
    }

    private Result petal(Map<String, String> env) throws IOException, InterruptedException {
        Path script = Path.of("").toAbsolutePath().getParent().resolve("bin/petal");
        Files.createDirectories(root.resolve("bin"));
        Files.copy(script, root.resolve("bin/petal"));
        Path mvnw = root.resolve("mvnw");
        Files.writeString(mvnw, "#!/usr/bin/env bash\nprintf '%s' \"$STUB_LINES\"\n"
                + "if [ -n \"${STUB_FAIL:-}\" ]; then echo '[ERROR] COMPILATION ERROR: Foo.java:[3,1] broken'; exit 1; fi\n"
                + "mkdir -p cli/target && cp \"$STUB_JAR\" cli/target/petal.jar\n");
        Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("bin/petal").toString(), "--version");
        pb.environment().put("STUB_LINES", MAVEN_LINES);
        pb.environment().putAll(env);
        Path out = root.resolve("out.txt");
        Path err = root.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A jar whose main class prints "stand-in petal" and its arguments. */
    private Path standInJar() throws IOException {
        Path src = Files.createDirectories(root.resolve("src"));
        Files.writeString(src.resolve("StandIn.java"),
                "public class StandIn { public static void main(String[] a) { System.out.println(\"stand-in petal \" + String.join(\" \", a)); } }");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", src.toString(),
                src.resolve("StandIn.java").toString()));
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "StandIn");
        Path jar = root.resolve("stand-in.jar");
        try (OutputStream f = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(f, m)) {
            j.putNextEntry(new JarEntry("StandIn.class"));
            j.write(Files.readAllBytes(src.resolve("StandIn.class")));
            j.closeEntry();
        }
        return jar;
    }

    @Test
    void theFirstBuildSaysWhichModuleItIsAtThenRunsTheCommand() throws Exception {
        Result r = petal(Map.of("STUB_JAR", standInJar().toString()));
        assertEquals(0, r.code(), r.err());
        assertEquals("stand-in petal --version\n", r.out());
        assertEquals(List.of(
                "petal: building " + root.resolve("cli/target/petal.jar") + " (first run, about two minutes; Maven's log: "
                        + root.resolve("cli/build.log") + ")...",
                "petal:   2 of 3: core",
                "petal:   3 of 3: cli",
                "petal: built; continuing"), r.err().lines().toList());
        assertEquals(MAVEN_LINES, Files.readString(root.resolve("cli/build.log")));
    }

    @Test
    void aFailedFirstBuildShowsTheEndOfMavensLog() throws Exception {
        Result r = petal(Map.of("STUB_FAIL", "1"));
        assertEquals(1, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().contains("petal: the build failed; the end of " + root.resolve("cli/build.log") + ":\n"), r.err());
        assertTrue(r.err().endsWith("[ERROR] COMPILATION ERROR: Foo.java:[3,1] broken\n"), r.err());
    }
}
