package nl.fotadesk.protocol.api;

/** Why one entry of a batch (or one line of an import, 1-based) was refused. */
public record ItemError(int index, String imei, String error, String detail) {
}
