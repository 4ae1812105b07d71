package nl.fotadesk.protocol.api;

/** One message of a request's thread between requester and operator. */
public record RequestComment(String at, String author, Role role, String text) {
}
