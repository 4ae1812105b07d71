package nl.fotadesk.backend.domain;

/** The sender could not be authenticated. */
public final class Unauthorized extends DomainError {
    public Unauthorized(String detail) {
        super("unauthorized", detail);
    }
}
