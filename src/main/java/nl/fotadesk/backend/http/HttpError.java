package nl.fotadesk.backend.http;

import nl.fotadesk.backend.domain.Busy;
import nl.fotadesk.backend.domain.Conflict;
import nl.fotadesk.backend.domain.DomainError;
import nl.fotadesk.backend.domain.Forbidden;
import nl.fotadesk.backend.domain.Invalid;
import nl.fotadesk.backend.domain.InvalidBatch;
import nl.fotadesk.backend.domain.NotFound;
import nl.fotadesk.backend.domain.TooLarge;
import nl.fotadesk.backend.domain.TooManyAttempts;
import nl.fotadesk.backend.domain.Unauthorized;
import nl.fotadesk.protocol.api.ApiError;
import nl.fotadesk.protocol.api.BatchError;
import nl.fotadesk.protocol.api.StateError;

import java.util.Map;
import java.util.Optional;

/**
 * A request the HTTP edge refuses: the status code, a stable error code and a readable detail. The
 * services' {@link DomainError}s get their status here ({@link #of}), and only here.
 */
public class HttpError extends RuntimeException {
    private final int status;
    private final String error;
    private final Object body;
    private final int retryAfterSeconds;

    public HttpError(int status, String error, String detail) {
        this(status, error, detail, new ApiError(error, detail), status == 429 || status == 503 ? 1 : 0);
    }

    private HttpError(int status, String error, String detail, Object body, int retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.error = error;
        this.body = body;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The answer to a refusal of the domain. */
    public static HttpError of(DomainError e) {
        Object body = e instanceof InvalidBatch batch ? new BatchError(e.code(), e.getMessage(), batch.errors())
                : e instanceof Conflict c && c.state() != null ? new StateError(e.code(), e.getMessage(), c.state())
                : new ApiError(e.code(), e.getMessage());
        int status = status(e);
        int retryAfter = e instanceof TooManyAttempts many ? (int) Math.max(1, many.retryAfter().toSeconds())
                : status == 503 ? 1 : 0;
        return new HttpError(status, e.code(), e.getMessage(), body, retryAfter);
    }

    /** The answer to a refusal, of the domain or of the HTTP edge; empty for any other failure. */
    public static Optional<HttpError> refusal(Throwable failure) {
        if (failure instanceof DomainError e) {
            return Optional.of(of(e));
        }
        return failure instanceof HttpError e ? Optional.of(e) : Optional.empty();
    }

    /** Each kind of refusal's status; a test checks that every permitted kind has one. */
    static final Map<Class<? extends DomainError>, Integer> STATUS = Map.of(
            Invalid.class, 400,
            InvalidBatch.class, 400,
            Unauthorized.class, 401,
            Forbidden.class, 403,
            NotFound.class, 404,
            Conflict.class, 409,
            TooLarge.class, 413,
            TooManyAttempts.class, 429,
            Busy.class, 503);

    private static int status(DomainError e) {
        Integer status = STATUS.get(e.getClass());
        if (status == null) {
            throw new IllegalArgumentException("no status for " + e.getClass().getName());
        }
        return status;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    /** Seconds a client should wait before trying again, for a 429 or 503; 0: say nothing. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** What the answer's JSON body holds. */
    public Object body() {
        return body;
    }

    /** A 429 that tells the client to come back in {@code retryAfterSeconds}. */
    public static HttpError tooManyRequests(String detail, int retryAfterSeconds) {
        return new HttpError(429, "too_many_requests", detail, new ApiError("too_many_requests", detail), retryAfterSeconds);
    }

    public static HttpError badRequest(String error, String detail) {
        return new HttpError(400, error, detail);
    }
}
