package nl.fotadesk.backend.http;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.server.ConnectionMetaData;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One TCP connection serves at most {@code maxRequests} requests (docs/protocol.md §3.7, as nginx's
 * keepalive_requests): responses before the last say {@code Connection: keep-alive}, the last says
 * {@code Connection: close} and Jetty then closes the socket.
 */
public final class ConnectionReuseLimit extends Handler.Wrapper {
    private static final String COUNT = ConnectionReuseLimit.class.getName();
    private static final HttpField CLOSE = new HttpField(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    /**
     * Jetty drops a {@code Connection: keep-alive} it recognises from HTTP/1.1 responses (it is the
     * default there), but the protocol asks for it explicitly; a field not bound to the known header
     * is written as it is and does not change Jetty's own persistence handling.
     */
    private static final HttpField KEEP_ALIVE = new HttpField(null, "Connection", HttpHeaderValue.KEEP_ALIVE.asString());
    private final int maxRequests;

    public ConnectionReuseLimit(int maxRequests, Handler handler) {
        super(handler);
        this.maxRequests = maxRequests;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        ConnectionMetaData connection = request.getConnectionMetaData();
        AtomicInteger count = (AtomicInteger) connection.getAttribute(COUNT);
        if (count == null) {
            count = new AtomicInteger();
            connection.setAttribute(COUNT, count);
        }
        boolean last = isLast(count.incrementAndGet(), maxRequests, request.getConnectionMetaData().getHttpVersion()
                == HttpVersion.HTTP_1_0, request.getHeaders().contains(HttpHeader.CONNECTION,
                HttpHeaderValue.KEEP_ALIVE.asString()), request.getHeaders().contains(HttpHeader.CONNECTION,
                HttpHeaderValue.CLOSE.asString()));
        response.getHeaders().put(last ? CLOSE : KEEP_ALIVE);
        if (!last) {
            request.addHttpStreamWrapper(CloseWhenBodyUnread::new);
        }
        return super.handle(request, response, callback);
    }

    /**
     * A request whose body the handler left unread (a refused oversized upload, a body on a GET or
     * on a 405) cannot be followed by another request on the connection, and Jetty closes it after
     * the response. Such a response says {@code Connection: close} in place of the keep-alive set
     * above: Jetty does not remove that field (it is not bound to the known header), so it would
     * otherwise say keep-alive, or keep-alive and close in two fields, and then close.
     */
    private static final class CloseWhenBodyUnread extends HttpStream.Wrapper {
        CloseWhenBodyUnread(HttpStream wrapped) {
            super(wrapped);
        }

        @Override
        public void send(MetaData.Request request, MetaData.Response response, boolean last, ByteBuffer content,
                         Callback callback) {
            // not for an interim 100 Continue: the client sends the body only after it
            if (response != null && response.getStatus() >= 200 && consumeAvailable() != null) {
                HttpFields.Mutable fields = HttpFields.build(response.getHttpFields());
                fields.put(CLOSE);
                response = new MetaData.Response(response.getStatus(), response.getReason(),
                        response.getHttpVersion(), fields, response.getContentLength(), response.getTrailersSupplier());
            }
            super.send(request, response, last, content, callback);
        }
    }

    /**
     * Whether request {@code number} (from 1) on a connection is the last it serves: the limit's, or
     * the client's wish (HTTP/1.0 closes unless asked to keep alive, HTTP/1.1 keeps alive unless asked
     * to close). Both device ports apply this one rule.
     */
    public static boolean isLast(int number, int maxRequests, boolean http10, boolean asksKeepAlive, boolean asksClose) {
        return number >= maxRequests || (http10 ? !asksKeepAlive : asksClose);
    }
}
