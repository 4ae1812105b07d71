package nl.fotadesk.backend.domain;

/** The backend cannot take this now; the same request sent again shortly may succeed. */
public final class Busy extends DomainError {
    public Busy(String detail) {
        super("busy", detail);
    }
}
