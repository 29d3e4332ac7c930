package dev.petal.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.petal.tracking.scripts.MainScript;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Petal embedded in a JVM whose System.out and System.err the application has captured: an in-process run puts
 * its script's output into the run's log, prints nothing of its own, and leaves both streams as it found them.
 */
class InProcessOutputTest {
    @TempDir
    Path dir;

    @Test
    void inProcessRunsLeaveTheApplicationsStreamsUntouched() throws Exception {
        PrintStream jvmOut = System.out;
        PrintStream jvmErr = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        PrintStream appOut = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
        PrintStream appErr = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
        System.setOut(appOut);
        System.setErr(appErr);
        try {
            Experiment exp = new Experiment(Workspace.at(dir.resolve("ws")), "embedded");
            Run ok = exp.submit(ScriptRunConfig.mainClass(MainScript.class.getName(), List.of("x"))
                    .withComputeTarget(ComputeTarget.INPROCESS));
            Run failing = exp.submit(ScriptRunConfig.mainClass(MainScript.class.getName(), List.of("--fail"))
                    .withComputeTarget(ComputeTarget.INPROCESS));
            System.out.println("the application's own line");
            assertEquals(RunStatus.COMPLETED, ok.waitForCompletion(false).status());
            assertEquals(RunStatus.FAILED, failing.waitForCompletion(false, false).status());

            assertSame(appOut, System.out);
            assertSame(appErr, System.err);
            assertEquals("the application's own line" + System.lineSeparator(),
                    outBytes.toString(StandardCharsets.UTF_8));
            assertEquals("", errBytes.toString(StandardCharsets.UTF_8));
            String okLog = Files.readString(ok.folder().resolve("logs/std_log.txt"));
            assertTrue(okLog.contains("main script in " + ok.id() + " args x"), okLog);
            assertTrue(okLog.contains("main script done"), okLog);
            String failLog = Files.readString(failing.folder().resolve("logs/std_log.txt"));
            assertTrue(failLog.contains("java.lang.IllegalArgumentException: asked to fail"), failLog);
        } finally {
            System.setOut(jvmOut);
            System.setErr(jvmErr);
        }
    }
}
