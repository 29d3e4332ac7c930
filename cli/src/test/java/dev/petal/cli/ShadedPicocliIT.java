package dev.petal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * picocli's classes in the shaded jar, rewritten by the build (src/build/PicocliClassFiles.java) from Java 5 to
 * Java 8 class files so that bin/petal's class-data archive can hold them: all there, all version 52, all verified.
 */
class ShadedPicocliIT {
    private static final Path JAR = Path.of(System.getProperty("user.dir"), "target", "petal.jar");

    @Test
    void everyPicocliClassIsAJava8ClassFileThatVerifies() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built by `./mvnw -pl cli -am package`");
        Path picocliJar = Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> shaded = picocliClasses(JAR);
        assertEquals(picocliClasses(picocliJar), shaded, "the same picocli classes as " + picocliJar.getFileName());
        try (ZipFile zip = new ZipFile(JAR.toFile());
             URLClassLoader loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (String name : shaded) {
                byte[] head;
                try (InputStream s = zip.getInputStream(zip.getEntry(name))) {
                    head = s.readNBytes(8);
                }
                assertEquals(52, (head[6] & 0xff) << 8 | (head[7] & 0xff), name + "'s class file version");
                // reflection links the class, and linking verifies it (with its stack map frames: version 52
                // classes have no fall-back to the old verifier)
                Class<?> c = Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'), false, loader);
                assertEquals(loader, c.getClassLoader(), name);
                c.getDeclaredMethods();
                c.getDeclaredConstructors();
            }
        }
    }

    private static List<String> picocliClasses(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (e.getName().startsWith("picocli/") && e.getName().endsWith(".class")) {
                    names.add(e.getName());
                }
            }
        }
        Collections.sort(names);
        assertTrue(names.size() > 100, jar + ": " + names.size() + " picocli classes");
        return names;
    }
}
