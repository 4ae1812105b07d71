package nl.fotadesk.client;

import java.util.List;

/** The credential sent was not accepted (401). */
public final class UnauthorizedException extends ApiException {
    private final boolean credentialReplaced;

    public UnauthorizedException(String error, String detail, Throwable cause) {
        this(error, detail, cause, false);
    }

    private UnauthorizedException(String error, String detail, Throwable cause, boolean credentialReplaced) {
        super(401, error, detail, List.of(), cause);
        this.credentialReplaced = credentialReplaced;
    }

    /**
     * True when the client signed in (or out) while the request was under way: the refused credential is
     * no longer the one it sends, so signing in again would undo the switch rather than mend anything.
     */
    public boolean credentialReplaced() {
        return credentialReplaced;
    }

    UnauthorizedException replacedMeanwhile() {
        return new UnauthorizedException(error(), detail(), getCause(), true);
    }
}
