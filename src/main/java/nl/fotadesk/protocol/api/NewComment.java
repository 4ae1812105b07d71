package nl.fotadesk.protocol.api;

/** A comment to add to a request's thread. */
public record NewComment(String text) {
}
