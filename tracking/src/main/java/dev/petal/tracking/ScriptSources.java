package dev.petal.tracking;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * A {@code .java} script whose folder holds more {@code .java} files: {@code java File.java} compiles only the one
 * file, so these are compiled together, in the submitting process while the run is Preparing, and the script's
 * first top-level class runs from the class files (as the source launcher would run it).
 */
final class ScriptSources {
    /** Where the class files go, inside the run's working folder (never collected with the outputs). */
    static final String CLASSES = ".petal-classes";

    private ScriptSources() {
    }

    /** The {@code .java} files under {@code root} (the run's working folder), outputs and logs left out. */
    static List<Path> sources(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .filter(p -> !root.relativize(p).startsWith("outputs") && !root.relativize(p).startsWith("logs")
                            && !root.relativize(p).startsWith(CLASSES))
                    .sorted().toList();
        }
    }

    /**
     * Compiles {@code sources} with {@code classpath} into {@code root/.petal-classes} and returns the binary name
     * of {@code script}'s first top-level class; IllegalArgumentException with javac's first error otherwise.
     */
    static String compile(Path root, String script, List<Path> sources, String classpath) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalArgumentException("compiling " + script + " and the other .java files beside it needs a JDK;"
                    + " " + System.getProperty("java.home") + " has no compiler");
        }
        Path out = Files.createDirectories(root.resolve(CLASSES));
        Path main = root.resolve(script).normalize();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics,
                    List.of("-d", out.toString(), "-cp", classpath, "-proc:none", "-nowarn", "-encoding", "UTF-8"),
                    null, files.getJavaFileObjectsFromPaths(sources));
            List<String> mains = new ArrayList<>();
            for (CompilationUnitTree unit : task.parse()) {
                if (!Path.of(unit.getSourceFile().toUri()).normalize().equals(main)) {
                    continue;
                }
                for (Tree t : unit.getTypeDecls()) {
                    if (t instanceof ClassTree c) {
                        mains.add((unit.getPackageName() == null ? "" : unit.getPackageName() + ".") + c.getSimpleName());
                    }
                }
            }
            task.generate();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    String where = d.getSource() == null ? script : root.relativize(Path.of(d.getSource().toUri())).toString();
                    throw new IllegalArgumentException("the script does not compile: " + where + ":" + d.getLineNumber()
                            + ": error: " + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
                }
            }
            if (mains.isEmpty()) {
                throw new IllegalArgumentException("the script does not compile: " + script + " declares no class to run");
            }
            return mains.get(0);
        }
    }
}
