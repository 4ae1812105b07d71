package nl.fotadesk.backend.domain;

/** The request is valid, but the resource's current state does not allow it (a duplicate, a wrong state, in use). */
public final class Conflict extends DomainError {
    public Conflict(String code, String detail) {
        super(code, detail);
    }
}
