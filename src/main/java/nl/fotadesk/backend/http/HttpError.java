package nl.fotadesk.backend.http;

import nl.fotadesk.protocol.api.ApiError;

/** A request the backend refuses: the status code, a stable error code and a readable detail. */
public class HttpError extends RuntimeException {
    private final int status;
    private final String error;

    public HttpError(int status, String error, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    /** Seconds a client should wait before trying again, for a 429 or 503; 0: say nothing. */
    public int retryAfterSeconds() {
        return status == 429 || status == 503 ? 1 : 0;
    }

    /** What the answer's JSON body holds. */
    public Object body() {
        return new ApiError(error, getMessage());
    }

    public static HttpError badRequest(String error, String detail) {
        return new HttpError(400, error, detail);
    }

    public static HttpError notFound(String detail) {
        return new HttpError(404, "not_found", detail);
    }

    public static HttpError conflict(String error, String detail) {
        return new HttpError(409, error, detail);
    }
}
