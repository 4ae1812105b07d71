package nl.fotadesk.backend.domain;

/** What was sent is larger than its limit. */
public final class TooLarge extends DomainError {
    public TooLarge(String detail) {
        super("too_large", detail);
    }

    /** A request body over {@code maxBytes}. */
    public static TooLarge body(long maxBytes) {
        return new TooLarge("the body is larger than the limit of " + maxBytes + " bytes");
    }
}
