package nl.fotadesk.backend.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closes connections whose clients are too slow, which Jetty's idle timeout alone does not do: a byte
 * every few seconds resets it. Two deadlines ({@link ClientTimeouts}):
 * <ul>
 *   <li>the request head: a connection on which no request is being handled is closed once
 *   {@code requestHead} has passed since it opened or since its previous exchange ended (slowloris,
 *   and idle keep-alive connections); a periodic sweep over the open connections enforces it;</li>
 *   <li>the body: a request whose body is not complete in time fails its read with a
 *   {@link TimeoutException}, which the body readers answer with 408 and Jetty follows by closing.</li>
 * </ul>
 * Add {@link #connectionListener()} to every connector.
 */
public final class ClientDeadlines extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(ClientDeadlines.class);
    private static final long MAX_SWEEP_MILLIS = 1000;

    private final ClientTimeouts timeouts;
    private final long headNanos;
    private final Map<Connection, Exchanges> open = new ConcurrentHashMap<>();
    private final Connection.Listener listener = new Connection.Listener() {
        @Override
        public void onOpened(Connection connection) {
            // the HTTP connection itself, not a TLS layer below it (it never sees a request)
            if (connection instanceof ConnectionMetaData) {
                open.put(connection, new Exchanges(NanoTime.now()));
            }
        }

        @Override
        public void onClosed(Connection connection) {
            open.remove(connection);
        }
    };
    private Scheduler scheduler;

    public ClientDeadlines(ClientTimeouts timeouts) {
        this.timeouts = timeouts;
        this.headNanos = timeouts.requestHead().toNanos();
    }

    public Connection.Listener connectionListener() {
        return listener;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        scheduler = getServer().getScheduler();
        scheduleSweep();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Exchanges exchanges = open.get(request.getConnectionMetaData().getConnection());
        if (exchanges != null) {
            exchanges.begin();
            Request.addCompletionListener(request, failure -> exchanges.end(NanoTime.now()));
        }
        return super.handle(hasBody(request) ? new BodyDeadline(request) : request, response, callback);
    }

    private static boolean hasBody(Request request) {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    private void scheduleSweep() {
        scheduler.schedule(this::sweep, Math.min(MAX_SWEEP_MILLIS, Math.max(1, headNanos / 4_000_000)),
                TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            long now = NanoTime.now();
            open.forEach((connection, exchanges) -> {
                if (exchanges.headOverdue(now, headNanos)) {
                    LOG.debug("closing {}: no complete request head within {}", connection, timeouts.requestHead());
                    // the socket itself: closing the connection would have Jetty answer 500 first
                    connection.getEndPoint().close();
                }
            });
        } finally {
            if (isRunning()) {
                scheduleSweep();
            }
        }
    }

    /** The requests being handled on one connection, and since when it has had none. */
    private static final class Exchanges {
        private final AtomicInteger active = new AtomicInteger();
        private volatile long idleSince;

        Exchanges(long now) {
            idleSince = now;
        }

        void begin() {
            active.incrementAndGet();
        }

        void end(long now) {
            idleSince = now;
            active.decrementAndGet();
        }

        boolean headOverdue(long now, long limitNanos) {
            return active.get() == 0 && NanoTime.elapsed(idleSince, now) > limitNanos;
        }
    }

    /** Fails the body's read when it has not arrived completely in time. */
    private final class BodyDeadline extends Request.Wrapper {
        private final Scheduler.Task timer;

        BodyDeadline(Request request) {
            super(request);
            Duration limit = timeouts.bodyFor(request.getLength());
            timer = scheduler.schedule(() -> request.fail(new TimeoutException(
                    "the request body did not arrive within " + limit.toMillis() + " ms")),
                    limit.toMillis(), TimeUnit.MILLISECONDS);
            Request.addCompletionListener(request, failure -> timer.cancel());
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            if (chunk != null && chunk.isLast()) {
                timer.cancel();
            }
            return chunk;
        }
    }
}
