package nl.fotadesk.client;

import nl.fotadesk.protocol.api.ItemError;

import java.time.Duration;
import java.util.List;

/**
 * The server answered with an error. {@link #error()} is the stable code (e.g. {@code duplicate_imei},
 * a key for translated messages), {@link #detail()} the server's explanation. Subclasses name the
 * cases callers handle differently; other statuses (405, 410, ...) are plain {@code ApiException}s.
 */
public class ApiException extends FotaDeskException {
    /** The error code when the answer was not one of the API's own (another server, a proxy, a crash). */
    public static final String UNEXPECTED_RESPONSE = "unexpected_response";

    private final int status;
    private final String error;
    private final List<ItemError> itemErrors;

    public ApiException(int status, String error, String detail, List<ItemError> itemErrors, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.error = error;
        this.itemErrors = List.copyOf(itemErrors);
    }

    /** The subclass that fits {@code status}; {@code retryAfter} is the answer's {@code Retry-After}, or null. */
    static ApiException of(int status, String error, String detail, List<ItemError> itemErrors, Duration retryAfter,
                           Throwable cause) {
        if (status == 401) {
            return new UnauthorizedException(error, detail, cause);
        }
        if (status == 404) {
            return new NotFoundException(error, detail, cause);
        }
        if (status == 409) {
            return new ConflictException(error, detail, cause);
        }
        if (status == 400 || status == 413) {
            return new ValidationException(status, error, detail, itemErrors, cause);
        }
        if (status == 429) {
            return new TooManyRequestsException(error, detail, retryAfter, cause);
        }
        if (status >= 500) {
            return new ServerException(status, error, detail, cause);
        }
        return new ApiException(status, error, detail, itemErrors, cause);
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String detail() {
        return getMessage();
    }

    /** For a refused batch, why each refused entry was refused; else empty. */
    public List<ItemError> itemErrors() {
        return itemErrors;
    }

    /** True when the answer came from a FOTA Desk server rather than something in its place. */
    public boolean isFromApi() {
        return !UNEXPECTED_RESPONSE.equals(error);
    }
}
