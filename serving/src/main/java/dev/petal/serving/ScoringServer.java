package dev.petal.serving;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running HTTP scoring service for one model. Routes: Azure ML's {@code POST /score}, MLflow's
 * {@code POST /invocations}, the Open Inference Protocol v2 under {@code /v2}, and {@code GET /},
 * {@code /health}, {@code /ping}, {@code /version}. Every refusal is a 4xx with {@code {"error": "..."}}.
 * {@link #close()} stops accepting connections and lets in-flight requests finish.
 */
public final class ScoringServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScoringServer.class);
    private static final Set<String> OPEN_PATHS = Set.of("/", "/health", "/ping", "/v2/health/live", "/v2/health/ready");
    private static final byte[] HEALTHY = Json.write(g -> {
        g.writeStartObject();
        g.writeStringField("status", "Healthy");
        g.writeEndObject();
    });

    private final ServedModel model;
    private final ServingConfig config;
    private final Javalin app;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicReference<Server> jetty = new AtomicReference<>();
    private volatile int port;

    private ScoringServer(ServedModel model, ServingConfig config) {
        this.model = model;
        this.config = config;
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.http.maxRequestSize = config.maxBodyBytes();
            cfg.http.prefer405over404 = true;
            cfg.router.ignoreTrailingSlashes = true;
            cfg.jetty.modifyServer(server -> {
                server.setErrorHandler(new JsonErrorHandler());
                jetty.set(server);
            });
            cfg.jetty.addConnector((server, http) -> {
                // Jetty 11 caches header values per connection case-insensitively by default, so a
                // kept-alive client re-sending "Bearer KEY" in another case would be read as the cached key
                http.setHeaderCacheCaseSensitive(true);
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
                connector.setHost(config.host());
                connector.setPort(config.port());
                connector.setIdleTimeout(config.idleTimeout().toMillis());
                connector.addBean(new SlowClientGuard(config.clientLimits(), connector.getScheduler()));
                return connector;
            });
            cfg.requestLogger.http((ctx, ms) -> config.requestLog().accept(String.format(Locale.ROOT, "%s %s %d %.1f ms",
                    ctx.method(), ctx.path(), ctx.statusCode(), ms)));
        });
        routes();
    }

    /** Starts serving {@code model} as {@code config} says; returns once the port is open. */
    public static ScoringServer start(ServedModel model, ServingConfig config) {
        ScoringServer server = new ScoringServer(model, config);
        try {
            server.app.start();
        } catch (Exception e) { // Javalin rethrows Jetty's checked exceptions undeclared
            try {
                server.app.stop();   // release the thread pool of the half-started server
            } catch (Exception stopFailure) {
                e.addSuppressed(stopFailure);
            }
            throw new IllegalStateException("Cannot listen on " + config.host() + ":" + config.port() + ": "
                    + Json.oneLine(rootMessage(e)) + (config.port() == 0 ? "" : " (choose another port)"), e);
        }
        server.port = server.app.port();
        // set only once started: a graceful stop of a server that failed to bind would hide the bind error
        server.jetty.get().setStopTimeout(config.stopTimeout().toMillis());
        return server;
    }

    /** The served model. */
    public ServedModel model() {
        return model;
    }

    /** The port the server listens on (the chosen one when the config asked for 0). */
    public int port() {
        return port;
    }

    /** The server's base address, e.g. {@code http://127.0.0.1:5001}. */
    public URI uri() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return URI.create("http://" + host + ":" + port());
    }

    /** Blocks until {@link #close()} has stopped the server (the CLI waits here until Ctrl-C). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops accepting connections, waits up to the config's stop timeout for in-flight requests, and frees the port. */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            stopped.countDown();
        }
    }

    private void routes() {
        app.before(this::authorize);
        app.get("/", ctx -> json(ctx, 200, ServerInfo.root(model)));
        app.get("/health", ctx -> json(ctx, 200, HEALTHY));
        app.get("/ping", ctx -> json(ctx, 200, HEALTHY));
        app.get("/version", ctx -> json(ctx, 200, ServerInfo.version(model)));
        app.post("/score", ctx -> {
            ContentType.require(ctx.header("Content-Type"), ContentType.JSON);
            json(ctx, 200, AzureProtocol.score(model, body(ctx)));
        });
        app.post("/invocations", ctx -> json(ctx, 200, MlflowProtocol.invocations(model, body(ctx), ctx.header("Content-Type"))));
        app.get("/v2", ctx -> json(ctx, 200, InferenceProtocol.serverMetadata()));
        app.get("/v2/health/live", ctx -> json(ctx, 200, ServerInfo.flag("live")));
        app.get("/v2/health/ready", ctx -> json(ctx, 200, ServerInfo.flag("ready")));
        for (String base : new String[] {"/v2/models/{name}", "/v2/models/{name}/versions/{version}"}) {
            app.get(base, served(ctx -> json(ctx, 200, InferenceProtocol.modelMetadata(model))));
            app.get(base + "/ready", served(ctx -> json(ctx, 200, InferenceProtocol.modelReady(model))));
            app.post(base + "/infer", served(ctx -> {
                ContentType.require(ctx.header("Content-Type"), ContentType.JSON);
                json(ctx, 200, InferenceProtocol.infer(model, body(ctx)));
            }));
        }
        app.exception(RequestException.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        app.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, Json.oneLine(e.getMessage())));
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), switch (e.getStatus()) {
            case 404 -> "No route for " + ctx.method() + " " + ctx.path() + "; see GET / for the endpoints.";
            case 405 -> "Method " + ctx.method() + " is not allowed on " + ctx.path() + "; see GET / for the endpoints.";
            default -> Json.oneLine(e.getMessage());
        }));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Internal error on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, 500, "Internal error: " + e.getClass().getSimpleName() + ": " + Json.oneLine(e.getMessage()));
        });
    }

    /** Wraps an Open Inference Protocol handler: the path's model name (and version) must be the served one's. */
    private Handler served(Handler handler) {
        return ctx -> {
            String name = ctx.pathParam("name");
            if (!name.equals(model.name())) {
                throw new RequestException(404, "Model '" + name + "' is not served here; this server serves '" + model.name() + "'.");
            }
            if (ctx.pathParamMap().containsKey("version")) {
                String version = ctx.pathParam("version");
                if (!version.equals(model.version())) {
                    throw new RequestException(404, "Model '" + name + "' version '" + version + "' is not served here; this server serves "
                            + (model.version().isEmpty() ? "an unversioned model" : "version '" + model.version() + "'") + ".");
                }
            }
            handler.handle(ctx);
        };
    }

    private void authorize(Context ctx) {
        if (config.apiKey().isEmpty() || OPEN_PATHS.contains(ctx.path())) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !validKey(header.strip(), config.apiKey().get())) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new RequestException(401, header == null
                    ? "This service requires a key: send the header 'Authorization: Bearer <key>'."
                    : "The key in the Authorization header is not valid for this service.");
        }
    }

    /** Whether {@code header} is "Bearer {@code key}" (scheme case-insensitive, key compared in constant time). */
    private static boolean validKey(String header, String key) {
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).equalsIgnoreCase("Bearer")) {
            return false;
        }
        byte[] given = header.substring(space + 1).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, key.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the request body, refusing (413) more than the configured limit without reading it all. */
    private byte[] body(Context ctx) {
        long limit = config.maxBodyBytes();
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(ctx, declared + " bytes");
        }
        byte[] body;
        try (InputStream in = ctx.req().getInputStream()) {
            body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            throw RequestException.badRequest("Could not read the request body: " + Json.oneLine(rootMessage(e)));
        }
        if (body.length > limit) {
            throw tooLarge(ctx, "more than " + limit + " bytes");
        }
        return body;
    }

    private RequestException tooLarge(Context ctx, String size) {
        ctx.header("Connection", "close");
        return new RequestException(413, "The request body is " + size + "; the limit is " + config.maxBodyBytes()
                + " bytes. Send fewer rows per request or raise the limit (maxBodyBytes, --max-body-bytes).");
    }

    private static void json(Context ctx, int status, byte[] body) {
        ctx.status(status).contentType("application/json").result(body);
    }

    private static void error(Context ctx, int status, String message) {
        json(ctx, status, Json.error(Json.bounded(message)));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
