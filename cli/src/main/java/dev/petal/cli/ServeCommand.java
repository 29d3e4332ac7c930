package dev.petal.cli;

import dev.petal.serving.ModelSource;
import dev.petal.serving.ScoringServer;
import dev.petal.serving.ServedModel;
import dev.petal.serving.ServingConfig;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code petal serve}: serves a model file or a registered model as a local scoring web service
 * (Azure ML's {@code POST /score}, MLflow's {@code POST /invocations}, the Open Inference Protocol
 * v2) until Ctrl-C, then drains in-flight requests and exits.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a model file or a registered model as a local scoring web service until Ctrl-C.")
public final class ServeCommand implements Callable<Integer> {
    /** The environment variable read for the key when --api-key is not given. */
    static final String KEY_ENV = "PETAL_API_KEY";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "NAME[:VERSION]|FILE.petal",
            description = "A .petal model file, or a registered model: NAME (latest), NAME:VERSION or NAME@ALIAS.")
    String model;

    @Option(names = "--port", paramLabel = "N", defaultValue = "5001",
            description = "The port to listen on (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
            description = "The address to bind (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0 for every interface).")
    String host;

    @CommandLine.Mixin
    WorkspaceOption workspace;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "Require 'Authorization: Bearer KEY' on scoring requests (default: $" + KEY_ENV + " if set, else no key).")
    String apiKey;

    @Option(names = "--max-body-bytes", paramLabel = "N", defaultValue = "10485760",
            description = "The largest request body accepted, in bytes (default ${DEFAULT-VALUE}, 10 MB).")
    long maxBodyBytes;


    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535, got " + port);
        }
        if (maxBodyBytes < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-body-bytes must be at least 1, got " + maxBodyBytes);
        }
        quietLibraryLogs();
        ServedModel served = ModelSource.resolve(model, workspace::openExisting);
        PrintWriter out = spec.commandLine().getOut();
        ServingConfig config = ServingConfig.defaults().withHost(host).withPort(port).withMaxBodyBytes(maxBodyBytes)
                .withRequestLog(line -> {
                    synchronized (out) {
                        out.println(Instant.now() + " " + line);
                        out.flush();
                    }
                });
        String key = apiKey != null ? apiKey : System.getenv(KEY_ENV);
        if (key != null && !key.isEmpty()) {
            config = config.withApiKey(key);
        }
        ScoringServer server = ScoringServer.start(served, config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            synchronized (out) {
                out.println("Stopped.");
                out.flush();
            }
        }, "petal-serve-shutdown"));
        String base = server.uri().toString();
        out.printf("Serving %s%s (%s, %d features) at %s%s%n", served.name(),
                served.version().isEmpty() ? "" : ":" + served.version(), served.modelType(),
                served.classifier().nFeatures(), base, config.apiKey().isPresent() ? " (key required)" : "");
        out.printf("  POST %s/score                        {\"data\": [[...]], \"method\": \"predict\"}%n", base);
        out.printf("  POST %s/invocations                  MLflow: dataframe_split, dataframe_records, instances, inputs, text/csv%n", base);
        out.printf("  POST %s/v2/models/%s/infer  Open Inference Protocol v2%n", base, served.name());
        out.printf("  GET  %s/health%nPress Ctrl-C to stop.%n", base);
        out.flush();
        server.awaitStop();
        return 0;
    }

    /** Keeps Jetty's and Javalin's start-up chatter out of the command's output, unless the user configured slf4j-simple. */
    private static void quietLibraryLogs() {
        for (String logger : new String[] {"org.eclipse.jetty", "io.javalin"}) {
            String key = "org.slf4j.simpleLogger.log." + logger;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "warn");
            }
        }
    }
}
