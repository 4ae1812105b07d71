package nl.fotadesk.backend.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a client may take, so that slow or silent clients cannot keep connections open for ever
 * (see {@link ClientDeadlines}).
 *
 * @param requestHead from a connection's opening, or the end of its previous exchange, until the next
 *                    request's line and headers are complete; this also bounds an idle keep-alive
 * @param idle        the longest silence in either direction while a request is being read or answered
 * @param body        the time a request body may take once its head has arrived, plus one second per
 *                    {@link #BODY_BYTES_PER_SECOND} bytes it announces
 */
public record ClientTimeouts(Duration requestHead, Duration idle, Duration body) {
    public static final ClientTimeouts DEFAULTS = new ClientTimeouts(Duration.ofSeconds(20), Duration.ofSeconds(30),
            Duration.ofSeconds(60));
    /** The slowest upload rate a large announced body is given time for (a weak cellular link). */
    public static final long BODY_BYTES_PER_SECOND = 64 * 1024;

    public ClientTimeouts {
        for (Duration d : new Duration[]{requestHead, idle, body}) {
            if (Objects.requireNonNull(d).isNegative() || d.isZero()) {
                throw new IllegalArgumentException("client timeouts must be positive: " + d);
            }
        }
    }

    /** The time a body announced as {@code length} bytes (-1: not announced) may take to arrive. */
    public Duration bodyFor(long length) {
        return body.plusSeconds(Math.max(0, length) / BODY_BYTES_PER_SECOND);
    }
}
