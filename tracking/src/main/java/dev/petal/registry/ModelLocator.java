package dev.petal.registry;

import dev.petal.tracking.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What every command that takes a model ({@code predict}, {@code score}, {@code serve}, {@code export}) accepts:
 * a model file, or a registered model {@code NAME} (latest), {@code NAME:VERSION} or {@code NAME@ALIAS}.
 */
public final class ModelLocator {
    private ModelLocator() {
    }

    /**
     * A resolved model argument.
     *
     * @param path the model file given, or the registered version's file or folder
     * @param registered the registered version it came from, if it was a reference
     */
    public record Located(Path path, Optional<Model> registered) {
        /** The model file to load (of a registered folder: its one {@code .petal} file). */
        public Path file() {
            return registered.isPresent() ? fileOf(registered.get()) : path;
        }
    }

    /**
     * Resolves {@code spec}: an existing file, or a path ending in {@code .petal}, is a model file; anything else is a
     * registry reference looked up in the workspace {@code workspace} supplies (asked for only then, so a file never
     * needs a workspace). A registered folder must hold exactly one {@code .petal} file.
     */
    public static Located locate(String spec, Supplier<Workspace> workspace) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("--model is empty; give a model file or a registered model NAME,"
                    + " NAME:VERSION or NAME@ALIAS");
        }
        Path asPath;
        try {
            asPath = Path.of(spec);
        } catch (InvalidPathException e) {
            asPath = null;
        }
        if (asPath != null && (Files.isRegularFile(asPath) || spec.toLowerCase(Locale.ROOT).endsWith(".petal")
                || spec.contains("/") || spec.contains("\\"))) {
            if (!Files.exists(asPath)) {
                throw new IllegalArgumentException(shown(spec) + " does not exist; give an existing .petal file or a"
                        + " registered model NAME[:VERSION] or NAME@ALIAS.");
            }
            return new Located(asPath, Optional.empty());
        }
        ModelRef ref;
        try {
            ref = ModelRef.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + shown(spec) + "' is neither a model file nor a registered model"
                    + " reference: " + e.getMessage());
        }
        Model m = workspace.get().registry().get(ref);
        return new Located(m.path(), Optional.of(m));
    }

    /** The model file of a registered version: the file itself, or the single {@code .petal} file of a folder. */
    public static Path fileOf(Model model) {
        Path path = model.path();
        if (!Files.isDirectory(path)) {
            return path;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(path)) {
            files = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".petal")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
        }
        if (files.size() != 1) {
            throw new IllegalArgumentException("registered model " + model.ref() + " is a folder with "
                    + files.size() + " .petal files; a model argument needs exactly one");
        }
        return files.get(0);
    }

    private static String shown(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
