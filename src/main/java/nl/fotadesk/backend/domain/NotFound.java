package nl.fotadesk.backend.domain;

/** The resource named does not exist. */
public final class NotFound extends DomainError {
    public NotFound(String detail) {
        super("not_found", detail);
    }
}
