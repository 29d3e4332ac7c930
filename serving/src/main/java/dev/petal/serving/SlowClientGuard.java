package dev.petal.serving;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Enforces {@link ClientLimits} on one connector. Jetty parses headers without holding a thread, but a
 * handler reading a body blocks one, so a few hundred clients trickling their bodies a byte at a time
 * used to take every worker thread. This guard closes a connection when its address already holds its
 * share, when its headers or its body have been arriving for longer than allowed (checked four times a
 * second on Jetty's own scheduler, which stops with the server).
 */
final class SlowClientGuard extends AbstractLifeCycle implements Connection.Listener {
    private static final long SWEEP_MILLIS = 250;

    private final ClientLimits limits;
    private final Scheduler scheduler;
    private final Map<InetAddress, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final Map<HttpConnection, Phase> open = new ConcurrentHashMap<>();
    private volatile Scheduler.Task sweep;

    /** Where a connection's current request stands, and since when (System.nanoTime). */
    private static final class Phase {
        int state;          // 0 idle, 1 reading headers, 2 reading the body
        long since;
    }

    SlowClientGuard(ClientLimits limits, Scheduler scheduler) {
        this.limits = limits;
        this.scheduler = scheduler;
    }

    @Override
    protected void doStart() {
        schedule();
    }

    @Override
    protected void doStop() {
        Scheduler.Task task = sweep;
        if (task != null) {
            task.cancel();
        }
        open.clear();
        perClient.clear();
    }

    private void schedule() {
        sweep = scheduler.schedule(this::sweepAndReschedule, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void sweepAndReschedule() {
        if (!isRunning()) {
            return;
        }
        try {
            sweep(System.nanoTime());
        } finally {
            schedule();
        }
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress client = client(connection);
        if (client != null) {
            int held = perClient.computeIfAbsent(client, c -> new AtomicInteger()).incrementAndGet();
            if (held > limits.maxConnectionsPerClient()) {
                connection.getEndPoint().close();
                return;
            }
        }
        if (connection instanceof HttpConnection http) {
            open.put(http, new Phase());
        }
    }

    @Override
    public void onClosed(Connection connection) {
        if (connection instanceof HttpConnection http) {
            open.remove(http);
        }
        InetAddress client = client(connection);
        if (client != null) {
            perClient.computeIfPresent(client, (c, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
    }

    /** Closes the connections whose headers or body have taken longer than the limits allow. */
    void sweep(long now) {
        long headerNanos = limits.headerTimeout().toNanos();
        long bodyNanos = limits.bodyTimeout().toNanos();
        for (Map.Entry<HttpConnection, Phase> e : open.entrySet()) {
            HttpParser parser = e.getKey().getParser();
            int state = parser.isStart() ? 0 : parser.inHeaderState() ? 1 : parser.inContentState() ? 2 : 0;
            Phase phase = e.getValue();
            if (state != phase.state) {
                phase.state = state;
                phase.since = now;
            } else if (state == 1 && now - phase.since > headerNanos || state == 2 && now - phase.since > bodyNanos) {
                e.getKey().getEndPoint().close();
            }
        }
    }

    private static InetAddress client(Connection connection) {
        return connection.getEndPoint().getRemoteSocketAddress() instanceof InetSocketAddress remote
                ? remote.getAddress() : null;
    }
}
