package nl.fotadesk.backend.http;

import nl.fotadesk.protocol.api.BatchError;
import nl.fotadesk.protocol.api.ItemError;

import java.util.List;

/** A batch refused as a whole (400), answered with the error of each refused entry. */
public final class ItemErrors extends HttpError {
    private final List<ItemError> errors;

    public ItemErrors(String detail, List<ItemError> errors) {
        super(400, "invalid_batch", detail);
        this.errors = List.copyOf(errors);
    }

    @Override
    public Object body() {
        return new BatchError(error(), getMessage(), errors);
    }
}
