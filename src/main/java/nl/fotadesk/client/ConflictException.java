package nl.fotadesk.client;

import java.util.List;

/**
 * The request clashes with what is there (409): a duplicate, something still in use, or a campaign in
 * the wrong state.
 */
public final class ConflictException extends ApiException {
    public ConflictException(String error, String detail, Throwable cause) {
        super(409, error, detail, List.of(), cause);
    }
}
