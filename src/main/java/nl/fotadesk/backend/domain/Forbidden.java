package nl.fotadesk.backend.domain;

/** The user is known but their role does not allow this (a viewer changing something, a customer managing users). */
public final class Forbidden extends DomainError {
    public Forbidden(String detail) {
        super("forbidden", detail);
    }
}
