package nl.fotadesk.backend.domain;

/**
 * Something the backend refuses to do, said in its own terms: a stable error {@code code} (the API's
 * {@code error} field) and a readable detail. Services throw these and know nothing of HTTP; the HTTP
 * edge gives each kind its status in one place ({@code backend.http.HttpError#of}).
 */
public abstract sealed class DomainError extends RuntimeException
        permits NotFound, Conflict, Invalid, InvalidBatch, TooLarge, Unauthorized, Forbidden, TooManyAttempts, Busy {
    private final String code;

    protected DomainError(String code, String detail) {
        // refusals are expected answers, not faults: no stack trace to fill in
        super(detail, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
