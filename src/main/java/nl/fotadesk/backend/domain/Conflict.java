package nl.fotadesk.backend.domain;

/** The request is valid, but the resource's current state does not allow it (a duplicate, a wrong state, in use). */
public final class Conflict extends DomainError {
    private final String state;

    public Conflict(String code, String detail) {
        this(code, detail, null);
    }

    /** A transition the resource's current {@code state} (its wire name) does not allow; the answer names it. */
    public Conflict(String code, String detail, String state) {
        super(code, detail);
        this.state = state;
    }

    /** The resource's current state, when the conflict is about it; else null. */
    public String state() {
        return state;
    }
}
