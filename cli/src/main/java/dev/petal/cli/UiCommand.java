package dev.petal.cli;

import dev.petal.tracking.Workspace;
import dev.petal.ui.UiServer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code petal ui}: the read-only run-history web app over a workspace, until Ctrl-C. */
@Command(name = "ui", description = "Browse a workspace's runs, metrics, sweeps and models in a web browser (read-only).")
public final class UiCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    WorkspaceOption workspace;

    @Option(names = "--port", paramLabel = "N", defaultValue = "5000",
            description = "The port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = UiServer.DEFAULT_HOST,
            description = "The address to bind (default ${DEFAULT-VALUE}: this machine only).")
    String host;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got "
                    + port);
        }
        for (String logger : new String[] {"org.eclipse.jetty", "io.javalin"}) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "warn");
            }
        }
        Workspace ws = workspace.openExisting();
        UiServer server = UiServer.start(ws, host, port);
        PrintWriter out = spec.commandLine().getOut();
        Thread hook = new Thread(server::close, "petal-ui-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.printf("Petal UI for workspace %s (%s) at %s/%n", ws.name(), ws.root(), server.uri());
        out.printf("  JSON API: %s/api%nRead-only; new runs and metrics appear as they are logged. Press Ctrl-C to"
                + " stop.%n", server.uri());
        out.flush();
        try {
            server.awaitStop();
        } finally {
            server.close();
        }
        return 0;
    }
}
