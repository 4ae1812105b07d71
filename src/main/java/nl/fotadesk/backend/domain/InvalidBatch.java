package nl.fotadesk.backend.domain;

import nl.fotadesk.protocol.api.ItemError;

import java.util.List;

/** A batch refused as a whole, with the error of each refused entry. */
public final class InvalidBatch extends DomainError {
    private final List<ItemError> errors;

    public InvalidBatch(String detail, List<ItemError> errors) {
        super("invalid_batch", detail);
        this.errors = List.copyOf(errors);
    }

    public List<ItemError> errors() {
        return errors;
    }
}
