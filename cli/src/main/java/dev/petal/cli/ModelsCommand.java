package dev.petal.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.petal.registry.Model;
import dev.petal.registry.ModelRef;
import dev.petal.registry.Registry;
import dev.petal.tracking.store.Json;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code petal models list|show}: the model registry of a workspace. */
@Command(name = "models", description = "List, show, register, alias, tag or delete registered models.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.ShowModel.class, ModelsEdit.Register.class,
                ModelsEdit.Alias.class, ModelsEdit.Tag.class, ModelsEdit.Delete.class})
final class ModelsCommand implements Runnable {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "models needs a subcommand: list, show, register, alias, tag or delete");
    }

    /** {@code petal models list [NAME]}. */
    @Command(name = "list", description = "List every version of every model (or of NAME).")
    static final class ListModels implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;
        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Only this model's versions.")
        String name;

        @Override
        public void run() {
            Registry registry = workspace.openExisting().registry();
            List<Model> models = name == null ? registry.list() : registry.versions(name);
            if (name != null && models.isEmpty()) {
                registry.get(name);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                ArrayNode arr = Json.array();
                models.forEach(m -> arr.add(json(m)));
                out.print(new String(Json.pretty(arr), StandardCharsets.UTF_8));
                return;
            }
            if (models.isEmpty()) {
                out.println("no models registered in workspace " + registry.root().getParent());
                return;
            }
            int w = Math.max(4, models.stream().mapToInt(m -> m.name().length()).max().orElse(4));
            String fmt = "%-" + w + "s  %7s  %-12s  %-24s  %-10s  %s";
            out.println(String.format(Locale.ROOT, fmt, "NAME", "VERSION", "FRAMEWORK", "CREATED", "ALIASES", "RUN"));
            for (Model m : models) {
                out.println(String.format(Locale.ROOT, fmt, m.name(), m.version(),
                        m.framework() == null ? "-" : m.framework(), Json.time(m.createdTime()),
                        m.aliases().isEmpty() ? "-" : String.join(",", m.aliases()),
                        m.runId() == null ? "-" : m.runId()));
            }
        }
    }

    /** {@code petal models show NAME[:VERSION]|NAME@ALIAS}. */
    @Command(name = "show", description = "Show one model version as JSON (latest unless :VERSION or @ALIAS).")
    static final class ShowModel implements Runnable {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        WorkspaceOption workspace;
        @Parameters(index = "0", paramLabel = "NAME[:VERSION]", description = "NAME, NAME:VERSION or NAME@ALIAS.")
        String ref;

        @Override
        public void run() {
            Model m = workspace.openExisting().registry().get(ModelRef.parse(ref));
            spec.commandLine().getOut().print(new String(Json.pretty(json(m)), StandardCharsets.UTF_8));
        }
    }

    static ObjectNode json(Model m) {
        ObjectNode o = Json.object();
        o.put("name", m.name());
        o.put("version", m.version());
        o.put("path", m.path().toString());
        o.put("framework", m.framework());
        o.put("frameworkVersion", m.frameworkVersion());
        o.put("description", m.description());
        o.set("tags", Json.fromStringMap(m.tags()));
        o.set("properties", Json.fromStringMap(m.properties()));
        if (m.resourceConfiguration() == null) {
            o.putNull("resourceConfiguration");
        } else {
            ObjectNode rc = o.putObject("resourceConfiguration");
            rc.put("cpu", m.resourceConfiguration().cpu());
            rc.put("memoryInGB", m.resourceConfiguration().memoryInGb());
        }
        o.put("runId", m.runId());
        o.put("experiment", m.experiment());
        o.put("createdTime", Json.time(m.createdTime()));
        o.put("sha256", m.sha256());
        ArrayNode aliases = o.putArray("aliases");
        m.aliases().forEach(aliases::add);
        return o;
    }
}
