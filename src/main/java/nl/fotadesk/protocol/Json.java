package nl.fotadesk.protocol;

import com.fasterxml.jackson.core.JsonFactory;

/** The package's one JSON factory: thread-safe, and building one per call would be wasteful. */
final class Json {
    /** Strict JSON (no comments, NaN or trailing commas); Jackson's default limits bound nesting and number length. */
    static final JsonFactory FACTORY = JsonFactory.builder().build();

    private Json() {
    }
}
