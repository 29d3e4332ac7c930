package dev.petal.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run submitted by code whose classes come from a class loader of its own (as under {@code mvn exec:java}, where
 * {@code java.class.path} is Maven's launcher): the child JVM gets that loader's class path and finds the script.
 */
class ChildClassPathTest {
    @TempDir
    Path dir;

    @Test
    void aScriptOnTheSubmittersOwnClassLoaderRunsInTheChildJvm() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/userpkg"));
        Files.writeString(src.resolve("UserScript.java"), "package userpkg;\npublic class UserScript {\n"
                + "    public static void main(String[] args) {\n"
                + "        System.out.println(\"user script ran with \" + String.join(\" \", args));\n    }\n}\n");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                src.resolve("UserScript.java").toString()));

        Experiment exp = new Experiment(Workspace.at(dir.resolve("ws")), "loaders");
        Thread current = Thread.currentThread();
        ClassLoader before = current.getContextClassLoader();
        try (URLClassLoader user = new URLClassLoader(new URL[] {classes.toUri().toURL()}, before)) {
            current.setContextClassLoader(user);
            Run run = exp.submit(ScriptRunConfig.mainClass("userpkg.UserScript", List.of("a", "b"))
                    .withEnvironment(ChildJvm.FAST));
            RunDetails d = run.waitForCompletion(false, false);
            String log = Files.readString(run.folder().resolve("logs/std_log.txt"));
            assertEquals(RunStatus.COMPLETED, d.status(), log);
            assertTrue(log.contains("user script ran with a b"), log);
        } finally {
            current.setContextClassLoader(before);
        }
    }
}
