package nl.fotadesk.backend.http;

import nl.fotadesk.backend.domain.TooLarge;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

/**
 * Reads request bodies without holding a thread while the client is silent (Jetty calls back when
 * content arrives), with a hard size limit, so no client can make the server hold more or wait longer.
 */
public final class Bodies {
    private Bodies() {
    }

    /**
     * The whole body. The future fails with a {@link TooLarge} when the body is longer than
     * {@code maxBytes}, a 408 {@link HttpError} when it does not arrive in time ({@link ClientDeadlines},
     * or the connector's idle timeout), and with the I/O failure when the client went away. It completes on a
     * thread that may block (a Jetty worker, or the caller's when the body is already there).
     */
    public static CompletableFuture<byte[]> read(Request request, int maxBytes) {
        if (request.getLength() > maxBytes) {
            return CompletableFuture.failedFuture(TooLarge.body(maxBytes));
        }
        CompletableFuture<byte[]> body = new CompletableFuture<>();
        Content.Source.asByteArrayAsync(request, maxBytes, Promise.Invocable.from(Invocable.InvocationType.BLOCKING,
                body::complete, failure -> body.completeExceptionally(refusal(failure, maxBytes))));
        return body;
    }

    /** The answer to a failed body read: 408 for a timeout, 413 for a body over the limit, else the failure itself. */
    private static Throwable refusal(Throwable failure, int maxBytes) {
        HttpError timeout = timeoutOf(failure);
        if (timeout != null) {
            return timeout;
        }
        // Jetty's accumulator refuses content beyond its maximum size so
        return failure instanceof IllegalStateException ? TooLarge.body(maxBytes) : failure;
    }

    /** A 408 when a read failed because the client was too slow (the failure may wrap the timeout), else null. */
    public static HttpError timeoutOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) {
                return new HttpError(408, "request_timeout",
                        "the request body did not arrive in time: " + t.getMessage());
            }
        }
        return null;
    }
}
