package dev.petal.spark;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a run's {@code .java} script on the driver at submission, so a script that does not compile fails the
 * run while it is Preparing, before any executor is used; the class files travel in the run's snapshot. The main
 * class is the first top-level class of the file, as for {@code java File.java}.
 */
final class ScriptCompiler {
    private ScriptCompiler() {
    }

    /** Thrown with javac's first error, as {@code File.java:LINE: error: MESSAGE}. */
    static final class CompileError extends Exception {
        private static final long serialVersionUID = 1L;

        CompileError(String message) {
            super(message);
        }
    }

    /** Compiles {@code dir/script} with {@code classpath} into {@code out}; returns the main class's binary name. */
    static String compile(Path dir, String script, String classpath, Path out) throws CompileError, IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("compiling " + script + " needs a JDK (javax.tools); " + System.getProperty("java.home")
                    + " is a JRE");
        }
        Files.createDirectories(out);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjects(dir.resolve(script));
            JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics,
                    List.of("-d", out.toString(), "-cp", classpath, "-proc:none", "-nowarn", "-encoding", "UTF-8"),
                    null, units);
            String main = null;
            for (CompilationUnitTree unit : task.parse()) {
                for (Tree t : unit.getTypeDecls()) {
                    if (main == null && t instanceof ClassTree c) {
                        String pkg = unit.getPackageName() == null ? "" : unit.getPackageName() + ".";
                        main = pkg + c.getSimpleName();
                    }
                }
            }
            task.generate();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    String where = d.getSource() == null ? script : Path.of(d.getSource().toUri()).getFileName().toString();
                    throw new CompileError(where + ":" + d.getLineNumber() + ": error: "
                            + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""));
                }
            }
            if (main == null) {
                throw new CompileError(script + " declares no class");
            }
            return main;
        }
    }
}
