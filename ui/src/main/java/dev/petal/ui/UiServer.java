package dev.petal.ui;

import dev.petal.tracking.Workspace;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * {@code petal ui}: a read-only web app over a workspace's run history and model registry, and the JSON API under
 * {@code /api/} it uses. Only GET is served; nothing in the workspace is written. New runs and metrics appear
 * without a restart (the run index is refreshed at most once a second). {@link #close()} stops every thread it
 * started.
 */
public final class UiServer implements AutoCloseable {
    /** The default host: this machine only. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The default port. */
    public static final int DEFAULT_PORT = 5000;

    private final Javalin app;
    private final RunIndex index;
    private Thread indexer;
    private final String host;
    private int port;
    private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);

    private UiServer(Workspace workspace, String host, int port) {
        this.host = host;
        this.index = new RunIndex(workspace);
        UiApi api = new UiApi(workspace, index);
        AtomicReference<Server> jetty = new AtomicReference<>();
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            cfg.http.prefer405over404 = true;
            cfg.router.ignoreTrailingSlashes = true;
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/dev/petal/ui/web";
                sf.location = Location.CLASSPATH;
                sf.headers = java.util.Map.of("Cache-Control", "no-cache");
            });
            cfg.staticFiles.enableWebjars();
            cfg.jetty.modifyServer(jetty::set);
            cfg.jetty.addConnector((server, http) -> {
                ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
                c.setHost(host);
                c.setPort(port);
                c.setIdleTimeout(30_000);
                return c;
            });
        });
        app.before(ctx -> {
            ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                    + " img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
                    + " form-action 'none'");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
        });
        api.routes(app);
    }

    /** Starts the app over {@code workspace} on {@code host}:{@code port} (0: any free port). */
    public static UiServer start(Workspace workspace, String host, int port) {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, got " + port);
        }
        UiServer s = new UiServer(workspace, host, port);
        try {
            s.app.start();
        } catch (RuntimeException e) {
            s.app.stop();
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new IllegalStateException("cannot listen on " + host + ":" + port + ": " + root.getMessage()
                    + (port == 0 ? "" : " (choose another --port)"), e);
        }
        s.port = s.app.port();
        s.indexer = new Thread(s::keepIndexFresh, "petal-ui-index");
        s.indexer.setDaemon(true);
        s.indexer.start();
        return s;
    }

    /** Rescans the workspace about once a second (a scan of 10,000 unchanged runs stats their files) until closed. */
    private void keepIndexFresh() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long start = System.nanoTime();
                try {
                    index.refresh();
                } catch (RuntimeException e) {
                    // e.g. the workspace folder vanished: requests report it; keep trying
                }
                long took = (System.nanoTime() - start) / 1_000_000;
                Thread.sleep(Math.max(1000, took));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    /** The app's address, e.g. {@code http://127.0.0.1:5000}. */
    public URI uri() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + h + ":" + port);
    }

    /** Blocks until {@link #close()} is called (from another thread, e.g. a shutdown hook) or the thread is interrupted. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops the server and its threads. */
    @Override
    public void close() {
        Thread t = indexer;
        if (t != null) {
            t.interrupt();
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        app.stop();
        stopped.countDown();
    }
}
