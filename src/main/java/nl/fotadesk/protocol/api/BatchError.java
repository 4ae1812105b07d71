package nl.fotadesk.protocol.api;

import java.util.List;

/** A refused batch: the usual error and detail, and every refused entry. */
public record BatchError(String error, String detail, List<ItemError> errors) {
}
