package nl.fotadesk.backend.http.device;

/**
 * Passed down a device connection's pipeline in place of a request that is refused before it is
 * complete (its body too large or too slow): answered in its turn, then the connection closes.
 */
record Refusal(Answer answer) {
}
