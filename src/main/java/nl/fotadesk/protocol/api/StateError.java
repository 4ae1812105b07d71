package nl.fotadesk.protocol.api;

/** A {@code 409} for a transition the resource's current {@code state} does not allow. */
public record StateError(String error, String detail, String state) {
}
