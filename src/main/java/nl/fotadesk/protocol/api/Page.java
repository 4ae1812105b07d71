package nl.fotadesk.protocol.api;

import java.util.List;

/** One page of a filtered list, with the number of matches in all pages. */
public record Page<T>(List<T> items, long total, int offset, int limit) {
}
