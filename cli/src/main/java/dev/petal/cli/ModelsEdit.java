package dev.petal.cli;

import dev.petal.registry.Model;
import dev.petal.registry.ModelOptions;
import dev.petal.registry.ModelRef;
import dev.petal.registry.Registry;
import dev.petal.tracking.Run;
import dev.petal.tracking.Workspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code petal models register|alias|tag|delete}: changing the model registry from the command line. */
final class ModelsEdit {
    private ModelsEdit() {
    }

    static Map<String, String> tags(picocli.CommandLine.Model.CommandSpec spec, List<String> pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : pairs == null ? List.<String>of() : pairs) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new ParameterException(spec.commandLine(), "--tag '" + p + "' must be KEY=VALUE");
            }
            m.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return m;
    }

    /** {@code petal models register NAME --path FILE [--run RUN_ID] [--tag K=V]... [--alias A]}. */
    @Command(name = "register", description = "Register a model file (or folder) as the next version of NAME.")
    static final class Register implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(index = "0", paramLabel = "NAME", description = "The model name.")
        String name;
        @Option(names = "--path", required = true, paramLabel = "FILE", description = "The model file or folder; with"
                + " --run, a path inside the run (e.g. outputs/model.petal) is taken from the run.")
        String path;
        @Option(names = "--run", paramLabel = "RUN_ID", description = "The run the model came from.")
        String runId;
        @Option(names = "--tag", paramLabel = "K=V", description = "A tag (repeatable).")
        List<String> tags;
        @Option(names = "--alias", paramLabel = "A", description = "Point this alias (e.g. champion) at the new version.")
        String alias;
        @Option(names = "--description", paramLabel = "TEXT", description = "A description.")
        String description;

        @Override
        public void run() {
            ModelRef.checkName(name);
            if (alias != null) {
                ModelRef.checkAlias(alias);
            }
            Map<String, String> t = tags(spec, tags);
            Workspace ws = runId == null ? workspace.open() : workspace.openExisting();
            Registry registry = ws.registry();
            ModelOptions options = ModelOptions.defaults().withTags(t);
            if (description != null) {
                options = options.withDescription(description);
            }
            Model m;
            if (runId != null) {
                Run run = ws.getRun(runId);
                Path inRun = run.folder().resolve(path.replace('\\', '/')).normalize();
                if (!Files.exists(Path.of(path)) && inRun.startsWith(run.folder()) && Files.exists(inRun)) {
                    m = run.registerModel(name, path, options);
                } else {
                    m = registry.register(name, existing(path), options, run);
                }
            } else {
                m = registry.register(name, existing(path), options);
            }
            if (alias != null) {
                m = registry.setAlias(name, alias, m.version());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("registered " + m.name() + ":" + m.version() + (m.runId() == null ? "" : " from run "
                    + m.runId()) + (alias == null ? "" : " as " + m.name() + "@" + alias));
            out.println("serve it: petal serve --model " + (alias == null ? m.name() + ":" + m.version()
                    : m.name() + "@" + alias) + " --workspace " + ws.root());
        }

        private static Path existing(String path) {
            Path p = Path.of(path);
            if (!Files.exists(p)) {
                throw new IllegalArgumentException("--path " + path + " does not exist");
            }
            return p;
        }
    }

    /** {@code petal models alias NAME ALIAS VERSION} or {@code --delete}. */
    @Command(name = "alias", description = "Point ALIAS of model NAME at VERSION (moving it), or remove it with --delete.")
    static final class Alias implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(index = "0", paramLabel = "NAME", description = "The model name.")
        String name;
        @Parameters(index = "1", paramLabel = "ALIAS", description = "The alias, e.g. champion.")
        String alias;
        @Parameters(index = "2", arity = "0..1", paramLabel = "VERSION", description = "The version it points to.")
        Integer version;
        @Option(names = "--delete", description = "Remove the alias.")
        boolean delete;

        @Override
        public void run() {
            if (delete == (version != null)) {
                throw new ParameterException(spec.commandLine(), delete ? "give VERSION or --delete, not both"
                        : "give the VERSION that " + alias + " should point to, or --delete");
            }
            Registry registry = workspace.openExisting().registry();
            PrintWriter out = spec.commandLine().getOut();
            if (delete) {
                registry.get(name);
                registry.deleteAlias(name, alias);
                out.println("removed alias " + name + "@" + alias);
            } else {
                registry.setAlias(name, alias, version);
                out.println(name + "@" + alias + " -> version " + version);
            }
        }
    }

    /** {@code petal models tag NAME[:VERSION] K=V... [--remove K]...}. */
    @Command(name = "tag", description = "Set (K=V) or remove (--remove K) tags of a model version (latest unless"
            + " :VERSION or @ALIAS).")
    static final class Tag implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(index = "0", paramLabel = "NAME[:VERSION]", description = "NAME, NAME:VERSION or NAME@ALIAS.")
        String ref;
        @Parameters(index = "1..*", arity = "0..*", paramLabel = "K=V", description = "Tags to set.")
        List<String> set = new ArrayList<>();
        @Option(names = "--remove", paramLabel = "K", description = "A tag to remove (repeatable).")
        List<String> remove = new ArrayList<>();

        @Override
        public void run() {
            if (set.isEmpty() && remove.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "give tags to set (K=V) or to remove (--remove K)");
            }
            Registry registry = workspace.openExisting().registry();
            Model m = registry.get(ModelRef.parse(ref));
            for (String k : remove) {
                if (!m.tags().containsKey(k)) {
                    throw new IllegalArgumentException("model " + m.name() + ":" + m.version() + " has no tag '" + k
                            + "' (tags: " + (m.tags().isEmpty() ? "none" : String.join(", ", m.tags().keySet())) + ")");
                }
            }
            Map<String, String> t = new LinkedHashMap<>();
            for (String p : set) {
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    throw new ParameterException(spec.commandLine(), "tag '" + p + "' must be KEY=VALUE");
                }
                t.put(p.substring(0, eq), p.substring(eq + 1));
            }
            if (!t.isEmpty()) {
                m = registry.setTags(m.name(), m.version(), t);
            }
            for (String k : remove) {
                m = registry.removeTag(m.name(), m.version(), k);
            }
            spec.commandLine().getOut().println(m.name() + ":" + m.version() + " tags: " + m.tags());
        }
    }

    /** {@code petal models delete NAME[:VERSION]}. */
    @Command(name = "delete", description = "Delete one version (NAME:VERSION) or the whole model (NAME) from the"
            + " registry, with its files and aliases.")
    static final class Delete implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(index = "0", paramLabel = "NAME[:VERSION]", description = "NAME or NAME:VERSION.")
        String ref;

        @Override
        public void run() {
            ModelRef r = ModelRef.parse(ref);
            if (r.alias() != null) {
                throw new ParameterException(spec.commandLine(), "delete takes NAME or NAME:VERSION, not an alias;"
                        + " 'petal models alias " + r.name() + " " + r.alias() + " --delete' removes the alias");
            }
            Registry registry = workspace.openExisting().registry();
            if (r.version() != null) {
                registry.deleteVersion(r.name(), r.version());
                spec.commandLine().getOut().println("deleted " + r.name() + ":" + r.version());
            } else {
                int n = registry.versions(r.name()).size();
                registry.delete(r.name());
                spec.commandLine().getOut().println("deleted model " + r.name() + " (" + n + " version(s))");
            }
        }
    }
}
