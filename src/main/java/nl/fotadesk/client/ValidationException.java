package nl.fotadesk.client;

import nl.fotadesk.protocol.api.ItemError;

import java.util.List;

/** The request was refused as invalid (400) or too large (413); a refused batch lists its {@link #itemErrors()}. */
public final class ValidationException extends ApiException {
    public ValidationException(int status, String error, String detail, List<ItemError> itemErrors, Throwable cause) {
        super(status, error, detail, itemErrors, cause);
    }
}
