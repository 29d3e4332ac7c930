import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step of the cli module (run by maven-antrun-plugin after the shade step, as a single-file source
 * program with ASM on its class path): rewrites picocli's classes in the shaded jar, compiled for Java 5 (class file
 * version 49), to Java 8 class files (version 52) with stack map frames computed by ASM. The JDK's class-data
 * sharing skips every class file older than version 50, so without this about 170 picocli classes are loaded
 * from the jar and checked by the old inferencing verifier on every command; as version 52 files they go into
 * bin/petal's archive like the rest. Nothing else changes: the code, constants and attributes are ASM's faithful
 * copy, every other entry keeps its bytes, name, time and place, and the output is the same for the same input.
 *
 * <p>Usage: {@code java -cp asm.jar PicocliClassFiles.java JAR} (the jar is replaced in place). Any failure ends
 * the program with an exception, so the build fails.
 */
public final class PicocliClassFiles {
    private static final String PREFIX = "picocli/";
    private static final int JAVA_8 = 52;

    private PicocliClassFiles() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PicocliClassFiles JAR");
        }
        // ZipEntry keeps times as local DOS times: UTC has no gaps, so each time is copied unchanged
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        Path jar = Path.of(args[0]);
        Path tmp = jar.resolveSibling(jar.getFileName() + ".picocli.tmp");
        int rewritten;
        try (ZipFile in = new ZipFile(jar.toFile())) {
            rewritten = rewrite(in, tmp);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("PicocliClassFiles: " + rewritten + " picocli classes in " + jar.getFileName()
                + " rewritten to class file version " + JAVA_8);
    }

    private static int rewrite(ZipFile in, Path tmp) throws IOException {
        List<? extends ZipEntry> entries = Collections.list(in.entries());
        Hierarchy hierarchy = new Hierarchy(in);
        int picocli = 0;
        int rewritten = 0;
        try (OutputStream file = Files.newOutputStream(tmp); ZipOutputStream out = new ZipOutputStream(file)) {
            if (in.getComment() != null) {
                out.setComment(in.getComment());
            }
            for (ZipEntry e : entries) {
                byte[] data = read(in, e);
                if (e.getName().startsWith(PREFIX) && e.getName().endsWith(".class")) {
                    picocli++;
                    if (major(data, e.getName()) < JAVA_8) {
                        data = toJava8(data, hierarchy);
                        rewritten++;
                    }
                }
                // a new entry, not a copy of e, so that ZipOutputStream computes the sizes and CRC (data
                // descriptors after the data, as the shade plugin's JarOutputStream wrote them)
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                copy.setMethod(e.getMethod());
                if (e.getMethod() == ZipEntry.STORED) {
                    CRC32 crc = new CRC32();
                    crc.update(data);
                    copy.setSize(data.length);
                    copy.setCompressedSize(data.length);
                    copy.setCrc(crc.getValue());
                }
                copy.setExtra(e.getExtra());
                copy.setComment(e.getComment());
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
            }
        }
        if (picocli == 0) {
            throw new IllegalStateException(in.getName() + " holds no picocli classes: is picocli still shaded in?");
        }
        return rewritten;
    }

    /** The class file's major version, checking its magic number. */
    private static int major(byte[] data, String name) {
        if (data.length < 8 || (data[0] & 0xff) != 0xca || (data[1] & 0xff) != 0xfe || (data[2] & 0xff) != 0xba
                || (data[3] & 0xff) != 0xbe) {
            throw new IllegalStateException(name + " is not a class file");
        }
        return (data[6] & 0xff) << 8 | (data[7] & 0xff);
    }

    /** The class as a version 52 class file, its stack map frames computed (ASM copies everything else). */
    private static byte[] toJava8(byte[] data, Hierarchy hierarchy) {
        ClassReader reader = new ClassReader(data);
        // no reader given to the writer: with one, ASM would copy the methods' code as it stands, without frames
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                return hierarchy.commonSuperClass(type1, type2);
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                    String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        byte[] result = writer.toByteArray();
        if (major(result, reader.getClassName()) != JAVA_8) {
            throw new IllegalStateException(reader.getClassName() + " was not rewritten to version " + JAVA_8);
        }
        return result;
    }

    private static byte[] read(ZipFile zip, ZipEntry e) throws IOException {
        try (InputStream s = zip.getInputStream(e)) {
            return s.readAllBytes();
        }
    }

    /**
     * The class hierarchy ASM asks about while computing frames, read from class files, never loaded: classes
     * from the jar being rewritten first (picocli's own), then the JDK's. ASM's own default would load the
     * classes with the build's class loader, which has no picocli on it.
     */
    private static final class Hierarchy {
        private final ZipFile jar;
        private final Map<String, Info> infos = new HashMap<>();

        Hierarchy(ZipFile jar) {
            this.jar = jar;
        }

        private record Info(boolean isInterface, String superName, String[] interfaces) {
        }

        /** ClassWriter.getCommonSuperClass's own rule, on class files instead of loaded classes. */
        String commonSuperClass(String type1, String type2) {
            if (isAssignableFrom(type1, type2)) {
                return type1;
            }
            if (isAssignableFrom(type2, type1)) {
                return type2;
            }
            if (info(type1).isInterface() || info(type2).isInterface()) {
                return "java/lang/Object";
            }
            String t = type1;
            do {
                t = info(t).superName();
            } while (!isAssignableFrom(t, type2));
            return t;
        }

        private boolean isAssignableFrom(String to, String from) {
            if (to.equals(from)) {
                return true;
            }
            Info f = info(from);
            if (f.superName() != null && isAssignableFrom(to, f.superName())) {
                return true;
            }
            for (String i : f.interfaces()) {
                if (isAssignableFrom(to, i)) {
                    return true;
                }
            }
            return false;
        }

        private Info info(String type) {
            Info info = infos.get(type);
            if (info == null) {
                ClassReader r = new ClassReader(bytes(type));
                info = new Info((r.getAccess() & Opcodes.ACC_INTERFACE) != 0, r.getSuperName(), r.getInterfaces());
                infos.put(type, info);
            }
            return info;
        }

        private byte[] bytes(String type) {
            String name = type + ".class";
            try {
                ZipEntry e = jar.getEntry(name);
                if (e != null) {
                    return read(jar, e);
                }
                try (InputStream s = ClassLoader.getPlatformClassLoader().getResourceAsStream(name)) {
                    if (s != null) {
                        return s.readAllBytes();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new IllegalStateException("computing stack map frames needs class " + type.replace('/', '.')
                    + ", found neither in " + jar.getName() + " nor in the JDK");
        }
    }
}
